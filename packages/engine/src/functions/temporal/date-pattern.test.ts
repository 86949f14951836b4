import { describe, expect, it } from 'vitest';
import { compileDateFormatter } from './date-pattern';

describe('compileDateFormatter', () => {
  it('gives the same text as a fresh formatter across the span it keeps', () => {
    const patterns = ['HH:mm', 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm:ss.SSS', 'h a', "'at' mm", 'D'];
    const start = Date.UTC(2024, 0, 1, 23, 58, 59, 990);
    const times = [start, start + 5, start + 10, start + 61_000, start + 3_600_000, start - 86_400_000, -1, 0, -60_001, 1.5, -1.5, 8.64e15, 8.64e15 + 1, NaN];
    for (const pattern of patterns) {
      const cached = compileDateFormatter(pattern);
      for (const ms of [...times, ...times.slice().reverse()]) expect(cached(ms), `${pattern} at ${ms}`).toBe(compileDateFormatter(pattern)(ms));
    }
  });

  it('formats a minute pattern across minute boundaries', () => {
    const format = compileDateFormatter('HH:mm');
    const t = Date.UTC(2024, 0, 1, 10, 30, 59, 999);
    expect([format(t), format(t + 1), format(t + 60_001), format(t)]).toEqual(['10:30', '10:31', '10:32', '10:30']);
  });
});
