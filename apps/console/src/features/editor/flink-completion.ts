import type { CompletionService, ICompletionItem } from 'monaco-sql-languages/esm/monaco.contribution.js';
import { languages } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { completionCatalog } from './catalog-completion';
import { completionContext } from './completion-context';
import { functionItems, referenceItems } from './reference-completion';
import { sqlReferenceNow } from './sql-reference-store';

/**
 * Inside WITH and SET, option keys and values from the engine's reference; elsewhere keywords
 * and snippets from the grammar, the built-in functions, plus the tables and columns the script itself
 * declares and the workspace catalog's (columns of the catalog tables the script names): the
 * parser reports which of those fit at the caret. Context types are compared as
 * strings so the main bundle does not pull in dt-sql-parser (it runs in the worker).
 */
export const flinkCompletion: CompletionService = async (model, position, _context, suggestions, entities, snippets) => {
  const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
  // Inside WITH or after SET the engine's reference knows the options and their values; the grammar does not.
  const fromReference = referenceItems(completionContext(before), sqlReferenceNow());
  if (fromReference) return fromReference;
  if (!suggestions) return [];
  const items: ICompletionItem[] = [];
  const wanted = new Set(suggestions.syntax.map((s) => String(s.syntaxContextType)));
  const created = (entities ?? []).filter((e) => String(e.entityContextType) === 'tableCreate');

  const declared = new Set(created.map((t) => t.text));
  // A script's own CREATE TABLE shadows a catalog table of the same name, as in the engine.
  const catalog = completionCatalog().filter((t) => !declared.has(t.name));
  if (wanted.has('table') || wanted.has('view')) {
    for (const table of created) {
      items.push({ label: table.text, kind: languages.CompletionItemKind.Class, detail: 'table', sortText: `0${table.text}` });
    }
    for (const table of catalog) {
      items.push({ label: table.name, kind: languages.CompletionItemKind.Class, detail: `catalog ${table.roles.join('/')} · ${table.connector}`, documentation: table.description, sortText: `1${table.name}` });
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
    const words = new Set(model.getValue().match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
    for (const table of catalog.filter((t) => words.has(t.name))) {
      for (const column of table.columns) {
        if (seen.has(column.name)) continue;
        seen.add(column.name);
        items.push({ label: column.name, kind: languages.CompletionItemKind.Field, detail: `${column.type} · column of ${table.name}`, sortText: `0${column.name}` });
      }
    }
  }
  if (wanted.has('column') || wanted.has('function')) items.push(...functionItems(sqlReferenceNow()));
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
