import type { TypeNode } from './ast';
import { TokenCursor } from './token-cursor';

const SIMPLE_TYPES: Record<string, string> = {
  BOOLEAN: 'BOOLEAN', TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INT: 'INT', INTEGER: 'INT', BIGINT: 'BIGINT',
  FLOAT: 'FLOAT', REAL: 'FLOAT', DOUBLE: 'DOUBLE', DATE: 'DATE', STRING: 'STRING', BYTES: 'BYTES',
  DECIMAL: 'DECIMAL', DEC: 'DECIMAL', NUMERIC: 'DECIMAL', CHAR: 'CHAR', VARCHAR: 'VARCHAR', BINARY: 'BINARY',
  VARBINARY: 'VARBINARY', TIME: 'TIME', TIMESTAMP: 'TIMESTAMP', TIMESTAMP_LTZ: 'TIMESTAMP_LTZ',
  ARRAY: 'ARRAY', MAP: 'MAP', MULTISET: 'MULTISET', ROW: 'ROW',
};

/** Parses Flink data types: `DECIMAL(10, 2)`, `TIMESTAMP(3) WITH LOCAL TIME ZONE`, `ROW<a INT>`, `MAP<K, V>`. */
export class TypeParser extends TokenCursor {
  protected parseType(): TypeNode {
    const start = this.peek();
    if (start.kind !== 'word' || !(start.upper in SIMPLE_TYPES)) this.fail('a data type');
    this.next();
    let name = SIMPLE_TYPES[start.upper];
    const node: TypeNode = { name, params: [], notNull: false, span: start.span };
    if (name === 'DOUBLE') this.acceptWords('PRECISION');
    if (start.upper === 'CHAR' || start.upper === 'CHARACTER') {
      if (this.acceptWords('VARYING')) node.name = name = 'VARCHAR';
    }
    if (name === 'ARRAY' || name === 'MULTISET') {
      this.expectOp('<');
      node.element = this.parseType();
      this.expectAngleClose();
    } else if (name === 'MAP') {
      this.expectOp('<');
      node.key = this.parseType();
      this.expectOp(',');
      node.value = this.parseType();
      this.expectAngleClose();
    } else if (name === 'ROW') {
      const angle = this.isOp('<');
      if (!angle && !this.isOp('(')) this.fail("'<' or '('");
      this.next();
      node.fields = [];
      if (!(angle ? this.isOp('>') : this.isOp(')'))) {
        do {
          const fieldName = this.parseIdent('a field name');
          node.fields.push({ name: fieldName, type: this.parseType() });
          if (this.peek().kind === 'string' || this.acceptWords('COMMENT')) this.expectString();
        } while (this.acceptOp(','));
      }
      if (angle) this.expectAngleClose();
      else this.expectOp(')');
    } else if (this.acceptOp('(')) {
      node.params.push(this.parseTypeParam());
      while (this.acceptOp(',')) node.params.push(this.parseTypeParam());
      this.expectOp(')');
    }
    if (name === 'TIMESTAMP' && this.acceptWords('WITH', 'LOCAL', 'TIME', 'ZONE')) node.name = 'TIMESTAMP_LTZ';
    else if ((name === 'TIMESTAMP' || name === 'TIME') && this.acceptWords('WITHOUT', 'TIME', 'ZONE')) node.name = name;
    while (this.isWord('ARRAY') || this.isWord('MULTISET')) {
      const kind = this.next().upper;
      const inner = { ...node };
      node.name = kind;
      node.params = [];
      node.element = inner;
      delete node.fields;
    }
    if (this.acceptWords('NOT', 'NULL')) node.notNull = true;
    else this.acceptWords('NULL');
    node.span = this.spanFrom(start.span);
    return node;
  }

  private parseTypeParam(): number {
    const token = this.peek();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.fail('an integer');
    this.next();
    return Number(token.text);
  }

  // `ROW<a MAP<K, V>>` ends with `>>`, which the lexer never glues, so a plain '>' always closes.
  private expectAngleClose(): void {
    this.expectOp('>');
  }
}
