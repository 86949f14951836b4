import { describe, expect, it } from 'vitest';
import { WatermarkValve } from './watermark-valve';

describe('WatermarkValve', () => {
  it('advances to the minimum over active channels, skipping idle ones, and to the maximum when all are idle', () => {
    const valve = new WatermarkValve(2);
    expect(valve.receive(0, 10)).toBeUndefined();
    expect(valve.receive(1, 5)).toBe(5);
    expect(valve.receive(1, 20)).toBe(10);
    expect(valve.receive(0, 8)).toBeUndefined();
    expect(valve.receive(0, 30)).toBe(20);
    expect(valve.setIdle(1, true)).toBe(30);
    expect(valve.receive(1, 25)).toBeUndefined();
    expect(valve.setIdle(0, true)).toBeUndefined();
    expect(valve.setIdle(1, true)).toBeUndefined();
    expect(valve.receive(1, 40)).toBe(40);
  });
});
