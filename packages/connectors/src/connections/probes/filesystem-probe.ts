import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { ConnectionObject } from '@weir/contracts';
import type { ConnectionProbe, RawSample } from '../connection-probe';
import { ProbeFailure } from '../connection-failure';

const LISTED_FILES = 500;

async function walk(root: string, dir: string, out: ConnectionObject[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (out.length >= LISTED_FILES) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) {
      const name = relative(root, path);
      out.push({ name, kind: 'file', path: name.split('/'), detail: `${(await stat(path)).size} bytes` });
    }
  }
}

/** Reads the first lines of a file; `.csv` keeps its header line first. */
async function firstLines(path: string, max: number): Promise<string[]> {
  const lines: string[] = [];
  const input = createReadStream(path, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  for await (const line of reader) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length >= max) break;
  }
  reader.close();
  input.destroy();
  return lines;
}

export const filesystemProbe: ConnectionProbe = {
  endpoint: (o) => `directory ${o.path}`,
  async test(options) {
    const info = await stat(options.path).catch((error: NodeJS.ErrnoException) => {
      throw new ProbeFailure(error.code === 'EACCES' ? 'PERMISSION' : 'NOT_FOUND', `${options.path}: ${error.code === 'EACCES' ? 'permission denied' : 'no such directory'}`);
    });
    if (!info.isDirectory()) throw new ProbeFailure('NOT_FOUND', `${options.path} is a file, not a directory`);
    return { server: 'local filesystem' };
  },
  async objects(options) {
    const items: ConnectionObject[] = [];
    await walk(options.path, options.path, items);
    return { items, ...(items.length >= LISTED_FILES ? { hint: `the first ${LISTED_FILES} files` } : {}) };
  },
  async sample(options, object, limits): Promise<RawSample> {
    const path = join(options.path, object);
    if (relative(options.path, path).startsWith('..')) throw new ProbeFailure('PERMISSION', `'${object}' is outside the connection's directory`);
    const csv = extname(path).toLowerCase() === '.csv';
    const lines = await firstLines(path, limits.maxRows + (csv ? 1 : 0)).catch((error: NodeJS.ErrnoException) => {
      throw new ProbeFailure('NOT_FOUND', `${object}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return { kind: 'messages', messages: lines, timedOut: false, fileFormat: csv ? 'csv' : 'json' };
  },
};
