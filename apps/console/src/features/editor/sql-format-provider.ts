import type { editor, languages } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { apiClient } from '../api/api-client';

type FormatErrorListener = (error: unknown) => void;

// The provider is registered once for the language; each editor listens for its own model's failures.
const listeners = new WeakMap<editor.ITextModel, FormatErrorListener>();

/** Sends the failures of formatting `model` (SQL that does not lex, the API unreachable) to `listener`; returns the unsubscribe. */
export function watchFormatErrors(model: editor.ITextModel, listener: FormatErrorListener): () => void {
  listeners.set(model, listener);
  return () => {
    if (listeners.get(model) === listener) listeners.delete(model);
  };
}

/**
 * Formats a whole document with the API's formatter (the engine's, as validation is): behind
 * Shift+Alt+F, the context menu's "Format Document" and the editor's Format button. Monaco turns
 * the one replacing edit into minimal ones and undoes it as one step.
 */
export const sqlFormatProvider: languages.DocumentFormattingEditProvider = {
  displayName: 'Weir',
  async provideDocumentFormattingEdits(model, _options, token) {
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      const { sql } = await apiClient.formatSql(model.getValue(), controller.signal);
      return [{ range: model.getFullModelRange(), text: sql }];
    } catch (error) {
      if (!controller.signal.aborted) listeners.get(model)?.(error);
      return [];
    } finally {
      cancel.dispose();
    }
  },
};
