import { builtinConnectors, type ConnectorRegistry } from '@weir/engine';
import { httpConnector } from './http/http-connector';
import { jdbcConnector } from './jdbc/jdbc-connector';
import { kafkaConnector, upsertKafkaConnector } from './kafka/kafka-connector';
import { mqttConnector } from './mqtt/mqtt-connector';
import { natsConnector } from './nats/nats-connector';
import { postgresCdcConnector } from './postgres-cdc/postgres-cdc-connector';
import { rabbitmqConnector } from './rabbitmq/rabbitmq-connector';
import { redisConnector } from './redis/redis-connector';

/** Adds Weir's connectors to real systems to `registry`. */
export function registerConnectors(registry: ConnectorRegistry): ConnectorRegistry {
  return registry.register(jdbcConnector).register(natsConnector).register(postgresCdcConnector).register(redisConnector).register(rabbitmqConnector).register(mqttConnector).register(httpConnector).register(kafkaConnector).register(upsertKafkaConnector);
}

/** The engine's built-in connectors and every connector of this package. */
export function allConnectors(): ConnectorRegistry {
  return registerConnectors(builtinConnectors());
}

export { browseConnection, sampleConnection, sampleMessages, testConnection, TEST_TIMEOUT_MS } from './connections/connection-tools';
export { connectionOptionProblems, connectionSpec, isSecretOption, type ConnectionSpec } from './connections/connection-specs';
export { tableIdentity, type TableIdentity } from './connections/table-identity';
export { renderTableDdl, type TableProposal } from './connections/table-ddl';
export { quoteIdentifier } from './connections/schema-inference';
