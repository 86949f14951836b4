import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { EngineError } from '../../errors';
import { join } from 'node:path';
import type { RowBatch } from '../../runtime/row';
import type { DataType } from '../../sql/data-type';
import type { ConnectorTable, SinkContext, SinkWriter } from '../connector';
import { compileCsvLines, type LinesFormatter } from './csv-line-formatter';
import { formatField } from './field-codec';
import type { FilesystemSpec } from './filesystem-options';
import { formatJsonLine } from './json-format';
import { partitionDirectory } from './partition-path';

/** The part file a partition is writing: hidden (`.part-….inprogress`) until rolled. */
interface OpenPart {
  directory: string;
  name: string;
  bytes: number;
  openedAtMs: number;
}

/** What a checkpoint stages: parts to publish, and partitions to mark done once the input ended. */
interface FilesystemCommittable {
  parts: { directory: string; name: string }[];
  success: string[];
}

/**
 * Append-only filesystem sink. Rows go to `<path>/<col>=<value>/…` by the PARTITIONED BY columns
 * (which are not written into the files), each partition into its own part file
 * `part-<uuid>-<subtask>-<n>.<format>`. A part is written under a hidden in-progress name and
 * rolls on size, on the rollover interval, and at the end of input, when each partition written
 * gets a success file if the policy asks for one.
 *
 * Without checkpointing a rolled part is renamed to its final name at once. With checkpointing it
 * follows Flink's FileSink: in-progress → pending (on roll and on every checkpoint) → finished
 * when the checkpoint completes, so no row is visible before the checkpoint that covers it, and
 * a restore discards the parts of superseded attempts. Part names then carry the sink's uid, so a
 * restored run recognises what it left.
 */
export class FilesystemSinkWriter implements SinkWriter {
  private readonly uuid: string;
  private readonly staging: boolean;
  private readonly open = new Map<string, OpenPart>();
  /** Pending parts not yet handed to a checkpoint. */
  private staged: FilesystemCommittable['parts'] = [];
  private inputEnded = false;
  private readonly touched = new Set<string>();
  private partCounter = 0;
  /** Partition directory by the partition values' text: escaping per row was most of q10's time. */
  private readonly directories = new Map<string, string>();
  /** The previous row's partition values and directory: consecutive rows mostly share them. */
  private lastKeyValues: unknown[] | null = null;
  private lastDirectory = '';
  private readonly formatLines: LinesFormatter;
  private readonly keyIndexes: number[];
  private readonly dataIndexes: number[];
  private readonly dataNames: string[];
  private readonly dataTypes: DataType[];

  constructor(
    private readonly table: ConnectorTable,
    private readonly spec: FilesystemSpec,
    private readonly context: SinkContext,
  ) {
    this.staging = context.delivery !== null;
    this.uuid = this.staging ? `${context.uid}-${randomUUID().slice(0, 8)}` : randomUUID();
    const names = table.fields.map((f) => f.name);
    this.keyIndexes = (table.partitionKeys ?? []).map((key) => names.indexOf(key));
    const keys = new Set(this.keyIndexes);
    this.dataIndexes = names.map((_, i) => i).filter((i) => !keys.has(i));
    this.dataNames = this.dataIndexes.map((i) => names[i]);
    this.dataTypes = this.dataIndexes.map((i) => table.fields[i].type);
    this.formatLines = spec.format === 'csv' ? compileCsvLines(this.dataIndexes, this.dataTypes, spec.csv) : (batch, from, to) => this.jsonLines(batch, from, to);
  }

  write(rows: RowBatch): void {
    if (rows.length === 0) return;
    const now = Date.now();
    // Rows of a partition come in runs (q10's partitions are minutes), each formatted in one call.
    const texts = new Map<string, string>();
    let runStart = 0;
    let runDirectory = this.partitionOf(rows[0]);
    for (let i = 1; i <= rows.length; i++) {
      const directory = i < rows.length ? this.partitionOf(rows[i]) : null;
      if (directory === runDirectory) continue;
      texts.set(runDirectory, (texts.get(runDirectory) ?? '') + this.formatLines(rows, runStart, i));
      if (directory === null) break;
      runStart = i;
      runDirectory = directory;
    }
    for (const [directory, text] of texts) {
      const part = this.partFor(directory, now);
      appendFileSync(join(part.directory, `.${part.name}.inprogress`), text);
      part.bytes += Buffer.byteLength(text);
      if (part.bytes >= this.spec.rollingFileSizeBytes) this.roll(directory);
    }
  }

  finish(): void {
    for (const directory of [...this.open.keys()]) this.roll(directory);
    this.inputEnded = true;
    if (!this.staging) this.writeSuccessFiles([...this.touched]);
  }

  preCommit(): FilesystemCommittable | undefined {
    if (!this.staging) return undefined;
    for (const directory of [...this.open.keys()]) this.roll(directory);
    const success = this.inputEnded ? [...this.touched] : [];
    if (this.inputEnded) this.touched.clear();
    const parts = this.staged;
    this.staged = [];
    return parts.length === 0 && success.length === 0 ? undefined : { parts, success };
  }

  /** Publishes staged parts; a part already published (a commit repeated after a restore) is left alone. */
  commit(committables: unknown[]): void {
    for (const committable of committables as FilesystemCommittable[]) {
      for (const part of committable.parts) {
        const pending = join(part.directory, `.${part.name}.pending`);
        const final = join(part.directory, part.name);
        if (existsSync(pending)) renameSync(pending, final);
        else if (!existsSync(final)) {
          throw new EngineError(`filesystem sink '${this.table.table}': staged part ${pending} vanished before its checkpoint committed it`, { code: 'SINK_COMMIT_FAILED', domain: 'external', details: { path: pending } });
        }
      }
      this.writeSuccessFiles(committable.success);
    }
  }

  /** After a restore: publishes the restored checkpoint's parts, then deletes what this sink subtask staged after it. */
  recover(committables: unknown[]): void {
    this.commit(committables);
    const mine = new RegExp(`^\\.part-${this.context.uid}-[0-9a-f]+-${this.context.subtaskIndex}-\\d+\\..*\\.(inprogress|pending)$`);
    const sweep = (directory: string): void => {
      if (!existsSync(directory)) return;
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        if (entry.isDirectory()) sweep(join(directory, entry.name));
        else if (mine.test(entry.name)) rmSync(join(directory, entry.name), { force: true });
      }
    };
    sweep(this.spec.path);
  }

  private writeSuccessFiles(directories: string[]): void {
    if (this.spec.successFileName === null || this.keyIndexes.length === 0) return;
    for (const directory of directories) writeFileSync(join(this.spec.path, directory, this.spec.successFileName), '');
  }

  private partitionOf(row: unknown[]): string {
    const keyIndexes = this.keyIndexes;
    const last = this.lastKeyValues;
    if (last !== null) {
      let same = true;
      // Object.is: -0 and 0 print differently, and NaN is NaN.
      for (let k = 0; same && k < keyIndexes.length; k++) same = Object.is(row[keyIndexes[k]], last[k]);
      if (same) return this.lastDirectory;
    }
    let key = '';
    for (const index of keyIndexes) {
      const value = row[index];
      key += `${value === null || value === undefined ? this.spec.defaultPartitionName : formatField(value, this.table.fields[index].type)}\u0000`;
    }
    let directory = this.directories.get(key);
    if (directory === undefined) {
      const texts = key.split('\u0000');
      directory = keyIndexes.map((index, i) => partitionDirectory(this.table.fields[index].name, texts[i])).join('/');
      this.directories.set(key, directory);
    }
    this.lastKeyValues = keyIndexes.map((index) => row[index]);
    this.lastDirectory = directory;
    return directory;
  }

  private jsonLines(rows: RowBatch, from: number, to: number): string {
    let text = '';
    for (let i = from; i < to; i++) text += `${formatJsonLine(rows[i], this.dataIndexes, this.dataNames, this.dataTypes, this.spec.json)}\n`;
    return text;
  }

  private partFor(directory: string, now: number): OpenPart {
    const current = this.open.get(directory);
    if (current && now - current.openedAtMs < this.spec.rolloverIntervalMs) return current;
    if (current) this.roll(directory);
    const path = join(this.spec.path, directory);
    mkdirSync(path, { recursive: true });
    const part = { directory: path, name: `part-${this.uuid}-${this.context.subtaskIndex}-${this.partCounter++}.${this.spec.format}`, bytes: 0, openedAtMs: now };
    this.open.set(directory, part);
    this.touched.add(directory);
    return part;
  }

  /** Closes a part: published under its final name, or (checkpointing) pending until a checkpoint commits it. */
  private roll(directory: string): void {
    const part = this.open.get(directory);
    if (!part) return;
    this.open.delete(directory);
    const inProgress = join(part.directory, `.${part.name}.inprogress`);
    if (!this.staging) {
      renameSync(inProgress, join(part.directory, part.name));
      return;
    }
    renameSync(inProgress, join(part.directory, `.${part.name}.pending`));
    this.staged.push({ directory: part.directory, name: part.name });
  }
}
