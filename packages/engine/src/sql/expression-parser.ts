import type { BinaryOp, Expr, FrameBound, OrderItem, Query, WindowSpec } from './ast';
import { INTERVAL_UNITS } from './keywords';
import { joinSpans } from './span';
import { SpecialCallParser } from './special-call-parser';

const COMPARISON_OPS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

/** Expressions by precedence: OR < AND < NOT < comparison/IS/IN/BETWEEN/LIKE < + - < * / % || < unary. */
export abstract class ExpressionParser extends SpecialCallParser {
  /** Implemented by the query layer, so subqueries can appear inside expressions. */
  protected abstract parseQuery(): Query;

  protected abstract isQueryStart(): boolean;

  protected parseExpr(): Expr {
    return this.parseOr();
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.acceptWords('OR')) left = binary('OR', left, this.parseAnd());
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.acceptWords('AND')) left = binary('AND', left, this.parseNot());
    return left;
  }

  private parseNot(): Expr {
    const start = this.peek().span;
    if (this.acceptWords('NOT')) {
      const operand = this.parseNot();
      return { kind: 'unary', op: 'NOT', operand, span: joinSpans(start, operand.span) };
    }
    if (this.isWord('EXISTS') && this.isOp('(', 1)) {
      this.next();
      this.expectOp('(');
      const query = this.parseQuery();
      this.expectOp(')');
      return { kind: 'exists', query, span: this.spanFrom(start) };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    let left = this.parseAdditive();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && COMPARISON_OPS.has(token.text)) {
        this.next();
        const op = (token.text === '!=' ? '<>' : token.text) as BinaryOp;
        left = binary(op, left, this.parseAdditive());
      } else if (this.isWord('IS')) {
        left = this.parseIs(left);
      } else if (this.isWord('NOT') && (this.isWord('IN', 1) || this.isWord('BETWEEN', 1) || this.isWord('LIKE', 1) || this.isWord('SIMILAR', 1))) {
        this.next();
        left = this.parsePostfixPredicate(left, true);
      } else if (this.isWord('IN') || this.isWord('BETWEEN') || this.isWord('LIKE') || this.isWord('SIMILAR')) {
        left = this.parsePostfixPredicate(left, false);
      } else if (this.isWord('OVERLAPS')) {
        const name = { name: 'OVERLAPS', quoted: false, span: this.next().span };
        const right = this.parseAdditive();
        left = { kind: 'call', name, args: [left, right], distinct: false, countStar: false, span: joinSpans(left.span, right.span) };
      } else {
        return left;
      }
    }
  }

  private parseIs(operand: Expr): Expr {
    this.expectWords('IS');
    const negated = this.acceptWords('NOT');
    if (this.acceptWords('DISTINCT', 'FROM')) {
      const right = this.parseAdditive();
      return { kind: 'isDistinctFrom', left: operand, right, negated, span: joinSpans(operand.span, right.span) };
    }
    if (this.isWord('JSON')) {
      const name = { name: 'IS JSON', quoted: false, span: this.next().span };
      const kind = ['VALUE', 'SCALAR', 'ARRAY', 'OBJECT'].find((word) => this.acceptWords(word)) ?? 'VALUE';
      const span = this.spanFrom(operand.span);
      const call: Expr = { kind: 'call', name, args: [operand, { kind: 'symbol', value: kind, span: name.span }], distinct: false, countStar: false, span };
      return negated ? { kind: 'unary', op: 'NOT', operand: call, span } : call;
    }
    for (const test of ['NULL', 'TRUE', 'FALSE', 'UNKNOWN'] as const) {
      if (this.acceptWords(test)) return { kind: 'is', operand, test, negated, span: this.spanFrom(operand.span) };
    }
    return this.fail('NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM');
  }

  private parsePostfixPredicate(operand: Expr, negated: boolean): Expr {
    if (this.acceptWords('IN')) {
      this.expectOp('(');
      if (this.isQueryStart()) {
        const query = this.parseQuery();
        this.expectOp(')');
        return { kind: 'inQuery', operand, query, negated, span: this.spanFrom(operand.span) };
      }
      const list = [this.parseExpr()];
      while (this.acceptOp(',')) list.push(this.parseExpr());
      this.expectOp(')');
      return { kind: 'in', operand, list, negated, span: this.spanFrom(operand.span) };
    }
    if (this.acceptWords('BETWEEN')) {
      const symmetric = this.acceptWords('SYMMETRIC');
      if (!symmetric) this.acceptWords('ASYMMETRIC');
      const low = this.parseAdditive();
      this.expectWords('AND');
      const high = this.parseAdditive();
      return { kind: 'between', operand, low, high, negated, symmetric, span: joinSpans(operand.span, high.span) };
    }
    if (this.isWord('SIMILAR')) {
      const name = { name: 'SIMILAR TO', quoted: false, span: this.next().span };
      this.expectWords('TO');
      const pattern = this.parseAdditive();
      const args = this.acceptWords('ESCAPE') ? [operand, pattern, this.parseAdditive()] : [operand, pattern];
      const span = this.spanFrom(operand.span);
      const call: Expr = { kind: 'call', name, args, distinct: false, countStar: false, span };
      return negated ? { kind: 'unary', op: 'NOT', operand: call, span } : call;
    }
    this.expectWords('LIKE');
    const pattern = this.parseAdditive();
    const escape = this.acceptWords('ESCAPE') ? this.parseAdditive() : undefined;
    return { kind: 'like', operand, pattern, escape, negated, span: this.spanFrom(operand.span) };
  }

  protected parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as BinaryOp;
      left = binary(op, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%') || this.isOp('||')) {
      const op = this.next().text as BinaryOp;
      left = binary(op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Expr {
    const start = this.peek().span;
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.next().text as '-' | '+';
      const operand = this.parseUnary();
      return { kind: 'unary', op, operand, span: joinSpans(start, operand.span) };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      if (this.isOp('.') && (this.peek(1).kind === 'word' || this.peek(1).kind === 'quoted') && expr.kind !== 'identifier') {
        this.next();
        const field = { name: this.next().text, quoted: this.previous().kind === 'quoted', span: this.previous().span };
        expr = { kind: 'fieldAccess', target: expr, field, span: joinSpans(expr.span, field.span) };
      } else if (this.acceptOp('[')) {
        const index = this.parseExpr();
        this.expectOp(']');
        expr = { kind: 'index', target: expr, index, span: this.spanFrom(expr.span) };
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    const start = token.span;
    switch (token.kind) {
      case 'number':
        this.next();
        return { kind: 'number', text: token.text, span: start };
      case 'string':
        this.next();
        return { kind: 'string', value: this.continueString(token.text), span: this.spanFrom(start) };
      case 'op':
        if (token.text === '(') return this.parseParenthesized();
        if (token.text === '*') {
          this.next();
          return { kind: 'star', qualifier: [], span: start };
        }
        return this.fail('an expression');
      case 'quoted':
        return this.parseNameOrCall();
      case 'word':
        return this.parseWordPrimary();
      default:
        return this.fail('an expression');
    }
  }

  // Adjacent string literals concatenate, as in standard SQL.
  private continueString(first: string): string {
    let value = first;
    while (this.peek().kind === 'string') value += this.next().text;
    return value;
  }

  private parseParenthesized(): Expr {
    const start = this.expectOp('(').span;
    if (this.isQueryStart()) {
      const query = this.parseQuery();
      this.expectOp(')');
      return { kind: 'subquery', query, span: this.spanFrom(start) };
    }
    const inner = this.parseExpr();
    if (this.isOp(',')) {
      const args = [inner];
      while (this.acceptOp(',')) args.push(this.parseExpr());
      this.expectOp(')');
      const span = this.spanFrom(start);
      return { kind: 'call', name: { name: 'ROW', quoted: false, span: start }, args, distinct: false, countStar: false, span };
    }
    this.expectOp(')');
    return { ...inner, span: this.spanFrom(start) };
  }

  private parseWordPrimary(): Expr {
    const token = this.peek();
    const start = token.span;
    const niladic = this.parseNiladic();
    if (niladic) return niladic;
    switch (token.upper) {
      case 'NULL':
        this.next();
        return { kind: 'null', span: start };
      case 'TRUE':
      case 'FALSE':
        this.next();
        return { kind: 'boolean', value: token.upper === 'TRUE', span: start };
      case 'CASE':
        return this.parseCase();
      case 'CAST':
      case 'TRY_CAST':
        return this.parseCast();
      case 'INTERVAL':
        return this.parseInterval();
      case 'TABLE': {
        this.next();
        const name = this.parseCompoundName('a table name');
        if (!this.acceptWords('PARTITION', 'BY')) return { kind: 'tableArg', name, span: this.spanFrom(start) };
        const partitionBy = [this.parseAdditive()];
        while (this.isOp(',') && !this.isWord('DESCRIPTOR', 1)) {
          this.next();
          partitionBy.push(this.parseAdditive());
        }
        return { kind: 'tableArg', name, partitionBy, span: this.spanFrom(start) };
      }
      case 'ROW':
      case 'ARRAY':
      case 'MAP':
        if (this.isOp('(', 1) || this.isOp('[', 1)) return this.parseConstructor();
        break;
      case 'DATE':
      case 'TIME':
      case 'TIMESTAMP':
        if (this.peek(1).kind === 'string') {
          this.next();
          const value = this.next().text;
          return { kind: 'typedLiteral', type: token.upper, value, span: this.spanFrom(start) };
        }
        break;
    }
    return this.parseNameOrCall();
  }

  private parseConstructor(): Expr {
    const nameToken = this.next();
    const name = { name: nameToken.upper, quoted: false, span: nameToken.span };
    const close = this.isOp('[') ? ']' : ')';
    this.next();
    const args: Expr[] = [];
    if (!this.isOp(close)) {
      do args.push(this.parseExpr());
      while (this.acceptOp(','));
    }
    this.expectOp(close);
    return { kind: 'call', name, args, distinct: false, countStar: false, span: this.spanFrom(nameToken.span) };
  }

  private parseNameOrCall(): Expr {
    const start = this.peek().span;
    // Function names may be keywords (LEFT, RIGHT, HOUR, ...); a '(' right after decides.
    if (this.peek().kind === 'word' && this.isOp('(', 1)) return this.parseCall();
    if (!this.isIdentifier()) return this.fail('an expression');
    const parts = [this.parseIdent()];
    while (this.isOp('.')) {
      if (this.isOp('*', 1)) {
        this.pos += 2;
        return { kind: 'star', qualifier: parts, span: this.spanFrom(start) };
      }
      const after = this.peek(1);
      if (after.kind !== 'word' && after.kind !== 'quoted') this.fail('a field name');
      this.pos += 2;
      parts.push({ name: after.text, quoted: after.kind === 'quoted', span: after.span });
    }
    return { kind: 'identifier', parts, span: this.spanFrom(start) };
  }

  private parseCall(): Expr {
    const nameToken = this.next();
    const name = { name: nameToken.text, quoted: false, span: nameToken.span };
    this.expectOp('(');
    const args: Expr[] = [];
    let distinct = false;
    let countStar = false;
    const special = this.parseSpecialArgs(nameToken.upper);
    if (special) args.push(...special);
    else if (this.isOp('*') && this.isOp(')', 1)) {
      this.next();
      countStar = true;
    } else if (!this.isOp(')')) {
      distinct = this.acceptWords('DISTINCT');
      if (!distinct) this.acceptWords('ALL');
      do args.push(this.parseExpr());
      while (this.acceptOp(','));
    }
    this.expectOp(')');
    let filter: Expr | undefined;
    if (this.isWord('FILTER') && this.isOp('(', 1)) {
      this.pos += 2;
      this.expectWords('WHERE');
      filter = this.parseExpr();
      this.expectOp(')');
    }
    const over = this.acceptWords('OVER') ? this.parseOver() : undefined;
    return { kind: 'call', name, args, distinct, countStar, filter, over, span: this.spanFrom(nameToken.span) };
  }

  // `OVER (...)` or `OVER w`, a window named in the WINDOW clause.
  private parseOver(): WindowSpec {
    if (this.isOp('(')) return this.parseWindowSpec();
    const ref = this.parseIdent('a window name or \'(\'');
    return { ref, partitionBy: [], orderBy: [], span: ref.span };
  }

  protected parseWindowSpec(): WindowSpec {
    const start = this.expectOp('(').span;
    const partitionBy: Expr[] = [];
    if (this.acceptWords('PARTITION', 'BY')) {
      do partitionBy.push(this.parseExpr());
      while (this.acceptOp(','));
    }
    const orderBy = this.acceptWords('ORDER', 'BY') ? this.parseOrderItems() : [];
    let frame: WindowSpec['frame'];
    if (this.isWord('ROWS') || this.isWord('RANGE')) {
      const unit = this.next().upper as 'ROWS' | 'RANGE';
      if (this.acceptWords('BETWEEN')) {
        const startBound = this.parseFrameBound();
        this.expectWords('AND');
        frame = { unit, start: startBound, end: this.parseFrameBound() };
      } else {
        frame = { unit, start: this.parseFrameBound() };
      }
    }
    this.expectOp(')');
    return { partitionBy, orderBy, frame, span: this.spanFrom(start) };
  }

  private parseFrameBound(): FrameBound {
    if (this.acceptWords('UNBOUNDED', 'PRECEDING')) return { kind: 'UNBOUNDED PRECEDING' };
    if (this.acceptWords('UNBOUNDED', 'FOLLOWING')) return { kind: 'UNBOUNDED FOLLOWING' };
    if (this.acceptWords('CURRENT', 'ROW')) return { kind: 'CURRENT ROW' };
    const offset = this.parseAdditive();
    if (this.acceptWords('PRECEDING')) return { kind: 'PRECEDING', offset };
    this.expectWords('FOLLOWING');
    return { kind: 'FOLLOWING', offset };
  }

  protected parseOrderItems(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      const expr = this.parseExpr();
      const descending = this.acceptWords('DESC');
      if (!descending) this.acceptWords('ASC');
      if (this.acceptWords('NULLS')) {
        if (!this.acceptWords('FIRST')) this.expectWords('LAST');
      }
      items.push({ expr, descending, span: this.spanFrom(expr.span) });
    } while (this.acceptOp(','));
    return items;
  }

  private parseCase(): Expr {
    const start = this.expectWords('CASE').span;
    const operand = this.isWord('WHEN') ? undefined : this.parseExpr();
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.acceptWords('WHEN')) {
      const when = this.parseExpr();
      this.expectWords('THEN');
      whens.push({ when, then: this.parseExpr() });
    }
    if (whens.length === 0) this.fail('WHEN');
    const otherwise = this.acceptWords('ELSE') ? this.parseExpr() : undefined;
    this.expectWords('END');
    return { kind: 'case', operand, whens, else: otherwise, span: this.spanFrom(start) };
  }

  private parseCast(): Expr {
    const token = this.next();
    this.expectOp('(');
    const operand = this.parseExpr();
    this.expectWords('AS');
    const type = this.parseType();
    this.expectOp(')');
    return { kind: 'cast', operand, type, safe: token.upper === 'TRY_CAST', span: this.spanFrom(token.span) };
  }

  private parseInterval(): Expr {
    const start = this.expectWords('INTERVAL').span;
    const sign = this.isOp('-') ? this.next().text : '';
    const value = sign + this.expectString("an interval literal such as '10'").text;
    const unit = this.parseIntervalUnit();
    const toUnit = this.acceptWords('TO') ? this.parseIntervalUnit() : undefined;
    return { kind: 'interval', value, unit, toUnit, span: this.spanFrom(start) };
  }

  protected parseIntervalUnit(): string {
    const token = this.peek();
    const unit = token.upper.replace(/S$/, '');
    if (token.kind !== 'word' || !INTERVAL_UNITS.has(unit)) this.fail('an interval unit (SECOND, MINUTE, HOUR, DAY, ...)');
    this.next();
    if (this.acceptOp('(')) {
      this.next();
      if (this.acceptOp(',')) this.next();
      this.expectOp(')');
    }
    return unit;
  }
}

function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right, span: joinSpans(left.span, right.span) };
}
