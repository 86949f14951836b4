import type { Token, TokenKind } from './token';

const TWO_CHAR_OPS = new Set(['<>', '!=', '<=', '>=', '||', '=>']);
const ONE_CHAR_OPS = new Set(['(', ')', ',', '.', ';', '=', '<', '>', '+', '-', '*', '/', '%', '[', ']', '?', ':']);

/** Splits SQL text into tokens; never throws: unreadable input becomes an `error` token. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  const push = (kind: TokenKind, text: string, startLine: number, startCol: number): void => {
    tokens.push({
      kind,
      text,
      upper: kind === 'word' ? text.toUpperCase() : text,
      span: { line: startLine, column: startCol, endLine: line, endColumn: pos - lineStart + 1 },
    });
  };
  // Advances over one character, keeping line bookkeeping right for multi-line literals.
  const advance = (): void => {
    if (sql[pos] === '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  };

  while (pos < sql.length) {
    const ch = sql[pos];
    const startLine = line;
    const startCol = pos - lineStart + 1;
    const start = pos;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\f') {
      advance();
    } else if (ch === '-' && sql[pos + 1] === '-') {
      while (pos < sql.length && sql[pos] !== '\n') pos++;
    } else if (ch === '/' && sql[pos + 1] === '*') {
      advance();
      advance();
      while (pos < sql.length && !(sql[pos] === '*' && sql[pos + 1] === '/')) advance();
      if (pos >= sql.length) push('error', 'unterminated comment', startLine, startCol);
      else {
        advance();
        advance();
      }
    } else if (isWordStart(ch)) {
      while (pos < sql.length && isWordPart(sql[pos])) pos++;
      push('word', sql.slice(start, pos), startLine, startCol);
    } else if (isDigit(ch) || (ch === '.' && isDigit(sql[pos + 1] ?? ''))) {
      while (isDigit(sql[pos] ?? '')) pos++;
      if (sql[pos] === '.' && isDigit(sql[pos + 1] ?? '')) {
        pos++;
        while (isDigit(sql[pos] ?? '')) pos++;
      } else if (sql[pos] === '.' && !isWordStart(sql[pos + 1] ?? '')) {
        pos++;
      }
      if ((sql[pos] === 'e' || sql[pos] === 'E') && (isDigit(sql[pos + 1] ?? '') || ((sql[pos + 1] === '-' || sql[pos + 1] === '+') && isDigit(sql[pos + 2] ?? '')))) {
        pos += 2;
        while (isDigit(sql[pos] ?? '')) pos++;
      }
      push('number', sql.slice(start, pos), startLine, startCol);
    } else if (ch === "'" || ch === '`' || ch === '"') {
      const value = readQuoted(ch);
      if (value === undefined) push('error', ch === "'" ? 'unterminated string literal' : 'unterminated quoted identifier', startLine, startCol);
      else push(ch === "'" ? 'string' : 'quoted', value, startLine, startCol);
    } else if (TWO_CHAR_OPS.has(sql.slice(pos, pos + 2))) {
      pos += 2;
      push('op', sql.slice(start, pos), startLine, startCol);
    } else if (ONE_CHAR_OPS.has(ch)) {
      pos++;
      push('op', ch, startLine, startCol);
    } else {
      pos++;
      push('error', `unexpected character '${ch}'`, startLine, startCol);
    }
  }
  tokens.push({ kind: 'eof', text: '', upper: '', span: { line, column: pos - lineStart + 1, endLine: line, endColumn: pos - lineStart + 1 } });
  return tokens;

  // Reads a literal closed by `quote`, where a doubled quote stands for one; undefined if unclosed.
  function readQuoted(quote: string): string | undefined {
    advance();
    let value = '';
    while (pos < sql.length) {
      if (sql[pos] === quote) {
        if (sql[pos + 1] === quote) {
          value += quote;
          pos += 2;
          continue;
        }
        pos++;
        return value;
      }
      value += sql[pos];
      advance();
    }
    return undefined;
  }
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isWordStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' || ch === '$' || ch > '\u007f';
}

function isWordPart(ch: string): boolean {
  return isWordStart(ch) || isDigit(ch);
}
