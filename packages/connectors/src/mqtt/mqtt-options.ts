import type { ConnectorTable } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { FORMAT_OPTIONS, readMessageFormat, readParseErrorPolicy, type MessageFormat, type ParseErrorPolicy } from '../formats/message-format';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const MQTT_OPTION_VALUES = {
  'qos': ['0', '1'],
} as const;

/** Everything the mqtt connector reads from a table's options. */
export interface MqttSpec {
  url: string;
  topic: string;
  qos: 0 | 1;
  clientId: string | undefined;
  username: string | undefined;
  password: string | undefined;
  retain: boolean;
  format: MessageFormat;
  parseErrors: ParseErrorPolicy;
}

export const MQTT_REQUIRED = ['topic'] as const;
export const MQTT_OPTIONS = ['url', 'qos', 'client-id', 'username', 'password', 'sink.retain', 'sink.parallelism', ...FORMAT_OPTIONS] as const;

/** Parses and checks an mqtt table's options; each problem names its option. */
export function readMqttSpec(table: ConnectorTable, role: 'source' | 'sink' | 'lookup') {
  const reader = new OptionReader(table.options);
  const topic = table.options.topic ?? '';
  if (role === 'sink' && /[+#]/.test(topic)) reader.invalid('topic', 'a topic without wildcards (+ and # are for subscriptions)');
  if (role === 'sink' && topic.startsWith('$share/')) reader.invalid('topic', "a plain topic ('$share/…' is a shared subscription)");
  const url = reader.string('url', 'mqtt://127.0.0.1:1883');
  if (!/^(mqtts?|wss?):\/\//.test(url)) reader.invalid('url', "a URL such as 'mqtt://127.0.0.1:1883'");
  const spec: MqttSpec = {
    url,
    topic,
    qos: Number(reader.oneOf('qos', MQTT_OPTION_VALUES['qos'], '1')) as 0 | 1,
    clientId: reader.string('client-id'),
    username: reader.string('username'),
    password: reader.string('password'),
    retain: reader.bool('sink.retain', false),
    format: readMessageFormat(reader, table.fields, role),
    parseErrors: readParseErrorPolicy(reader),
  };
  return { spec, problems: reader.problems };
}
