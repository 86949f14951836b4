import type { editor, languages, Position } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { enclosingCall } from './completion-context';
import { functionDoc } from './reference-completion';
import { sqlReferenceNow } from './sql-reference-store';

function textBefore(model: editor.ITextModel, position: Position): string {
  return model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
}

/** Hover docs: a built-in function's signatures and doc, a SET key's meaning. */
export const referenceHoverProvider: languages.HoverProvider = {
  provideHover(model, position) {
    const word = model.getWordAtPosition(position);
    if (!word) return null;
    const range = { startLineNumber: position.lineNumber, startColumn: word.startColumn, endLineNumber: position.lineNumber, endColumn: word.endColumn };
    const fn = sqlReferenceNow().functions.find((f) => f.name === word.word.toUpperCase());
    const after = model.getLineContent(position.lineNumber).slice(word.endColumn - 1);
    // A column may share a function's name; only a call (or a niladic name such as CURRENT_DATE) is the function.
    if (fn && (/^\s*\(/.test(after) || !/\(/.test(fn.signatures[0] ?? ''))) return { range, contents: [functionDoc(fn)] };
    const line = model.getLineContent(position.lineNumber);
    const quoted = /'([^']+)'/g;
    for (let m = quoted.exec(line); m; m = quoted.exec(line)) {
      if (position.column - 1 < m.index || position.column - 1 > m.index + m[0].length) continue;
      const option = sqlReferenceNow().sessionOptions.find((o) => o.key === m[1]);
      if (option) return { contents: [{ value: `\`SET '${option.key}'\`\n\n${option.doc}${option.values ? `\n\nValues: ${option.values.join(', ')}` : ''}` }] };
    }
    return null;
  },
};

/** Signature help: inside a call, the function's signatures with the argument the caret is in. */
export const referenceSignatureHelpProvider: languages.SignatureHelpProvider = {
  signatureHelpTriggerCharacters: ['(', ','],
  signatureHelpRetriggerCharacters: [','],
  provideSignatureHelp(model, position) {
    const call = enclosingCall(textBefore(model, position));
    const fn = call && sqlReferenceNow().functions.find((f) => f.name === call.name);
    if (!call || !fn) return null;
    const signatures = fn.signatures.map((label) => ({ label, documentation: fn.doc, parameters: parameterLabels(label).map((p) => ({ label: p })) }));
    return { value: { signatures, activeSignature: 0, activeParameter: call.argument }, dispose: () => undefined };
  },
};

// `SUBSTRING(string, integer1 [, integer2])` → ['string', 'integer1', 'integer2']: Monaco highlights a parameter by its text.
function parameterLabels(signature: string): string[] {
  const inner = /\((.*)\)/.exec(signature)?.[1] ?? '';
  return inner.split(',').map((p) => p.replace(/[[\]]/g, '').trim().split(/\s+/)[0] ?? '').filter((p) => p !== '' && signature.includes(p));
}
