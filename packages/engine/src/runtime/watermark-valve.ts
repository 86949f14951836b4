/** What a valve knows, as a checkpoint keeps it. */
export interface WatermarkValveState {
  watermarks: number[];
  idle: boolean[];
  current: number;
}

/**
 * The watermark of a subtask with several input channels, like Flink's StatusWatermarkValve: the
 * minimum over the active channels, or the maximum once every channel is idle. Returns the new
 * watermark when it advanced, else undefined.
 */
export class WatermarkValve {
  private readonly watermarks: number[];
  private readonly idle: boolean[];
  private current = Number.NEGATIVE_INFINITY;

  constructor(channelCount: number) {
    this.watermarks = new Array<number>(channelCount).fill(Number.NEGATIVE_INFINITY);
    this.idle = new Array<boolean>(channelCount).fill(false);
  }

  /** The channels' watermarks and idleness, for checkpoints. */
  snapshot(): WatermarkValveState {
    return { watermarks: [...this.watermarks], idle: [...this.idle], current: this.current };
  }

  /** Restores a snapshot taken from a valve with as many channels; false (nothing restored) when the count differs. */
  restore(state: WatermarkValveState): boolean {
    if (state.watermarks.length !== this.watermarks.length) return false;
    state.watermarks.forEach((w, i) => (this.watermarks[i] = w));
    state.idle.forEach((idle, i) => (this.idle[i] = idle));
    this.current = state.current;
    return true;
  }

  /** A watermark arrived on a channel (which makes the channel active again). */
  receive(channel: number, watermark: number): number | undefined {
    if (watermark <= this.watermarks[channel]) return undefined;
    this.watermarks[channel] = watermark;
    this.idle[channel] = false;
    return this.advance();
  }

  setIdle(channel: number, idle: boolean): number | undefined {
    this.idle[channel] = idle;
    return idle ? this.advance() : undefined;
  }

  private advance(): number | undefined {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.watermarks.length; i++) {
      if (!this.idle[i] && this.watermarks[i] < min) min = this.watermarks[i];
      if (this.watermarks[i] > max) max = this.watermarks[i];
    }
    if (min === Number.POSITIVE_INFINITY) min = max;
    if (min === Number.NEGATIVE_INFINITY || min <= this.current) return undefined;
    this.current = min;
    return min;
  }
}
