import type { Expr } from './ast';
import type { Span } from './span';
import { TypeParser } from './type-parser';

/** Units of EXTRACT, FLOOR/CEIL ... TO, TIMESTAMPADD and TIMESTAMPDIFF (SQL_TSI_ prefixes are stripped). */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  'MILLENNIUM', 'CENTURY', 'DECADE', 'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND',
  'MILLISECOND', 'MICROSECOND', 'NANOSECOND', 'DOW', 'DOY', 'ISODOW', 'ISOYEAR', 'EPOCH',
]);

/** Functions whose argument list has a special SQL syntax (keywords instead of commas). */
const SPECIAL_CALLS: ReadonlySet<string> = new Set([
  'EXTRACT', 'POSITION', 'TRIM', 'OVERLAY', 'SUBSTRING', 'CEIL', 'CEILING', 'FLOOR', 'TIMESTAMPADD', 'TIMESTAMPDIFF',
  'JSON_EXISTS', 'JSON_VALUE', 'JSON_QUERY', 'JSON_OBJECT', 'JSON_ARRAY',
]);

/**
 * Parses the argument lists of SQL's special call forms into ordinary argument lists, with keywords
 * as `symbol` expressions in fixed positions: `TRIM(LEADING 'x' FROM s)` becomes TRIM(LEADING, 'x', s).
 */
export abstract class SpecialCallParser extends TypeParser {
  protected abstract parseExpr(): Expr;

  /** An operand that stops before IN, FROM and comparison keywords. */
  protected abstract parseAdditive(): Expr;

  /** Parses the arguments after `name(` when `name` has a special form; undefined otherwise (nothing consumed). */
  protected parseSpecialArgs(name: string): Expr[] | undefined {
    if (!SPECIAL_CALLS.has(name) || this.isOp(')')) return name === 'JSON_OBJECT' || name === 'JSON_ARRAY' ? [this.symbolAt(name === 'JSON_OBJECT' ? 'NULL' : 'ABSENT', this.peek().span)] : undefined;
    switch (name) {
      case 'EXTRACT': {
        const unit = this.parseUnit();
        this.expectWords('FROM');
        return [unit, this.parseExpr()];
      }
      case 'POSITION': {
        const needle = this.parseAdditive();
        this.expectWords('IN');
        return [needle, this.parseExpr()];
      }
      case 'TRIM':
        return this.parseTrimArgs();
      case 'OVERLAY': {
        const target = this.parseExpr();
        if (this.acceptOp(',')) return [target, ...this.parseCommaList()];
        this.expectWords('PLACING');
        const replacement = this.parseExpr();
        this.expectWords('FROM');
        const from = this.parseExpr();
        return this.acceptWords('FOR') ? [target, replacement, from, this.parseExpr()] : [target, replacement, from];
      }
      case 'SUBSTRING': {
        const text = this.parseExpr();
        if (this.acceptOp(',')) return [text, ...this.parseCommaList()];
        this.expectWords('FROM');
        const from = this.parseExpr();
        return this.acceptWords('FOR') ? [text, from, this.parseExpr()] : [text, from];
      }
      case 'CEIL': case 'CEILING': case 'FLOOR': {
        const operand = this.parseExpr();
        if (this.acceptWords('TO')) return [operand, this.parseUnit()];
        return this.acceptOp(',') ? [operand, ...this.parseCommaList()] : [operand];
      }
      case 'TIMESTAMPADD': case 'TIMESTAMPDIFF': {
        const unit = this.parseUnit();
        this.expectOp(',');
        return [unit, ...this.parseCommaList()];
      }
      case 'JSON_EXISTS':
        return this.parseJsonExistsArgs();
      case 'JSON_VALUE':
      case 'JSON_QUERY':
        return this.parseJsonQueryArgs(name);
      default:
        return this.parseJsonConstructorArgs(name);
    }
  }

  /** Parses `name` (no parentheses) as a niladic call when it is one of SQL's time functions. */
  protected parseNiladic(): Expr | undefined {
    const token = this.peek();
    if (!['CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP'].includes(token.upper) || this.isOp('(', 1)) return undefined;
    this.next();
    return { kind: 'call', name: { name: token.upper, quoted: false, span: token.span }, args: [], distinct: false, countStar: false, span: token.span };
  }

  private parseCommaList(): Expr[] {
    const args = [this.parseExpr()];
    while (this.acceptOp(',')) args.push(this.parseExpr());
    return args;
  }

  private symbolAt(value: string, span: Span): Expr {
    return { kind: 'symbol', value, span };
  }

  protected parseUnit(): Expr {
    const token = this.peek();
    const unit = token.upper.replace(/^SQL_TSI_/, '').replace(/^FRAC_SECOND$/, 'MICROSECOND');
    if (token.kind !== 'word' || !TIME_UNITS.has(unit)) this.fail('a time unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, ...)');
    this.next();
    return this.symbolAt(unit, token.span);
  }

  private parseTrimArgs(): Expr[] {
    const start = this.peek().span;
    let mode = 'BOTH';
    if (this.isWord('BOTH') || this.isWord('LEADING') || this.isWord('TRAILING')) mode = this.next().upper;
    const space: Expr = { kind: 'string', value: ' ', span: start };
    if (this.acceptWords('FROM')) return [this.symbolAt(mode, start), space, this.parseExpr()];
    const first = this.parseExpr();
    if (this.acceptWords('FROM')) return [this.symbolAt(mode, start), first, this.parseExpr()];
    return [this.symbolAt(mode, start), space, first];
  }

  private parseJsonExistsArgs(): Expr[] {
    const json = this.parseExpr();
    this.expectOp(',');
    const path = this.parseExpr();
    const start = this.peek().span;
    let onError = 'FALSE';
    for (const behavior of ['TRUE', 'FALSE', 'UNKNOWN', 'ERROR']) {
      if (this.acceptWords(behavior, 'ON', 'ERROR')) onError = behavior;
    }
    return [json, path, this.symbolAt(onError, start)];
  }

  // JSON_VALUE: json, path, RETURNING, empty behavior, empty default, error behavior, error default.
  // JSON_QUERY: json, path, RETURNING, wrapper, empty behavior, error behavior.
  private parseJsonQueryArgs(name: string): Expr[] {
    const json = this.parseExpr();
    this.expectOp(',');
    const path = this.parseExpr();
    const start = this.peek().span;
    const returning: Expr = this.acceptWords('RETURNING') ? { kind: 'symbol', value: 'RETURNING', type: this.parseType(), span: this.spanFrom(start) } : this.symbolAt('STRING', start);
    const nullLiteral: Expr = { kind: 'null', span: start };
    if (name === 'JSON_VALUE') {
      const behaviors: Record<string, [Expr, Expr]> = { EMPTY: [this.symbolAt('NULL', start), nullLiteral], ERROR: [this.symbolAt('NULL', start), nullLiteral] };
      for (let i = 0; i < 2 && (this.isWord('NULL') || this.isWord('ERROR') || this.isWord('DEFAULT')); i++) {
        const token = this.next();
        const value = token.upper === 'DEFAULT' ? this.parseExpr() : nullLiteral;
        this.expectWords('ON');
        const when = this.isWord('EMPTY') ? 'EMPTY' : 'ERROR';
        this.expectWords(when);
        behaviors[when] = [this.symbolAt(token.upper, token.span), value];
      }
      return [json, path, returning, ...behaviors.EMPTY, ...behaviors.ERROR];
    }
    let wrapper = 'WITHOUT';
    if (this.acceptWords('WITHOUT')) {
      this.acceptWords('ARRAY');
      this.expectWords('WRAPPER');
    } else if (this.acceptWords('WITH')) {
      wrapper = this.acceptWords('CONDITIONAL') ? 'CONDITIONAL' : (this.acceptWords('UNCONDITIONAL'), 'UNCONDITIONAL');
      this.acceptWords('ARRAY');
      this.expectWords('WRAPPER');
    }
    const behaviors: Record<string, string> = { EMPTY: 'NULL', ERROR: 'NULL' };
    for (let i = 0; i < 2 && ['NULL', 'ERROR', 'EMPTY'].some((w) => this.isWord(w)); i++) {
      let behavior = this.next().upper;
      if (behavior === 'EMPTY') behavior = this.acceptWords('OBJECT') ? 'EMPTY OBJECT' : (this.expectWords('ARRAY'), 'EMPTY ARRAY');
      this.expectWords('ON');
      const when = this.isWord('EMPTY') ? 'EMPTY' : 'ERROR';
      this.expectWords(when);
      behaviors[when] = behavior;
    }
    return [json, path, returning, this.symbolAt(wrapper, start), this.symbolAt(behaviors.EMPTY, start), this.symbolAt(behaviors.ERROR, start)];
  }

  // JSON_OBJECT: on-null behavior, then key, value pairs. JSON_ARRAY: on-null behavior, then values.
  private parseJsonConstructorArgs(name: string): Expr[] {
    const start = this.peek().span;
    const items: Expr[] = [];
    let onNull = name === 'JSON_OBJECT' ? 'NULL' : 'ABSENT';
    const acceptOnNull = (): boolean => {
      for (const behavior of ['NULL', 'ABSENT']) {
        if (this.acceptWords(behavior, 'ON', 'NULL')) {
          onNull = behavior;
          return true;
        }
      }
      return false;
    };
    while (!acceptOnNull()) {
      if (name === 'JSON_OBJECT') {
        this.acceptWords('KEY');
        items.push(this.parseAdditive());
        if (!this.acceptOp(':')) this.expectWords('VALUE');
      }
      items.push(this.parseExpr());
      if (!this.acceptOp(',')) {
        acceptOnNull();
        break;
      }
    }
    return [this.symbolAt(onNull, start), ...items];
  }
}
