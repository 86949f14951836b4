import type { Ident } from './ast';
import { RESERVED_WORDS } from './keywords';
import { joinSpans, type Span } from './span';
import type { Token } from './token';

/** Thrown inside the parser to abandon the current statement; caught per statement. */
export class ParseFailure {
  constructor(
    readonly message: string,
    readonly span: Span,
  ) {}
}

/** Token navigation shared by the parser layers, with Flink-style "expected X but found Y" errors. */
export class TokenCursor {
  protected pos = 0;

  constructor(protected readonly tokens: Token[]) {}

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  protected next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  protected previous(): Token {
    return this.tokens[Math.max(0, this.pos - 1)];
  }

  /** True when the token at `offset` is the given keyword (unquoted word). */
  protected isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.upper === word;
  }

  protected isOp(op: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'op' && token.text === op;
  }

  /** Consumes the keyword sequence if it is next; all-or-nothing. */
  protected acceptWords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isWord(words[i], i)) return false;
    this.pos += words.length;
    return true;
  }

  protected acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  protected expectWords(...words: string[]): Token {
    for (const word of words) {
      if (!this.isWord(word)) this.fail(word);
      this.pos++;
    }
    return this.previous();
  }

  protected expectOp(op: string): Token {
    if (!this.isOp(op)) this.fail(`'${op}'`);
    return this.next();
  }

  protected expectString(what = 'a string literal'): Token {
    if (this.peek().kind !== 'string') this.fail(what);
    return this.next();
  }

  /** True when the next token can start a name (a non-reserved word or a quoted name). */
  protected isIdentifier(offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'quoted' || (token.kind === 'word' && !RESERVED_WORDS.has(token.upper));
  }

  protected parseIdent(what = 'an identifier'): Ident {
    if (!this.isIdentifier()) this.fail(what);
    const token = this.next();
    return { name: token.text, quoted: token.kind === 'quoted', span: token.span };
  }

  /** A dotted name such as `catalog.db.table`. */
  protected parseCompoundName(what = 'a name'): Ident[] {
    const parts = [this.parseIdent(what)];
    while (this.isOp('.') && this.isIdentifier(1)) {
      this.pos++;
      parts.push(this.parseIdent());
    }
    return parts;
  }

  protected spanFrom(start: Span): Span {
    return joinSpans(start, this.previous().span);
  }

  /** Aborts the statement with "expected X but found Y" at the current token. */
  protected fail(expected: string): never {
    const token = this.peek();
    if (token.kind === 'error') throw new ParseFailure(token.text, token.span);
    throw new ParseFailure(`expected ${expected} but found ${describe(token)}`, token.span);
  }
}

/** How a token is named in an error message. */
export function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of input';
    case 'string':
      return `'${token.text}'`;
    case 'quoted':
      return `\`${token.text}\``;
    case 'word':
      return RESERVED_WORDS.has(token.upper) ? `keyword ${token.upper}` : `'${token.text}'`;
    default:
      return `'${token.text}'`;
  }
}
