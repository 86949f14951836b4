'use client';

import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useLayoutEffect, useRef } from 'react';
import { FLINK_SQL } from '../editor/monaco-setup';
import { EditorPlaceholder } from '../editor/sql-editor';

type StandaloneDiffEditor = Parameters<DiffOnMount>[0];

const LINE_HEIGHT_PX = 20;
const MIN_LINES = 6;
const MAX_LINES = 32;

// One object for the component's life: @monaco-editor/react re-applies options whenever their identity changes.
const OPTIONS = {
  readOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  automaticLayout: true,
  fontSize: 13,
  lineHeight: LINE_HEIGHT_PX,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  renderOverviewRuler: false,
  wordWrap: 'off',
  padding: { top: 8 },
} as const;

/** Two SQL texts side by side in Monaco's diff editor, in Flink SQL mode. Client-only: load it with `ssr: false`. */
export function VersionDiffEditor({ original, modified }: { original: string; modified: string }) {
  const editorRef = useRef<StandaloneDiffEditor | null>(null);
  // @monaco-editor/react 4.7 disposes the models before the widget on unmount, which Monaco 0.52
  // reports as "TextModel got disposed before DiffEditorWidget model got reset"
  // (suren-atoyan/monaco-react#647). The models are kept from it and released here, after the
  // widget let go of them; layout-effect cleanups run before the library's passive one.
  useLayoutEffect(
    () => () => {
      const editor = editorRef.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  const lines = Math.max(original.split('\n').length, modified.split('\n').length);
  const heightPx = Math.min(Math.max(lines, MIN_LINES), MAX_LINES) * LINE_HEIGHT_PX + 16;
  return (
    <div style={{ height: heightPx }}>
      <DiffEditor
        original={original}
        modified={modified}
        language={FLINK_SQL}
        theme="vs"
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(editor) => {
          editorRef.current = editor;
        }}
        loading={<EditorPlaceholder />}
        options={OPTIONS}
      />
    </div>
  );
}
