import type { ColumnDef, Ident, InsertStatement, ShowTarget, Statement, TableOption } from './ast';
import { QueryParser } from './query-parser';
import type { Span } from './span';

type CreateTable = Extract<Statement, { kind: 'createTable' }>;

const SHOW_TARGETS: ShowTarget[] = ['CATALOGS', 'DATABASES', 'TABLES', 'VIEWS', 'FUNCTIONS'];

/** Flink statements: CREATE TABLE/VIEW/FUNCTION, SET, RESET, INSERT, STATEMENT SET, EXPLAIN, queries. */
export class StatementParser extends QueryParser {
  protected parseStatement(): Statement {
    const start = this.peek().span;
    if (this.isWord('CREATE')) return this.parseCreate();
    if (this.isWord('INSERT')) return this.parseInsert();
    if (this.acceptWords('SET')) return this.parseSet(start);
    if (this.acceptWords('RESET')) {
      const key = this.peek().kind === 'string' ? this.next().text : undefined;
      return { kind: 'reset', key, span: this.spanFrom(start) };
    }
    if (this.acceptWords('EXECUTE', 'STATEMENT', 'SET')) {
      this.expectWords('BEGIN');
      return this.parseStatementSetBody(start);
    }
    if (this.acceptWords('BEGIN', 'STATEMENT', 'SET')) {
      this.expectOp(';');
      return this.parseStatementSetBody(start);
    }
    if (this.acceptWords('EXPLAIN')) {
      if (!this.acceptWords('PLAN', 'FOR')) {
        while (this.peek().kind === 'word' && !['INSERT', 'SELECT', 'WITH', 'EXECUTE', 'VALUES'].includes(this.peek().upper)) {
          this.next();
          this.acceptOp(',');
        }
      }
      const statement = this.parseStatement();
      return { kind: 'explain', statement, span: this.spanFrom(start) };
    }
    if (this.isQueryStart()) {
      const query = this.parseQuery();
      return { kind: 'query', query, span: query.span };
    }
    if (this.acceptWords('USE')) {
      if (this.acceptWords('CATALOG')) return { kind: 'useCatalog', name: this.parseIdent(), span: this.spanFrom(start) };
      return { kind: 'use', name: this.parseCompoundName('a database name'), span: this.spanFrom(start) };
    }
    if (this.acceptWords('SHOW')) {
      const what = SHOW_TARGETS.find((target) => this.acceptWords(target));
      if (!what) return this.fail(SHOW_TARGETS.join(', '));
      return { kind: 'show', what, span: this.spanFrom(start) };
    }
    if (this.acceptWords('DESCRIBE') || this.acceptWords('DESC')) return { kind: 'describe', name: this.parseCompoundName('a table name'), span: this.spanFrom(start) };
    return this.fail('a statement (CREATE, INSERT, SET, EXECUTE STATEMENT SET, EXPLAIN, SELECT, USE, SHOW or DESCRIBE)');
  }

  private parseSet(start: Span): Statement {
    if (this.peek().kind === 'eof' || this.isOp(';')) return { kind: 'set', span: this.spanFrom(start) };
    let key: string;
    if (this.peek().kind === 'string') key = this.next().text;
    else key = this.parseCompoundName('a configuration key').map((part) => part.name).join('.');
    this.expectOp('=');
    const token = this.next();
    if (token.kind === 'eof' || (token.kind === 'op' && token.text === ';')) this.fail('a value');
    return { kind: 'set', key, value: token.text, span: this.spanFrom(start) };
  }

  private parseStatementSetBody(start: Span): Statement {
    const inserts: InsertStatement[] = [];
    while (!this.isWord('END')) {
      if (!this.isWord('INSERT')) this.fail('INSERT or END');
      inserts.push(this.parseInsert());
      this.expectOp(';');
    }
    this.expectWords('END');
    return { kind: 'statementSet', inserts, span: this.spanFrom(start) };
  }

  private parseInsert(): InsertStatement {
    const start = this.expectWords('INSERT').span;
    const overwrite = this.acceptWords('OVERWRITE');
    if (!overwrite) this.expectWords('INTO');
    const table = this.parseCompoundName('a table name');
    if (this.acceptWords('PARTITION')) {
      this.expectOp('(');
      do {
        this.parseIdent();
        this.expectOp('=');
        this.next();
      } while (this.acceptOp(','));
      this.expectOp(')');
    }
    let columns: Ident[] | undefined;
    if (this.isOp('(') && !this.isQueryStart()) {
      this.next();
      columns = [];
      do columns.push(this.parseIdent('a column name'));
      while (this.acceptOp(','));
      this.expectOp(')');
    }
    const query = this.parseQuery();
    return { kind: 'insert', overwrite, table, columns, query, span: this.spanFrom(start) };
  }

  private parseCreate(): Statement {
    const start = this.expectWords('CREATE').span;
    const temporary = this.acceptWords('TEMPORARY');
    const system = temporary && this.acceptWords('SYSTEM');
    if (this.acceptWords('FUNCTION')) {
      const ifNotExists = this.acceptWords('IF', 'NOT', 'EXISTS');
      const name = this.parseCompoundName('a function name');
      this.expectWords('AS');
      const classToken = this.expectString('a class name');
      const language = this.acceptWords('LANGUAGE') ? this.next().upper : undefined;
      return { kind: 'createFunction', temporary, ifNotExists, name, className: classToken.text, classNameSpan: classToken.span, language, span: this.spanFrom(start) };
    }
    if (system) this.fail('FUNCTION');
    if (this.acceptWords('VIEW')) {
      const ifNotExists = this.acceptWords('IF', 'NOT', 'EXISTS');
      const name = this.parseCompoundName('a view name');
      let columns: Ident[] | undefined;
      if (this.acceptOp('(')) {
        columns = [];
        do columns.push(this.parseIdent('a column name'));
        while (this.acceptOp(','));
        this.expectOp(')');
      }
      if (this.isWord('COMMENT')) {
        this.next();
        this.expectString();
      }
      this.expectWords('AS');
      const query = this.parseQuery();
      return { kind: 'createView', temporary, ifNotExists, name, columns, query, span: this.spanFrom(start) };
    }
    if (!this.isWord('TABLE')) this.fail('TABLE, VIEW or FUNCTION');
    return this.parseCreateTable(start, temporary);
  }

  private parseCreateTable(start: Span, temporary: boolean): CreateTable {
    this.expectWords('TABLE');
    const ifNotExists = this.acceptWords('IF', 'NOT', 'EXISTS');
    const name = this.parseCompoundName('a table name');
    const table: CreateTable = {
      kind: 'createTable', temporary, ifNotExists, name, columns: [], partitionedBy: [], options: [], withSpan: start, span: start,
    };
    this.expectOp('(');
    do this.parseTableElement(table);
    while (this.acceptOp(','));
    this.expectOp(')');
    if (this.acceptWords('COMMENT')) this.expectString();
    if (this.acceptWords('PARTITIONED', 'BY')) {
      this.expectOp('(');
      do table.partitionedBy.push(this.parseIdent('a column name'));
      while (this.acceptOp(','));
      this.expectOp(')');
    }
    if (this.isWord('WITH')) {
      const withStart = this.next().span;
      table.options = this.parseOptions();
      table.withSpan = this.spanFrom(withStart);
    }
    if (this.acceptWords('LIKE')) {
      this.parseCompoundName('a table name');
      if (this.acceptOp('(')) {
        while (!this.isOp(')') && this.peek().kind !== 'eof') this.next();
        this.expectOp(')');
      }
    }
    table.span = this.spanFrom(start);
    return table;
  }

  private parseTableElement(table: CreateTable): void {
    const start = this.peek().span;
    if (this.isWord('WATERMARK') && this.isWord('FOR', 1)) {
      this.pos += 2;
      const column = this.parseIdent('a column name');
      this.expectWords('AS');
      const expr = this.parseExpr();
      table.watermark = { column, expr, span: this.spanFrom(start) };
      return;
    }
    if (this.isWord('CONSTRAINT')) {
      this.next();
      this.parseIdent('a constraint name');
    }
    if (this.acceptWords('PRIMARY', 'KEY')) {
      this.expectOp('(');
      const columns: Ident[] = [];
      do columns.push(this.parseIdent('a column name'));
      while (this.acceptOp(','));
      this.expectOp(')');
      this.expectWords('NOT', 'ENFORCED');
      table.primaryKey = { columns, span: this.spanFrom(start) };
      return;
    }
    const name = this.parseIdent('a column name');
    let column: ColumnDef;
    if (this.acceptWords('AS')) {
      column = { kind: 'computed', name, expr: this.parseExpr(), span: start };
    } else {
      const type = this.parseType();
      if (this.acceptWords('METADATA')) {
        const key = this.acceptWords('FROM') ? this.expectString('a metadata key').text : undefined;
        const virtual = this.acceptWords('VIRTUAL');
        column = { kind: 'metadata', name, type, key, virtual, span: start };
      } else {
        column = { kind: 'physical', name, type, span: start };
      }
      if (this.acceptWords('PRIMARY', 'KEY')) {
        this.expectWords('NOT', 'ENFORCED');
        table.primaryKey = { columns: [name], span: this.spanFrom(start) };
      }
    }
    if (this.acceptWords('COMMENT')) this.expectString();
    column.span = this.spanFrom(start);
    table.columns.push(column);
  }

  private parseOptions(): TableOption[] {
    this.expectOp('(');
    const options: TableOption[] = [];
    if (this.isOp(')')) {
      this.next();
      return options;
    }
    do {
      const key = this.expectString("an option key such as 'connector'");
      this.expectOp('=');
      const value = this.expectString('an option value in single quotes');
      options.push({ key: key.text, value: value.text, keySpan: key.span, valueSpan: value.span });
    } while (this.acceptOp(','));
    this.expectOp(')');
    return options;
  }
}
