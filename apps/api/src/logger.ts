import { pino, type Logger } from 'pino';

/** Root logger of the API process; components take children with a `component` field. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'api' } });
}
