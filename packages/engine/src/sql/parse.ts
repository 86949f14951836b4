import type { Script, Statement } from './ast';
import { DiagnosticSink } from './diagnostic';
import { tokenize } from './lexer';
import { StatementParser } from './statement-parser';
import { ParseFailure } from './token-cursor';

/** Parses a whole script; a syntax error skips to the next ';' so later statements are still checked. */
export function parseScript(sql: string, diagnostics: DiagnosticSink = new DiagnosticSink()): Script {
  return new ScriptParser(tokenize(sql)).run(diagnostics);
}

/** Parses a token stream statement by statement; subclasses may watch how it reads the tokens. */
export class ScriptParser extends StatementParser {
  run(diagnostics: DiagnosticSink): Script {
    const statements: Statement[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.acceptOp(';')) continue;
      try {
        statements.push(this.parseStatement());
        if (!this.isOp(';') && this.peek().kind !== 'eof') this.fail("';' or end of input");
      } catch (error) {
        if (!(error instanceof ParseFailure)) throw error;
        diagnostics.error('SQL_SYNTAX', error.message, error.span);
        this.recover();
      }
    }
    return { statements };
  }

  // Skips the rest of a broken statement, and the END closing a statement set it was part of.
  protected recover(): void {
    while (this.peek().kind !== 'eof' && !this.isOp(';')) this.next();
    this.acceptOp(';');
    if (this.isWord('END') && (this.isOp(';', 1) || this.peek(1).kind === 'eof')) this.next();
  }
}
