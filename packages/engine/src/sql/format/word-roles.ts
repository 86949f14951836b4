import type { Expr, Ident, TypeNode } from '../ast';
import { DiagnosticSink } from '../diagnostic';
import { RESERVED_WORDS } from '../keywords';
import { ScriptParser } from '../parse';
import type { Token } from '../token';
import type { WordRole } from './format-token';

/**
 * The role of each word token (undefined for other tokens), as the engine's own parser reads it:
 * a word it tested for as a keyword, a type name, or a name. Most Flink keywords are not reserved
 * (WATERMARK, KEY, STRING can be column names), so only the grammar can tell which is which.
 * Words the parser never reached (the rest of a statement with a syntax error) fall back to the
 * reserved list: reserved words are keywords, the rest keep their case.
 */
export function wordRoles(tokens: Token[]): (WordRole | undefined)[] {
  const probe = new WordRoleProbe(tokens);
  probe.run(new DiagnosticSink());
  return tokens.map((token, index) => {
    if (token.kind !== 'word') return undefined;
    const previous = tokens[index - 1];
    // After a dot any word is a field name, even a reserved one (`person.value`).
    if (previous?.kind === 'op' && previous.text === '.') return 'name';
    if (probe.unparsed.has(token)) return RESERVED_WORDS.has(token.upper) ? 'keyword' : 'name';
    if (probe.names.has(token)) return 'name';
    if (probe.types.has(token)) return 'type';
    return probe.keywords.has(token) || RESERVED_WORDS.has(token.upper) ? 'keyword' : 'name';
  });
}

/** The script parser, recording the words it matched as keywords, types and names. */
class WordRoleProbe extends ScriptParser {
  readonly keywords = new Set<Token>();
  readonly types = new Set<Token>();
  readonly names = new Set<Token>();
  readonly unparsed = new Set<Token>();

  protected override isWord(word: string, offset = 0): boolean {
    const matched = super.isWord(word, offset);
    if (matched) this.keywords.add(this.peek(offset));
    return matched;
  }

  protected override parseIdent(what?: string): Ident {
    const token = this.peek();
    const ident = super.parseIdent(what);
    this.names.add(token);
    return ident;
  }

  protected override parseType(): TypeNode {
    const token = this.peek();
    const type = super.parseType();
    this.types.add(token);
    return type;
  }

  protected override parseIntervalUnit(): string {
    const token = this.peek();
    const unit = super.parseIntervalUnit();
    this.keywords.add(token);
    return unit;
  }

  protected override parseUnit(): Expr {
    const token = this.peek();
    const unit = super.parseUnit();
    this.keywords.add(token);
    return unit;
  }

  // A keyword test that matched at or after the failure may not have been a keyword after all.
  protected override recover(): void {
    const from = this.pos;
    super.recover();
    for (let index = from; index < this.pos; index++) this.unparsed.add(this.tokens[index]);
  }
}
