import { loader } from '@monaco-editor/react';
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-sql-languages/esm/languages/flink/flink.contribution.js';
import { LanguageIdEnum } from 'monaco-sql-languages/esm/common/constants.js';
import { setupLanguageFeatures } from 'monaco-sql-languages/esm/setupLanguageFeatures.js';
import { flinkCompletion } from './flink-completion';
import { referenceHoverProvider, referenceSignatureHelpProvider } from './reference-providers';
import { sqlFormatProvider } from './sql-format-provider';

/** Monaco language id of Flink SQL, as monaco-sql-languages registers it. */
export const FLINK_SQL = LanguageIdEnum.FLINK;

/** Owner of the markers the console sets from the API's diagnostics. */
export const WEIR_MARKER_OWNER = 'weir';

// Workers come from our own bundle: Turbopack turns each `new URL(...)` into an emitted chunk.
// The flinksql label is asked for by monaco-sql-languages' worker manager (completion parsing).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === FLINK_SQL) {
      return new Worker(new URL('./flink-sql.worker.ts', import.meta.url), { type: 'module' });
    }
    return new Worker(new URL('monaco-editor/esm/vs/editor/editor.worker.js', import.meta.url), { type: 'module' });
  },
};

// The package's own diagnostics run dt-sql-parser, which flags valid Flink (e.g. a column named
// `dateTime`); the API's validator is the one source of truth for problems.
setupLanguageFeatures(FLINK_SQL, {
  diagnostics: false,
  completionItems: { enable: true, triggerCharacters: [' ', '.', '(', "'"], completionService: flinkCompletion },
});

monaco.languages.registerDocumentFormattingEditProvider(FLINK_SQL, sqlFormatProvider);
monaco.languages.registerHoverProvider(FLINK_SQL, referenceHoverProvider);
monaco.languages.registerSignatureHelpProvider(FLINK_SQL, referenceSignatureHelpProvider);

// @monaco-editor/react would otherwise fetch Monaco from a CDN.
loader.config({ monaco });

export { monaco };
