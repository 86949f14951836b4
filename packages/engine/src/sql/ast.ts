import type { Span } from './span';

/** A name as written: `quoted` names keep their case and may be keywords. */
export interface Ident {
  name: string;
  quoted: boolean;
  span: Span;
}

export interface TypeNode {
  /** Canonical upper-case name: INT for INTEGER, VARCHAR for STRING with no length, etc. */
  name: string;
  params: number[];
  /** `TIMESTAMP(p) WITH LOCAL TIME ZONE` is normalized to name TIMESTAMP_LTZ. */
  element?: TypeNode;
  key?: TypeNode;
  value?: TypeNode;
  fields?: { name: Ident; type: TypeNode }[];
  notNull: boolean;
  span: Span;
}

export type Expr =
  | { kind: 'number'; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  | { kind: 'interval'; value: string; unit: string; toUnit?: string; span: Span }
  | { kind: 'typedLiteral'; type: 'DATE' | 'TIME' | 'TIMESTAMP'; value: string; span: Span }
  | { kind: 'identifier'; parts: Ident[]; span: Span }
  | { kind: 'star'; qualifier: Ident[]; span: Span }
  | { kind: 'unary'; op: '-' | '+' | 'NOT'; operand: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | { kind: 'is'; operand: Expr; test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN'; negated: boolean; span: Span }
  | { kind: 'isDistinctFrom'; left: Expr; right: Expr; negated: boolean; span: Span }
  | { kind: 'in'; operand: Expr; list: Expr[]; negated: boolean; span: Span }
  | { kind: 'inQuery'; operand: Expr; query: Query; negated: boolean; span: Span }
  | { kind: 'between'; operand: Expr; low: Expr; high: Expr; negated: boolean; symmetric?: boolean; span: Span }
  | { kind: 'like'; operand: Expr; pattern: Expr; escape?: Expr; negated: boolean; span: Span }
  | { kind: 'case'; operand?: Expr; whens: { when: Expr; then: Expr }[]; else?: Expr; span: Span }
  | { kind: 'cast'; operand: Expr; type: TypeNode; safe: boolean; span: Span }
  | { kind: 'call'; name: Ident; args: Expr[]; distinct: boolean; countStar: boolean; filter?: Expr; over?: WindowSpec; span: Span }
  /** `TABLE t [PARTITION BY k, ...]`, an argument of a table function such as SESSION. */
  | { kind: 'tableArg'; name: Ident[]; partitionBy?: Expr[]; span: Span }
  | { kind: 'subquery'; query: Query; span: Span }
  | { kind: 'exists'; query: Query; span: Span }
  | { kind: 'fieldAccess'; target: Expr; field: Ident; span: Span }
  | { kind: 'index'; target: Expr; index: Expr; span: Span }
  /** A keyword argument of a special call form (`BOTH`, `DAY`, `NULL ON EMPTY`); `type` for RETURNING. */
  | { kind: 'symbol'; value: string; type?: TypeNode; span: Span };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export interface OrderItem {
  expr: Expr;
  descending: boolean;
  span: Span;
}

export interface FrameBound {
  kind: 'UNBOUNDED PRECEDING' | 'PRECEDING' | 'CURRENT ROW' | 'FOLLOWING' | 'UNBOUNDED FOLLOWING';
  offset?: Expr;
}

export interface WindowSpec {
  /** `OVER w`: a window the SELECT's WINDOW clause names (the other fields are empty until it is resolved). */
  ref?: Ident;
  partitionBy: Expr[];
  orderBy: OrderItem[];
  frame?: { unit: 'ROWS' | 'RANGE'; start: FrameBound; end?: FrameBound };
  span: Span;
}

export type SelectItem = { kind: 'expr'; expr: Expr; alias?: Ident; span: Span } | { kind: 'star'; qualifier: Ident[]; span: Span };

export type TableRef =
  | { kind: 'table'; name: Ident[]; alias?: Ident; columns?: Ident[]; forSystemTimeAsOf?: Expr; span: Span }
  | { kind: 'derived'; query: Query; alias?: Ident; columns?: Ident[]; span: Span }
  | { kind: 'tableFunction'; call: Expr; alias?: Ident; columns?: Ident[]; span: Span }
  | { kind: 'join'; joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'COMMA'; left: TableRef; right: TableRef; on?: Expr; span: Span };

export interface Select {
  kind: 'select';
  distinct: boolean;
  items: SelectItem[];
  from?: TableRef;
  where?: Expr;
  groupBy: Expr[];
  having?: Expr;
  /** `WINDOW w AS (...)`: windows that `OVER w` refers to. */
  windows?: { name: Ident; spec: WindowSpec }[];
  span: Span;
}

export type Query =
  | Select
  | { kind: 'setOp'; op: 'UNION' | 'INTERSECT' | 'EXCEPT'; all: boolean; left: Query; right: Query; span: Span }
  | { kind: 'values'; rows: Expr[][]; span: Span }
  | { kind: 'with'; ctes: { name: Ident; query: Query }[]; body: Query; span: Span }
  | { kind: 'ordered'; query: Query; orderBy: OrderItem[]; limit?: Expr; span: Span };

export type ColumnDef =
  | { kind: 'physical'; name: Ident; type: TypeNode; span: Span }
  | { kind: 'computed'; name: Ident; expr: Expr; span: Span }
  | { kind: 'metadata'; name: Ident; type: TypeNode; key?: string; virtual: boolean; span: Span };

export interface TableOption {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface InsertStatement {
  kind: 'insert';
  overwrite: boolean;
  table: Ident[];
  columns?: Ident[];
  query: Query;
  span: Span;
}

export type Statement =
  | {
      kind: 'createTable';
      temporary: boolean;
      ifNotExists: boolean;
      name: Ident[];
      columns: ColumnDef[];
      watermark?: { column: Ident; expr: Expr; span: Span };
      primaryKey?: { columns: Ident[]; span: Span };
      partitionedBy: Ident[];
      options: TableOption[];
      withSpan: Span;
      span: Span;
    }
  | { kind: 'createView'; temporary: boolean; ifNotExists: boolean; name: Ident[]; columns?: Ident[]; query: Query; span: Span }
  | { kind: 'createFunction'; temporary: boolean; ifNotExists: boolean; name: Ident[]; className: string; classNameSpan?: Span; language?: string; span: Span }
  | { kind: 'set'; key?: string; value?: string; span: Span }
  | { kind: 'reset'; key?: string; span: Span }
  | InsertStatement
  | { kind: 'statementSet'; inserts: InsertStatement[]; span: Span }
  | { kind: 'explain'; statement: Statement; span: Span }
  | { kind: 'query'; query: Query; span: Span }
  /** `USE CATALOG c`. */
  | { kind: 'useCatalog'; name: Ident; span: Span }
  /** `USE db` or `USE c.db`. */
  | { kind: 'use'; name: Ident[]; span: Span }
  | { kind: 'show'; what: ShowTarget; span: Span }
  /** `DESCRIBE t` (or `DESC t`). */
  | { kind: 'describe'; name: Ident[]; span: Span };

/** What a SHOW statement lists. */
export type ShowTarget = 'CATALOGS' | 'DATABASES' | 'TABLES' | 'VIEWS' | 'FUNCTIONS';

export interface Script {
  statements: Statement[];
}
