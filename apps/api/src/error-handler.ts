import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { WeirError, type ApiError, type ErrorCode } from '@weir/contracts';

const httpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  SQL_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  STATE_INCOMPATIBLE: 409,
  FENCED: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
  INTERNAL: 500,
};

/** The API's one error mapping: every failure leaves as `{ message, code, details }`. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      path: [where, ...pathOf(v.instancePath)].join('.'),
      message: v.message ?? 'invalid',
    }));
    const first = issues[0];
    void reply.status(400).send({
      message: first ? `invalid request: ${first.path}: ${first.message}` : 'invalid request',
      code: 'VALIDATION_FAILED',
      details: { issues },
    } satisfies ApiError);
    return;
  }
  if (error instanceof WeirError) {
    if (error.domain === 'internal') request.log.error({ err: error }, 'request failed');
    void reply.status(httpStatus[error.code]).send({ message: error.message, code: error.code, details: error.details } satisfies ApiError);
    return;
  }
  if (error.statusCode && error.statusCode < 500) {
    void reply.status(error.statusCode).send({ message: error.message, code: 'VALIDATION_FAILED' } satisfies ApiError);
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.status(500).send({ message: 'internal error', code: 'INTERNAL' } satisfies ApiError);
}

function pathOf(instancePath: string): string[] {
  return instancePath.split('/').filter((part) => part.length > 0);
}
