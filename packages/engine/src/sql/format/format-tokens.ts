import type { Token } from '../token';
import type { FormatToken, SqlComment, WordRole } from './format-token';

/** The tokens of a script with their source text and comments, and the comments after the last token. */
export interface FormatTokens {
  tokens: FormatToken[];
  endComments: SqlComment[];
}

/**
 * Pairs each lexer token with its source text and the comments around it. The lexer drops
 * comments, so they are read from the text between consecutive tokens, which holds only
 * whitespace and comments. A comment on the line of the token before it trails that token;
 * one on a line of its own leads the next token.
 */
export function formatTokens(sql: string, tokens: Token[], roles: (WordRole | undefined)[]): FormatTokens {
  const lineStarts = [0];
  for (let index = 0; index < sql.length; index++) if (sql[index] === '\n') lineStarts.push(index + 1);
  const offsetOf = (line: number, column: number): number => lineStarts[line - 1] + column - 1;

  const result: FormatToken[] = [];
  let endComments: SqlComment[] = [];
  let gapStart = 0;
  tokens.forEach((token, index) => {
    const start = offsetOf(token.span.line, token.span.column);
    const gap = readGap(sql.slice(gapStart, start), index > 0);
    result[index - 1]?.trailing.push(...gap.trailing);
    if (token.kind === 'eof') {
      endComments = gap.leading;
      return;
    }
    const end = offsetOf(token.span.endLine, token.span.endColumn);
    const source = sql.slice(start, end);
    const role = roles[index];
    result.push({
      kind: token.kind,
      source,
      text: role === 'keyword' || role === 'type' ? source.toUpperCase() : source,
      upper: token.upper,
      role,
      leading: gap.leading,
      trailing: [],
      blankBefore: gap.leading.length > 0 && gap.blankAfter,
    });
    gapStart = end;
  });
  return { tokens: result, endComments };
}

interface Gap {
  trailing: SqlComment[];
  leading: SqlComment[];
  /** A blank line separates the last comment from the token after the gap. */
  blankAfter: boolean;
}

// Reads the comments of the whitespace-and-comments text between two tokens.
function readGap(text: string, afterToken: boolean): Gap {
  const gap: Gap = { trailing: [], leading: [], blankAfter: false };
  let newlines = 0;
  let onTokenLine = afterToken;
  let pos = 0;
  while (pos < text.length) {
    const isLine = text.startsWith('--', pos);
    if (isLine || text.startsWith('/*', pos)) {
      const end = isLine ? indexOrEnd(text, '\n', pos) : text.indexOf('*/', pos + 2) + 2;
      if (newlines > 0) onTokenLine = false;
      const comment = { text: isLine ? text.slice(pos, end).trimEnd() : text.slice(pos, end), isLine, blankBefore: newlines > 1 };
      (onTokenLine ? gap.trailing : gap.leading).push(comment);
      newlines = 0;
      pos = end;
    } else {
      if (text[pos] === '\n') newlines++;
      pos++;
    }
  }
  gap.blankAfter = newlines > 1;
  return gap;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}
