import { PassThrough } from 'node:stream';
import type { JobHandle } from '../../src/index';
import { gate } from './values-connector';

/** A stream collecting what a job prints. */
export function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

/** Waits until every values reader is held by the gate or done: true then, false when the job ended first. */
export async function parked(handle: JobHandle): Promise<boolean> {
  let ended = false;
  void handle.done.then(() => (ended = true), () => (ended = true));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (ended) return false;
    const states = [...gate.readers].map((r) => r.state());
    if (states.includes('held') && !states.includes('reading')) return true;
  }
}
