import type { ConnectionObjects, ObjectColumn } from '@weir/contracts';

/** Limits of one sample. */
export interface SampleLimits {
  maxRows: number;
  maxSeconds: number;
}

/** What a probe read: table rows with their catalog's columns, or raw messages to be decoded. */
export type RawSample =
  | { kind: 'table'; rows: Record<string, unknown>[]; columns: ObjectColumn[]; primaryKey: string[]; timedOut: boolean }
  | {
      kind: 'messages';
      messages: string[];
      timedOut: boolean;
      fileFormat?: 'json' | 'csv';
      /** Options the table needs that only the sample found out (the JetStream stream a subject is stored in). */
      options?: Record<string, string>;
    };

/** How Weir talks to one type of external system to test it, browse it and sample it. */
export interface ConnectionProbe {
  /** Where the connection points, for messages (never with credentials). */
  endpoint(options: Record<string, string>): string;
  /** The user a connection authenticates as, for "authentication failed for user …". */
  user?(options: Record<string, string>): string | undefined;
  /** Connects, proves the credentials work and closes; resolves with what answered when known. */
  test(options: Record<string, string>, timeoutMs: number): Promise<{ server?: string }>;
  objects(options: Record<string, string>, timeoutMs: number): Promise<ConnectionObjects>;
  sample(options: Record<string, string>, object: string, limits: SampleLimits): Promise<RawSample>;
}
