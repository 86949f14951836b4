import type { Row } from '../../runtime/row';
import type { ConnectorTable, LookupSource } from '../connector';
import type { FilesystemSpec } from './filesystem-options';
import { FilesystemSourceReader } from './filesystem-source-reader';

/**
 * The filesystem connector as a lookup (dimension) table. A file has no index, so `lookup` reads
 * the file(s) again and keeps the rows whose key columns equal the key: what NONE and PARTIAL
 * caching see on a miss, so a changed file shows through. `loadAll` gives FULL caching the whole
 * table, which the join indexes by key. Key values compare as SQL equality: NULL matches nothing.
 */
export class FilesystemLookupSource implements LookupSource {
  private readonly keys: number[];

  constructor(
    private readonly table: ConnectorTable,
    private readonly spec: FilesystemSpec,
  ) {
    this.keys = table.lookupKeys ?? [];
  }

  lookup(key: Row): Row[] {
    if (key.some((value) => value === null)) return [];
    return this.loadAll().filter((row) => this.keys.every((column, i) => row[column] === key[i]));
  }

  loadAll(): Row[] {
    const reader = new FilesystemSourceReader({ ...this.table, projection: undefined }, this.spec, { subtaskIndex: 0, parallelism: 1 });
    const rows: Row[] = [];
    for (;;) {
      const poll = reader.poll(Number.MAX_SAFE_INTEGER);
      rows.push(...poll.rows);
      if (poll.finished) return rows;
    }
  }
}
