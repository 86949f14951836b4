'use client';

import Editor, { type OnMount } from '@monaco-editor/react';
import type { SqlDiagnostic } from '@weir/contracts';
import { useEffect, useRef, useState } from 'react';
import { FLINK_SQL, WEIR_MARKER_OWNER, monaco } from './monaco-setup';
import { watchFormatErrors } from './sql-format-provider';
import { EditorLoading } from '../shell/editor-loading';

export type SqlEditorHandle = {
  /** Moves the caret to a 1-based position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  /** Formats the whole text, as Shift+Alt+F does; failures go to `onFormatError`. */
  format(): Promise<void>;
};

type Props = {
  value: string;
  onChange: (value: string) => void;
  diagnostics: SqlDiagnostic[];
  onSave?: () => void;
  /** Called when formatting fails: SQL that does not lex, or the API cannot be reached. */
  onFormatError?: (error: unknown) => void;
  onReady?: (handle: SqlEditorHandle) => void;
};

type StandaloneEditor = Parameters<OnMount>[0];

/** Monaco in Flink SQL mode. Client-only: load it through `next/dynamic` with `ssr: false`. */
export function SqlEditor({ value, onChange, diagnostics, onSave, onFormatError, onReady }: Props) {
  const [editor, setEditor] = useState<StandaloneEditor | null>(null);
  // The save command is bound once at mount; the ref lets it call the latest handler.
  const onSaveRef = useRef(onSave);
  onSaveRef.current = onSave;
  const onFormatErrorRef = useRef(onFormatError);
  onFormatErrorRef.current = onFormatError;

  const handleMount: OnMount = (mounted) => {
    mounted.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSaveRef.current?.());
    const format = async () => {
      await mounted.getAction('editor.action.formatDocument')?.run();
    };
    // Ctrl/Cmd+Shift+F beside Monaco's own Shift+Alt+F.
    mounted.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyF, () => void format());
    setEditor(mounted);
    onReady?.({
      reveal(line, column) {
        mounted.revealPositionInCenter({ lineNumber: line, column });
        mounted.setPosition({ lineNumber: line, column });
        mounted.focus();
      },
      format,
    });
  };

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    return watchFormatErrors(model, (error) => onFormatErrorRef.current?.(error));
  }, [editor]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      WEIR_MARKER_OWNER,
      diagnostics.map((d) => ({
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: d.message,
        code: d.code,
        source: 'weir',
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.endLine,
        // A zero-width span would draw no squiggle; widen it to one character.
        endColumn: d.endLine === d.line && d.endColumn <= d.column ? d.column + 1 : d.endColumn,
      })),
    );
  }, [editor, diagnostics]);

  return (
    <Editor
      value={value}
      onChange={(next) => onChange(next ?? '')}
      language={FLINK_SQL}
      theme="vs"
      onMount={handleMount}
      loading={<EditorPlaceholder />}
      options={{
        automaticLayout: true,
        fontSize: 13,
        lineHeight: 20,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        renderLineHighlight: 'line',
        tabSize: 2,
        wordWrap: 'off',
        fixedOverflowWidgets: true,
        padding: { top: 8 },
      }}
    />
  );
}

export function EditorPlaceholder() {
  return <EditorLoading />;
}
