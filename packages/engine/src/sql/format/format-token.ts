import type { TokenKind } from '../token';

/** A comment between two tokens, kept verbatim (a `--` comment without its trailing blanks). */
export interface SqlComment {
  text: string;
  /** A `--` comment runs to the end of its line, so a line break must follow it. */
  isLine: boolean;
  /** A blank line separated it from what came before it. */
  blankBefore: boolean;
}

/**
 * How the formatter cases a word: keywords and type names are upper-cased, names keep the case
 * they were written in (Flink resolves names case-sensitively).
 */
export type WordRole = 'keyword' | 'type' | 'name';

/** A lexer token with what the formatter needs to print it back: its text and its comments. */
export interface FormatToken {
  kind: TokenKind;
  /** The source text, escapes and quotes included. */
  source: string;
  /** What is printed: the source text, upper-cased for keywords and type names. */
  text: string;
  /** Upper-cased text of a word, for keyword comparison; the text of other tokens. */
  upper: string;
  /** Set for words. */
  role?: WordRole;
  /** Comments on lines of their own before this token. */
  leading: SqlComment[];
  /** Comments after this token on its line. */
  trailing: SqlComment[];
  /** A blank line separates this token from the leading comments above it. */
  blankBefore: boolean;
}

/** True for an unquoted word read as a keyword (not a name), such as SELECT or WATERMARK. */
export function isKeyword(token: FormatToken, word?: string): boolean {
  return token.kind === 'word' && token.role === 'keyword' && (word === undefined || token.upper === word);
}

/** True for the punctuation or operator `op`. */
export function isOp(token: FormatToken, op: string): boolean {
  return token.kind === 'op' && token.text === op;
}
