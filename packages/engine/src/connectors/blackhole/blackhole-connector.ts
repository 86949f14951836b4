import type { Connector, SinkWriter } from '../connector';

/** Discards rows; the runner's metrics still count them. */
class BlackholeSinkWriter implements SinkWriter {
  write(): void {}

  finish(): void {}
}

/** Flink's `blackhole` connector, for benchmarks such as Nexmark. */
export const blackholeConnector: Connector = {
  name: 'blackhole',
  requiredOptions: [],
  optionalOptions: ['sink.parallelism'],
  // Like Flink's blackhole, it accepts every change but UPDATE_BEFORE.
  sinkChangelogMode: 'upsert',
  createSink: () => new BlackholeSinkWriter(),
};
