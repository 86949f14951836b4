import type { Diagnostic } from './sql/diagnostic';

/** Who has to act on an error: the user (bad SQL), an external system, or us (a bug). */
export type ErrorDomain = 'user' | 'external' | 'internal';

export interface EngineErrorOptions {
  code: string;
  domain: ErrorDomain;
  details?: unknown;
  cause?: unknown;
}

/** Base error of the engine: a stable code for programs, a domain for retry decisions. */
export class EngineError extends Error {
  readonly code: string;
  readonly domain: ErrorDomain;
  readonly details?: unknown;

  constructor(message: string, options: EngineErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = options.code;
    this.domain = options.domain;
    this.details = options.details;
  }
}

/** A script that does not validate; carries every diagnostic found, not just the first. */
export class SqlError extends EngineError {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
    const message = first ? `${first.line}:${first.column}: ${first.message}${more}` : 'invalid SQL';
    super(message, { code: first?.code ?? 'SQL_INVALID', domain: 'user', details: { diagnostics } });
    this.name = 'SqlError';
    this.diagnostics = diagnostics;
  }
}
