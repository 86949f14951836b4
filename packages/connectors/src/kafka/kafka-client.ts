import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { EngineError } from '@weir/engine';
import type { KafkaSpec } from './kafka-options';

/** A kafkajs client for a table, with its retries and timeouts and without kafkajs's own logging. */
export function kafkaClient(spec: KafkaSpec, role: string): Kafka {
  return new Kafka({
    clientId: `${spec.clientId}-${role}`,
    brokers: spec.brokers,
    connectionTimeout: spec.connectTimeoutMs,
    requestTimeout: spec.connectTimeoutMs * 3,
    retry: { retries: spec.retries, initialRetryTime: 200, maxRetryTime: 5_000 },
    ssl: spec.ssl,
    ...(spec.sasl ? { sasl: spec.sasl as SASLOptions } : {}),
    logLevel: logLevel.NOTHING,
  });
}

/** A Kafka failure as an external EngineError that names the brokers. */
export function kafkaError(spec: KafkaSpec, what: string, error: unknown): EngineError {
  return new EngineError(`${what} (Kafka at ${spec.brokers.join(', ')}): ${(error as Error).message}`, { code: 'KAFKA_FAILED', domain: 'external', cause: error });
}
