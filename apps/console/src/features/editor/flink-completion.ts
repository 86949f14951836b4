import type { CompletionService, ICompletionItem } from 'monaco-sql-languages/esm/monaco.contribution.js';
import { languages } from 'monaco-editor/esm/vs/editor/editor.api.js';

/** Option keys of the connectors Weir ships, offered inside `WITH (...)`. */
const CONNECTOR_OPTIONS = ['connector', 'rows-per-second', 'number-of-rows', 'path', 'format', 'print-identifier'];

/**
 * Keywords and snippets from the grammar, plus the tables and columns the script itself
 * declares: the parser reports which of those fit at the caret. Context types are compared as
 * strings so the main bundle does not pull in dt-sql-parser (it runs in the worker).
 */
export const flinkCompletion: CompletionService = async (_model, _position, _context, suggestions, entities, snippets) => {
  if (!suggestions) return [];
  const items: ICompletionItem[] = [];
  const wanted = new Set(suggestions.syntax.map((s) => String(s.syntaxContextType)));
  const created = (entities ?? []).filter((e) => String(e.entityContextType) === 'tableCreate');

  if (wanted.has('table') || wanted.has('view')) {
    for (const table of created) {
      items.push({ label: table.text, kind: languages.CompletionItemKind.Class, detail: 'table', sortText: `0${table.text}` });
    }
  }
  if (wanted.has('column')) {
    const seen = new Set<string>();
    for (const table of created) {
      for (const column of 'columns' in table ? (table.columns ?? []) : []) {
        if (seen.has(column.text)) continue;
        seen.add(column.text);
        items.push({ label: column.text, kind: languages.CompletionItemKind.Field, detail: `column of ${table.text}`, sortText: `0${column.text}` });
      }
    }
  }
  if (wanted.has('tablePropertyKey')) {
    for (const option of CONNECTOR_OPTIONS) {
      items.push({ label: `'${option}'`, kind: languages.CompletionItemKind.Property, detail: 'connector option', sortText: `0${option}` });
    }
  }
  for (const keyword of suggestions.keywords) {
    items.push({ label: keyword, kind: languages.CompletionItemKind.Keyword, detail: 'keyword', sortText: `2${keyword}` });
  }
  for (const snippet of snippets ?? []) {
    items.push({
      label: snippet.label || snippet.prefix,
      kind: languages.CompletionItemKind.Snippet,
      filterText: snippet.prefix,
      insertText: snippet.insertText,
      insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet,
      detail: snippet.description || 'snippet',
      sortText: `3${snippet.prefix}`,
    });
  }
  return items;
};
