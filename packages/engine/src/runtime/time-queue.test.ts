import { describe, expect, it } from 'vitest';
import { MemoryStateBackend } from './state-backend';
import { TimeQueue } from './time-queue';

describe('TimeQueue', () => {
  it('hands out the values of each due time in time order, arrival order within a time, and forgets them', () => {
    const state = new MemoryStateBackend();
    const queue = new TimeQueue<string>(state, 'q');
    queue.add(30, 'c');
    queue.add(10, 'a');
    queue.add(30, 'd');
    queue.add(20, 'b');
    expect(queue.pollDue(9)).toBeUndefined();
    expect(queue.pollDue(30)).toEqual({ time: 10, values: ['a'] });
    expect(queue.pollDue(30)).toEqual({ time: 20, values: ['b'] });
    expect(queue.pollDue(30)).toEqual({ time: 30, values: ['c', 'd'] });
    expect(queue.pollDue(30)).toBeUndefined();
    expect(queue.size).toBe(0);
    expect(state.namespace('q').size).toBe(0);
  });

  it('lives in the state backend: a restored snapshot gives the same queue', () => {
    const state = new MemoryStateBackend();
    new TimeQueue<string>(state, 'q').add(5, 'x');
    const copy = new MemoryStateBackend();
    copy.restore(state.snapshot());
    expect(new TimeQueue<string>(copy, 'q').pollDue(5)).toEqual({ time: 5, values: ['x'] });
  });
});
