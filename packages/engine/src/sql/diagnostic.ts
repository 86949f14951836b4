import type { Span } from './span';

/** One problem found in a script, positioned for an editor marker (1-based, end exclusive). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Collects diagnostics so every phase can keep going after a problem. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  /** Records an error at a span. */
  error(code: string, message: string, span: Span): void {
    this.items.push({ severity: 'error', code, message, ...spanFields(span) });
  }

  /** Records a warning at a span. */
  warning(code: string, message: string, span: Span): void {
    this.items.push({ severity: 'warning', code, message, ...spanFields(span) });
  }

  /** True when at least one error was recorded. */
  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

function spanFields(span: Span): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** Orders diagnostics by position for stable output. */
export function sortDiagnostics(items: Diagnostic[]): Diagnostic[] {
  return [...items].sort((a, b) => a.line - b.line || a.column - b.column);
}
