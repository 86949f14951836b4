import mqtt, { type MqttClient } from 'mqtt';
import { EngineError } from '@weir/engine';
import { redactUrl } from '../common/redact-url';
import type { MqttSpec } from './mqtt-options';

/** An MQTT failure as an external EngineError that says where. */
export function mqttError(spec: MqttSpec, what: string, error: unknown): EngineError {
  return new EngineError(`${what} (MQTT at ${redactUrl(spec.url)}): ${(error as Error).message}`, { code: 'MQTT_FAILED', domain: 'external', cause: error });
}

/** Connects (the client reconnects by itself afterwards); bad credentials fail with the broker's reason code. */
export async function openMqtt(spec: MqttSpec, role: string): Promise<MqttClient> {
  try {
    return await mqtt.connectAsync(spec.url, {
      clientId: spec.clientId ?? `weir-${role}-${Math.random().toString(16).slice(2, 10)}`,
      ...(spec.username !== undefined ? { username: spec.username, password: spec.password } : {}),
      connectTimeout: 5_000,
      reconnectPeriod: 1_000,
    });
  } catch (error) {
    throw mqttError(spec, 'cannot connect', error);
  }
}
