import type { editor, languages } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../api/api-request-error';
import { sqlFormatProvider, watchFormatErrors } from './sql-format-provider';

const FULL_RANGE = { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 17 };

function fakeModel(text: string): editor.ITextModel {
  return { getValue: () => text, getFullModelRange: () => FULL_RANGE } as unknown as editor.ITextModel;
}

/** A cancellation token that `cancel()` trips, as Monaco's is when the text changes mid-request. */
function token() {
  const handlers: (() => void)[] = [];
  return {
    isCancellationRequested: false,
    onCancellationRequested: (handler: () => void) => {
      handlers.push(handler);
      return { dispose: () => handlers.splice(handlers.indexOf(handler), 1) };
    },
    cancel: () => handlers.forEach((handler) => handler()),
  };
}

const format = (model: editor.ITextModel, cancellation = token()) =>
  sqlFormatProvider.provideDocumentFormattingEdits(model, { tabSize: 2, insertSpaces: true }, cancellation as never) as Promise<languages.TextEdit[]>;

afterEach(() => vi.unstubAllGlobals());

describe('sqlFormatProvider', () => {
  it('replaces the whole document with what POST /format answers', async () => {
    const fetch = vi.fn(async () => Response.json({ sql: 'SELECT a\nFROM t\n' }));
    vi.stubGlobal('fetch', fetch);
    expect(await format(fakeModel('select a from t'))).toEqual([{ range: FULL_RANGE, text: 'SELECT a\nFROM t\n' }]);
    expect(fetch).toHaveBeenCalledWith('/api/v1/format', expect.objectContaining({ method: 'POST', body: JSON.stringify({ sql: 'select a from t' }) }));
  });

  it("tells the model's listener why formatting failed and leaves the text alone", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ message: 'the SQL cannot be formatted (line 1, column 8: unterminated string literal)', code: 'SQL_INVALID' }, { status: 400 })));
    const model = fakeModel("SELECT 'open");
    const failures: unknown[] = [];
    const stop = watchFormatErrors(model, (error) => failures.push(error));
    expect(await format(model)).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(ApiRequestError);
    expect((failures[0] as ApiRequestError).code).toBe('SQL_INVALID');
    stop();
    await format(model);
    expect(failures).toHaveLength(1);
  });

  it('stays quiet when Monaco cancels the request', async () => {
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))));
    const model = fakeModel('select 1');
    const failures: unknown[] = [];
    watchFormatErrors(model, (error) => failures.push(error));
    const cancellation = token();
    const edits = format(model, cancellation);
    cancellation.cancel();
    expect(await edits).toEqual([]);
    expect(failures).toEqual([]);
  });
});
