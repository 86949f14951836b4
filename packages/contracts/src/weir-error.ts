import type { ErrorCode } from './errors';

/** Who is at fault: the user's input, a system outside Weir, or Weir itself. */
export type ErrorDomain = 'user' | 'external' | 'internal';

const defaultDomain: Record<ErrorCode, ErrorDomain> = {
  VALIDATION_FAILED: 'user',
  SQL_INVALID: 'user',
  NOT_FOUND: 'user',
  CONFLICT: 'user',
  ILLEGAL_TRANSITION: 'user',
  STATE_INCOMPATIBLE: 'user',
  FENCED: 'internal',
  UNAUTHENTICATED: 'user',
  FORBIDDEN: 'user',
  RATE_LIMITED: 'user',
  UNAVAILABLE: 'external',
  TIMEOUT: 'external',
  INTERNAL: 'internal',
};

/** The platform's one error type: a stable code, who is at fault, and context for the reader. */
export class WeirError extends Error {
  readonly code: ErrorCode;
  readonly domain: ErrorDomain;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { domain?: ErrorDomain; details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'WeirError';
    this.code = code;
    this.domain = options.domain ?? defaultDomain[code];
    this.details = options.details;
  }
}
