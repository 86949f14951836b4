import { connect, type ChannelModel } from 'amqplib';
import { EngineError } from '@weir/engine';
import { redactUrl } from '../common/redact-url';

/** A RabbitMQ failure as an external EngineError that says where. */
export function rabbitError(uri: string, what: string, error: unknown): EngineError {
  return new EngineError(`${what} (RabbitMQ at ${redactUrl(uri)}): ${(error as Error).message}`, { code: 'RABBITMQ_FAILED', domain: 'external', cause: error });
}

/** Connects; a refused connection or bad credentials fail with the broker's reason. */
export async function openRabbitMq(uri: string, name: string): Promise<ChannelModel> {
  try {
    const connection = await connect(uri, { clientProperties: { connection_name: name } });
    connection.on('error', () => undefined);
    return connection;
  } catch (error) {
    throw rabbitError(uri, 'cannot connect', error);
  }
}
