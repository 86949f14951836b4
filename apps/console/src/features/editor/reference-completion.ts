import type { ICompletionItem } from 'monaco-sql-languages/esm/monaco.contribution.js';
import { languages } from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { FunctionReference, SqlReference } from '@weir/contracts';
import type { CompletionContext } from './completion-context';

/** Items for a WITH option or SET key/value context; undefined when the grammar's items fit instead. */
export function referenceItems(context: CompletionContext, reference: SqlReference): ICompletionItem[] | undefined {
  switch (context.kind) {
    case 'with-key': {
      const connectors = reference.connectors.filter((c) => context.connector === undefined || c.name === context.connector);
      const items = new Map<string, ICompletionItem>();
      if (context.connector === undefined) items.set('connector', optionItem('connector', 'required · the connector', true));
      for (const connector of connectors) {
        for (const option of connector.options) {
          if (!items.has(option.key)) items.set(option.key, optionItem(option.key, `${option.required ? 'required' : 'optional'} · ${connector.name}${option.values ? ` · ${option.values.join(' | ')}` : ''}`, option.required));
        }
        for (const pattern of connector.optionPatterns) {
          if (!items.has(pattern)) items.set(pattern, { ...optionItem(pattern, `option family · ${connector.name} (# is a name you choose)`, false), insertText: pattern.replace('#', '${1:name}'), insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet });
        }
      }
      return [...items.values()];
    }
    case 'with-value': {
      if (context.key === 'connector') return reference.connectors.map((c) => valueItem(c.name, c.roles.join(' / ')));
      const values = reference.connectors.filter((c) => context.connector === undefined || c.name === context.connector)
        .flatMap((c) => c.options.find((o) => o.key === context.key)?.values ?? []);
      return [...new Set(values)].map((v) => valueItem(v, context.key));
    }
    case 'set-key':
      return reference.sessionOptions.map((o) => ({ label: o.key, kind: languages.CompletionItemKind.Property, detail: `SET · e.g. '${o.example}'`, documentation: o.doc, sortText: `0${o.key}` }));
    case 'set-value':
      return (reference.sessionOptions.find((o) => o.key === context.key)?.values ?? []).map((v) => valueItem(v, context.key));
    default:
      return undefined;
  }
}

/** Completion items for the built-in functions: a call snippet, the signature and Flink's one-line doc. */
export function functionItems(reference: SqlReference): ICompletionItem[] {
  return reference.functions.map((fn) => ({
    label: fn.name,
    kind: fn.kind === 'table' ? languages.CompletionItemKind.Module : languages.CompletionItemKind.Function,
    detail: fn.signatures[0],
    documentation: functionDoc(fn),
    insertText: /\(/.test(fn.signatures[0] ?? '') ? `${fn.name}($0)` : fn.name,
    insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet,
    sortText: `1${fn.name}`,
  }));
}

/** Markdown for a function: every signature and its doc. */
export function functionDoc(fn: FunctionReference): { value: string } {
  return { value: `${fn.signatures.map((s) => `\`${s}\``).join('  \n')}\n\n${fn.doc}\n\n*${fn.kind} · ${fn.category}*` };
}

function optionItem(key: string, detail: string, required: boolean): ICompletionItem {
  return { label: key, kind: languages.CompletionItemKind.Property, detail, sortText: `${required ? 0 : 1}${key}` };
}

function valueItem(value: string, detail: string): ICompletionItem {
  return { label: value, kind: languages.CompletionItemKind.EnumMember, detail, sortText: `0${value}` };
}
