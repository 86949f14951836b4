import type { Span } from './span';

/**
 * word: an unquoted name or keyword (case-insensitive as a keyword, case kept as a name);
 * quoted: a `backquoted` name; string: a '...' literal with '' unescaped; number: digits;
 * op: punctuation and operators; error: a character or literal the lexer could not read.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'error' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text for words, ops and numbers; the unescaped value for strings and quoted names. */
  text: string;
  /** Upper-cased text of a word, for keyword comparison. */
  upper: string;
  span: Span;
}
