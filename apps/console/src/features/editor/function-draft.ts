import type { UserFunctionSource } from '@weir/contracts';

/** A user function as the editor holds it while typing: argument types as the text typed. */
export interface FunctionDraft {
  identifier: string;
  resultType: string;
  argumentTypes: string;
  source: string;
}

/** A new function as a starting point: a valid JavaScript function the user replaces. */
export function newFunctionDraft(index: number): FunctionDraft {
  return { identifier: `my_function_${index}`, resultType: 'STRING', argumentTypes: 'STRING', source: '(s) => s === null ? null : s.toUpperCase()' };
}

/**
 * Splits `STRING, DECIMAL(10, 2), MAP<STRING, INT>` at the commas outside brackets; blank text
 * means any arguments are accepted (no declared types).
 */
export function splitArgumentTypes(text: string): string[] | undefined {
  if (text.trim() === '') return undefined;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '<') depth++;
    if (ch === ')' || ch === '>') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}

/** The draft as the API takes it. */
export function toFunctionSource(draft: FunctionDraft): UserFunctionSource {
  const argumentTypes = splitArgumentTypes(draft.argumentTypes);
  return {
    identifier: draft.identifier.trim(),
    language: 'javascript',
    source: draft.source,
    resultType: draft.resultType.trim(),
    ...(argumentTypes ? { argumentTypes } : {}),
  };
}

/** A saved function as a draft. */
export function toFunctionDraft(fn: UserFunctionSource): FunctionDraft {
  return { identifier: fn.identifier, resultType: fn.resultType, argumentTypes: (fn.argumentTypes ?? []).join(', '), source: fn.source };
}

/** Whether the drafts say what the saved functions say (unsaved changes otherwise). */
export function sameFunctions(drafts: FunctionDraft[], saved: UserFunctionSource[]): boolean {
  return JSON.stringify(drafts.map(toFunctionSource)) === JSON.stringify(saved.map((fn) => toFunctionSource(toFunctionDraft(fn))));
}
