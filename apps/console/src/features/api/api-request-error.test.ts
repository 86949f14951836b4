import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-request-error';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ApiRequestError.fromResponse', () => {
  it('keeps code, field issues and diagnostics of an API error body', async () => {
    const error = await ApiRequestError.fromResponse(
      json(400, {
        message: 'body is invalid',
        code: 'VALIDATION_FAILED',
        details: {
          issues: [{ path: 'name', message: 'name must not be empty' }],
          diagnostics: [{ severity: 'error', message: 'bad', code: 'X', line: 3, column: 28, endLine: 3, endColumn: 32 }],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('body is invalid');
    expect(error.fieldIssues).toEqual([{ path: 'name', message: 'name must not be empty' }]);
    expect(error.diagnostics[0]).toMatchObject({ line: 3, column: 28 });
  });

  it('turns a non-API answer (a proxy page, an empty 502) into UNAVAILABLE', async () => {
    const error = await ApiRequestError.fromResponse(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('502 Bad Gateway from the API');
    expect(error.fieldIssues).toEqual([]);
    expect(error.diagnostics).toEqual([]);
  });

  it('reads who saved the newer version off a stale save, and nothing off other conflicts', async () => {
    const stale = await ApiRequestError.fromResponse(
      json(409, {
        message: 'version 3 was saved by bob@example.com at 2026-01-02T03:04:05.000Z, after version 2 you started from; reload it, or save again on top of it',
        code: 'CONFLICT',
        details: { latestVersion: 3, savedBy: 'bob@example.com', savedAt: '2026-01-02T03:04:05.000Z', issues: [{ path: 'baseVersion', message: 'the latest version is 3' }] },
      }),
    );
    expect(stale.staleSave).toEqual({ latestVersion: 3, savedBy: 'bob@example.com', savedAt: '2026-01-02T03:04:05.000Z' });
    const nameTaken = await ApiRequestError.fromResponse(json(409, { message: "a job named 'x' exists", code: 'CONFLICT', details: { name: 'x' } }));
    expect(nameTaken.staleSave).toBeNull();
  });
});
