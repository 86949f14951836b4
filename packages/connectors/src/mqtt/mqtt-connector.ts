import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { isChangelogFormat, MESSAGE_FORMAT_OPTION_VALUES } from '../formats/message-format';
import { MQTT_OPTION_VALUES, MQTT_OPTIONS, MQTT_REQUIRED, readMqttSpec } from './mqtt-options';
import { MqttSinkWriter } from './mqtt-sink-writer';
import { MqttSourceReader } from './mqtt-source-reader';

/** `mqtt`: topic subscriptions (wildcards, shared subscriptions) at QoS 0 or 1, and a publishing sink. */
export const mqttConnector: Connector = {
  name: 'mqtt',
  requiredOptions: MQTT_REQUIRED,
  optionalOptions: MQTT_OPTIONS,
  optionValues: { ...MESSAGE_FORMAT_OPTION_VALUES, ...MQTT_OPTION_VALUES },
  validate: (table, role) => readMqttSpec(table, role).problems,
  // A plain subscription delivers every message to each subscriber: one subtask subscribes.
  createSource: (table, subtask) => new MqttSourceReader(specOrThrow(table.table, readMqttSpec(table, 'source')), subtask.subtaskIndex === 0),
  // Debezium, Canal and Maxwell messages carry updates and deletes.
  sourceChangelogMode: (table) => (isChangelogFormat(table.options) ? 'all' : 'insert-only'),
  createSink: (table) => new MqttSinkWriter(specOrThrow(table.table, readMqttSpec(table, 'sink'))),
};
