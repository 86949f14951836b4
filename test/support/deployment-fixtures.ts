import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { redisKeys, type CheckpointList, type FailoverList, type RunEvent } from '@weir/contracts';
import { testRedisUrl } from './test-database';
import type { TestPlatform } from './test-platform';

/** Ids 1..rows, at `rate` rows/s, into CSV part files under `path`: the output shows any row lost or doubled. */
export function sequenceToFiles(path: string, rows: number, rate: number): string {
  return `CREATE TABLE src (id BIGINT) WITH (
  'connector' = 'datagen', 'rows-per-second' = '${rate}',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}'
);
CREATE TABLE snk (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'csv');
INSERT INTO snk SELECT id FROM src;
`;
}

/** The lines of the visible (finished) part files, sorted; in-progress and pending parts are hidden files. */
export async function committedLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  for (const name of await readdir(path, { recursive: true }).catch(() => [])) {
    const file = String(name);
    if (file.split('/').some((part) => part.startsWith('.'))) continue;
    const text = await readFile(join(path, file), 'utf8').catch(() => '');
    for (const line of text.split('\n')) if (line.trim() !== '') lines.push(line);
  }
  return lines.sort();
}

/** The ids in the visible part files of a one-column sink, in numeric order. */
export async function committedIds(path: string): Promise<number[]> {
  return (await committedLines(path)).map(Number).sort((a, b) => a - b);
}

export async function failovers(platform: TestPlatform, id: string): Promise<FailoverList['items']> {
  return (await platform.api<FailoverList>('GET', `/deployments/${id}/failovers`)).body.items;
}

export async function checkpoints(platform: TestPlatform, id: string): Promise<CheckpointList['items']> {
  return (await platform.api<CheckpointList>('GET', `/deployments/${id}/checkpoints`)).body.items;
}

/** Polls `probe` every 100 ms until it returns a value other than undefined; throws with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** Every event workers reported on the platform's run-events stream, oldest first (the stream as the scheduler reads it). */
export async function runEvents(platform: TestPlatform): Promise<RunEvent[]> {
  const redis = new Redis(testRedisUrl);
  try {
    const entries = await redis.xrange(redisKeys(platform.prefix).runEventsStream, '-', '+');
    return entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('data') + 1]!) as RunEvent);
  } finally {
    redis.disconnect();
  }
}
