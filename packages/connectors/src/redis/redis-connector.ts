import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { MESSAGE_FORMAT_OPTION_VALUES } from '../formats/message-format';
import { RedisLookupSource } from './redis-lookup';
import { readRedisSpec, REDIS_OPTION_VALUES, REDIS_OPTIONS, REDIS_REQUIRED } from './redis-options';
import { RedisSinkWriter } from './redis-sink-writer';
import { RedisStreamReader } from './redis-stream-reader';

/** `redis`: sinks to strings, hashes, lists, streams and channels; lookups by key; a source from a stream. */
export const redisConnector: Connector = {
  name: 'redis',
  requiredOptions: REDIS_REQUIRED,
  optionalOptions: REDIS_OPTIONS,
  optionValues: { ...MESSAGE_FORMAT_OPTION_VALUES, ...REDIS_OPTION_VALUES },
  validate: (table, role) => readRedisSpec(table, role).problems,
  // One consumer reads a stream in order; the other subtasks of a parallel source read nothing.
  createSource: (table, subtask) => new RedisStreamReader(specOrThrow(table.table, readRedisSpec(table, 'source')), table, subtask.subtaskIndex === 0),
  createSink: (table) => new RedisSinkWriter(specOrThrow(table.table, readRedisSpec(table, 'sink')), table),
  createLookup: (table) => new RedisLookupSource(specOrThrow(table.table, readRedisSpec(table, 'lookup')), table),
  sinkChangelogMode: 'upsert',
};
