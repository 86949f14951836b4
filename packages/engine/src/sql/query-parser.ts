import type { Expr, Ident, Query, Select, SelectItem, TableRef, WindowSpec } from './ast';
import { ExpressionParser } from './expression-parser';
import { joinSpans } from './span';

/** Queries: WITH, SELECT, VALUES, set operations, ORDER BY / LIMIT, and FROM clauses with joins. */
export abstract class QueryParser extends ExpressionParser {
  protected isQueryStart(): boolean {
    let offset = 0;
    while (this.isOp('(', offset)) offset++;
    return this.isWord('SELECT', offset) || this.isWord('WITH', offset) || this.isWord('VALUES', offset);
  }

  protected parseQuery(): Query {
    const start = this.peek().span;
    if (this.acceptWords('WITH')) {
      const ctes: { name: Ident; query: Query }[] = [];
      do {
        const name = this.parseIdent('a common table expression name');
        this.expectWords('AS');
        this.expectOp('(');
        ctes.push({ name, query: this.parseQuery() });
        this.expectOp(')');
      } while (this.acceptOp(','));
      const body = this.parseQuery();
      return { kind: 'with', ctes, body, span: this.spanFrom(start) };
    }
    let query = this.parseSetOperation();
    if (this.acceptWords('ORDER', 'BY')) {
      const orderBy = this.parseOrderItems();
      const limit = this.acceptWords('LIMIT') ? this.parseExpr() : undefined;
      query = { kind: 'ordered', query, orderBy, limit, span: this.spanFrom(start) };
    } else if (this.acceptWords('LIMIT')) {
      query = { kind: 'ordered', query, orderBy: [], limit: this.parseExpr(), span: this.spanFrom(start) };
    }
    return query;
  }

  private parseSetOperation(): Query {
    let left = this.parseQueryTerm();
    while (this.isWord('UNION') || this.isWord('EXCEPT') || this.isWord('INTERSECT')) {
      const op = this.next().upper as 'UNION' | 'EXCEPT' | 'INTERSECT';
      const all = this.acceptWords('ALL');
      if (!all) this.acceptWords('DISTINCT');
      const right = this.parseQueryTerm();
      left = { kind: 'setOp', op, all, left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }

  private parseQueryTerm(): Query {
    const start = this.peek().span;
    if (this.acceptOp('(')) {
      const inner = this.parseQuery();
      this.expectOp(')');
      return { ...inner, span: this.spanFrom(start) };
    }
    if (this.acceptWords('VALUES')) {
      const rows = [];
      do {
        this.expectOp('(');
        const row = [this.parseExpr()];
        while (this.acceptOp(',')) row.push(this.parseExpr());
        this.expectOp(')');
        rows.push(row);
      } while (this.acceptOp(','));
      return { kind: 'values', rows, span: this.spanFrom(start) };
    }
    return this.parseSelect();
  }

  private parseSelect(): Select {
    const start = this.expectWords('SELECT').span;
    const distinct = this.acceptWords('DISTINCT');
    if (!distinct) this.acceptWords('ALL');
    const items: SelectItem[] = [];
    do items.push(this.parseSelectItem());
    while (this.acceptOp(','));
    const from = this.acceptWords('FROM') ? this.parseFrom() : undefined;
    const where = this.acceptWords('WHERE') ? this.parseExpr() : undefined;
    const groupBy = [];
    if (this.acceptWords('GROUP', 'BY')) {
      do groupBy.push(this.isWord('GROUPING') && this.isWord('SETS', 1) ? this.parseGroupingSets() : this.parseExpr());
      while (this.acceptOp(','));
    }
    const having = this.acceptWords('HAVING') ? this.parseExpr() : undefined;
    const windows = this.acceptWords('WINDOW') ? this.parseWindowClause() : undefined;
    return { kind: 'select', distinct, items, from, where, groupBy, having, ...(windows ? { windows } : {}), span: this.spanFrom(start) };
  }

  /** `WINDOW w AS (...), v AS (...)`. */
  private parseWindowClause(): { name: Ident; spec: WindowSpec }[] {
    const windows: { name: Ident; spec: WindowSpec }[] = [];
    do {
      const name = this.parseIdent('a window name');
      this.expectWords('AS');
      windows.push({ name, spec: this.parseWindowSpec() });
    } while (this.acceptOp(','));
    return windows;
  }

  /** `GROUPING SETS ((a, b), a, ())` as a call named 'GROUPING SETS' whose arguments are ROW(...) sets. */
  private parseGroupingSets(): Expr {
    const start = this.next().span;
    this.next();
    this.expectOp('(');
    const sets: Expr[] = [];
    do {
      const setStart = this.peek().span;
      const items: Expr[] = [];
      if (this.acceptOp('(')) {
        if (!this.isOp(')')) {
          do items.push(this.parseExpr());
          while (this.acceptOp(','));
        }
        this.expectOp(')');
      } else {
        items.push(this.parseExpr());
      }
      sets.push({ kind: 'call', name: { name: 'ROW', quoted: false, span: setStart }, args: items, distinct: false, countStar: false, span: this.spanFrom(setStart) });
    } while (this.acceptOp(','));
    this.expectOp(')');
    return { kind: 'call', name: { name: 'GROUPING SETS', quoted: false, span: start }, args: sets, distinct: false, countStar: false, span: this.spanFrom(start) };
  }

  private parseSelectItem(): SelectItem {
    const expr = this.parseExpr();
    if (expr.kind === 'star') return { kind: 'star', qualifier: expr.qualifier, span: expr.span };
    const alias = this.parseAlias();
    return { kind: 'expr', expr, alias, span: this.spanFrom(expr.span) };
  }

  private parseAlias(): Ident | undefined {
    if (this.acceptWords('AS')) return this.parseIdent('an alias');
    return this.isIdentifier() ? this.parseIdent() : undefined;
  }

  private parseFrom(): TableRef {
    let left = this.parseJoined();
    while (this.acceptOp(',')) {
      const right = this.parseJoined();
      left = { kind: 'join', joinType: 'COMMA', left, right, span: joinSpans(left.span, right.span) };
    }
    return left;
  }

  private parseJoined(): TableRef {
    let left = this.parseTablePrimary();
    for (;;) {
      let joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
      if (this.acceptWords('JOIN') || this.acceptWords('INNER', 'JOIN')) joinType = 'INNER';
      else if (this.acceptWords('CROSS', 'JOIN')) joinType = 'CROSS';
      else if (this.isWord('LEFT') || this.isWord('RIGHT') || this.isWord('FULL')) {
        joinType = this.next().upper as 'LEFT' | 'RIGHT' | 'FULL';
        this.acceptWords('OUTER');
        this.expectWords('JOIN');
      } else return left;
      const right = this.parseTablePrimary();
      const on = joinType !== 'CROSS' && this.acceptWords('ON') ? this.parseExpr() : undefined;
      if (joinType !== 'CROSS' && on === undefined) this.fail('ON');
      left = { kind: 'join', joinType, left, right, on, span: this.spanFrom(left.span) };
    }
  }

  private parseTablePrimary(): TableRef {
    const start = this.peek().span;
    if (this.isOp('(')) {
      if (this.isQueryStart()) {
        this.next();
        const query = this.parseQuery();
        this.expectOp(')');
        return { kind: 'derived', query, ...this.parseTableAlias(), span: this.spanFrom(start) };
      }
      this.next();
      const inner = this.parseFrom();
      this.expectOp(')');
      return inner;
    }
    const lateral = this.acceptWords('LATERAL');
    if (this.isWord('TABLE') && this.isOp('(', 1)) {
      this.pos += 2;
      const call = this.parseExpr();
      this.expectOp(')');
      return { kind: 'tableFunction', call, ...this.parseTableAlias(), span: this.spanFrom(start) };
    }
    if (lateral) this.fail('TABLE');
    const name = this.parseCompoundName('a table name');
    let forSystemTimeAsOf;
    if (this.acceptWords('FOR', 'SYSTEM_TIME', 'AS', 'OF')) forSystemTimeAsOf = this.parseExpr();
    return { kind: 'table', name, ...this.parseTableAlias(), forSystemTimeAsOf, span: this.spanFrom(start) };
  }

  /** `AS t` or `AS t(a, b)`: the alias and, when given, new names for the columns. */
  private parseTableAlias(): { alias?: Ident; columns?: Ident[] } {
    const alias = this.parseAlias();
    if (!alias || !this.isOp('(') || !this.isIdentifier(1)) return { alias };
    this.next();
    const columns: Ident[] = [];
    do columns.push(this.parseIdent());
    while (this.acceptOp(','));
    this.expectOp(')');
    return { alias, columns };
  }
}
