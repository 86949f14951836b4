import { findScalarFunction } from '../functions/builtin-scalar-functions';
import { EngineError } from '../errors';
import type { PlanExpr } from '../plan/plan-expr';
import { asDecimal, type DataType } from '../sql/data-type';
import { castCode, wrapInteger } from './cast-code';

const COMPARE: Record<string, string> = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' };
/** Calls whose value changes between evaluations of the same row: never shared. */
const NON_DETERMINISTIC = new Set(['RAND', 'RAND_INTEGER', 'UUID', 'NOW', 'PROCTIME', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'CURRENT_TIME', 'LOCALTIME', 'CURRENT_DATE', 'CURRENT_ROW_TIMESTAMP', 'UNIX_TIMESTAMP']);
const ARITHMETIC: Record<string, string> = { plus: '+', minus: '-', times: '*', divide: '/', mod: '%' };

/**
 * Generates straight-line JavaScript for expressions over a row variable `row`: every node becomes
 * a `const` (or an if-block for lazy CASE/AND/OR), NULL is JS null and propagates through strict
 * operators, AND/OR follow Kleene's three-valued logic. Equal deterministic subexpressions are
 * computed once (Nexmark q21 repeats `lower(channel)` five times and a REGEXP_EXTRACT twice): a
 * value is reused wherever the block that computed it encloses the use.
 */
export class ExpressionCompiler {
  private counter = 0;
  /** Variables of computed subexpressions by structural key, one map per open block. */
  private readonly scopes: Map<string, string>[] = [new Map()];
  /** Values the generated code reads as `c[i]` (types for helpers). */
  readonly constants: unknown[] = [];

  /** Appends the statements computing `expr` to `out` and returns the variable or literal holding it. */
  emit(expr: PlanExpr, out: string[]): string {
    if (expr.kind === 'input' || expr.kind === 'literal' || !shareable(expr)) return this.emitNode(expr, out);
    const key = JSON.stringify(expr);
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const known = this.scopes[i].get(key);
      if (known !== undefined) return known;
    }
    const value = this.emitNode(expr, out);
    this.scopes[this.scopes.length - 1].set(key, value);
    return value;
  }

  /** Emits into a nested block (a lazily evaluated branch), whose values the enclosing code cannot see. */
  private emitInBlock(expr: PlanExpr, block: string[]): string {
    this.scopes.push(new Map());
    try {
      return this.emit(expr, block);
    } finally {
      this.scopes.pop();
    }
  }

  private emitNode(expr: PlanExpr, out: string[]): string {
    switch (expr.kind) {
      case 'input':
        return `row[${expr.index}]`;
      case 'literal':
        return JSON.stringify(expr.value);
      case 'field': {
        const target = this.emit(expr.target, out);
        return this.assign(out, `${target} === null ? null : ${target}[${expr.index}]`);
      }
      case 'call':
        return this.emitCall(expr, out);
    }
  }

  private emitCall(expr: Extract<PlanExpr, { kind: 'call' }>, out: string[]): string {
    const { op, args, type } = expr;
    switch (op) {
      case 'and':
      case 'or':
        return this.emitLogic(op, args[0], args[1], out);
      case 'case':
        return this.emitCase(args, out);
      case 'not': {
        const a = this.emit(args[0], out);
        return this.assign(out, `${a} === null ? null : !${a}`);
      }
      case 'is_null': return this.assign(out, `${this.emit(args[0], out)} === null`);
      case 'is_not_null': return this.assign(out, `${this.emit(args[0], out)} !== null`);
      case 'is_true': return this.assign(out, `${this.emit(args[0], out)} === true`);
      case 'is_not_true': return this.assign(out, `${this.emit(args[0], out)} !== true`);
      case 'is_false': return this.assign(out, `${this.emit(args[0], out)} === false`);
      case 'is_not_false': return this.assign(out, `${this.emit(args[0], out)} !== false`);
      case 'is_distinct_from': return this.assign(out, `${this.emit(args[0], out)} !== ${this.emit(args[1], out)}`);
      case 'is_not_distinct_from': return this.assign(out, `${this.emit(args[0], out)} === ${this.emit(args[1], out)}`);
      case 'in': {
        const [a, ...list] = args.map((arg) => this.emit(arg, out));
        const anyMatch = list.map((item) => `${a} === ${item}`).join(' || ');
        const nullable = list.filter((item) => !isNonNullLiteral(item));
        const anyNull = nullable.length === 0 ? '' : ` : (${nullable.map((item) => `${item} === null`).join(' || ')}) ? null`;
        return this.assign(out, `${a} === null ? null : (${anyMatch}) ? true${anyNull} : false`);
      }
      case 'cast':
      case 'try_cast': {
        const a = this.emit(args[0], out);
        const code = castCode(a, args[0].type, type, op === 'try_cast', (t) => this.constant(t));
        // A cast that changes nothing (CHAR literal to VARCHAR, say) keeps a literal a literal.
        return code === a ? a : this.strict(out, [a], code);
      }
    }
    const values = args.map((arg) => this.emit(arg, out));
    if (op in COMPARE) return this.strict(out, values, `${values[0]} ${COMPARE[op]} ${values[1]}`);
    if (op in ARITHMETIC) return this.strict(out, values, arithmetic(op, values, args.map((a) => a.type), type));
    if (op === 'negate') return this.strict(out, values, type.kind === 'INT' || type.kind === 'SMALLINT' || type.kind === 'TINYINT' ? wrapInteger(`-${values[0]}`, type) : `-${values[0]}`);
    if (op === 'concat') return this.strict(out, values, `${values[0]} + ${values[1]}`);
    if (op === 'like') return this.strict(out, values, `h.like(${values.join(', ')})`);
    const fn = findScalarFunction(op);
    if (!fn) throw new EngineError(`no code generator for operator '${op}'`, { code: 'PLAN_UNKNOWN_OPERATOR', domain: 'internal' });
    const context = {
      constant: (value: unknown) => this.constant(value),
      literal: (i: number) => (args[i]?.kind === 'literal' ? args[i].value : undefined),
      argOp: (i: number) => (args[i]?.kind === 'call' ? args[i].op : undefined),
    };
    const code = fn.generate(values, args.map((a) => a.type), type, context);
    return fn.strict ? this.strict(out, values, code) : this.assign(out, code);
  }

  private emitLogic(op: 'and' | 'or', left: PlanExpr, right: PlanExpr, out: string[]): string {
    const a = this.emit(left, out);
    const result = this.fresh();
    // The right side runs only when it can change the outcome, as in Flink's generated code.
    const decided = op === 'and' ? 'false' : 'true';
    const inner: string[] = [];
    const b = this.emitInBlock(right, inner);
    out.push(`let ${result};`, `if (${a} === ${decided}) { ${result} = ${decided}; } else {`, ...inner,
      `${result} = ${b} === ${decided} ? ${decided} : (${a} === null || ${b} === null) ? null : ${op === 'and' ? 'true' : 'false'}; }`);
    return result;
  }

  private emitCase(args: PlanExpr[], out: string[]): string {
    const result = this.fresh();
    out.push(`let ${result};`);
    let closing = '';
    for (let i = 0; i + 1 < args.length; i += 2) {
      const condition = this.emit(args[i], out);
      const branch: string[] = [];
      const value = this.emitInBlock(args[i + 1], branch);
      out.push(`if (${condition} === true) {`, ...branch, `${result} = ${value}; } else {`);
      closing += '}';
      // Later conditions run inside this else block.
      this.scopes.push(new Map());
    }
    const otherwise: string[] = [];
    const value = this.emitInBlock(args[args.length - 1], otherwise);
    for (let i = 0; i + 1 < args.length; i += 2) this.scopes.pop();
    out.push(...otherwise, `${result} = ${value}; ${closing}`);
    return result;
  }

  private strict(out: string[], values: string[], code: string): string {
    const checks = values.filter((v) => !isNonNullLiteral(v)).map((v) => `${v} === null`);
    if (values.includes('null')) return 'null';
    return this.assign(out, checks.length === 0 ? code : `${checks.join(' || ')} ? null : ${code}`);
  }

  private assign(out: string[], code: string): string {
    const name = this.fresh();
    out.push(`const ${name} = ${code};`);
    return name;
  }

  private fresh(): string {
    return `v${this.counter++}`;
  }

  private constant(value: unknown): string {
    this.constants.push(value);
    return `c[${this.constants.length - 1}]`;
  }
}

function arithmetic(op: string, [a, b]: string[], [ta, tb]: DataType[], type: DataType): string {
  if (type.kind === 'DECIMAL') {
    const sa = asDecimal(ta).scale;
    const sb = asDecimal(tb).scale;
    const s = type.scale;
    // Most DECIMAL arithmetic keeps its scale (q1's 0.908 * price): then no rescale call at all.
    const at = (value: string, from: number) => (from === s ? value : `h.rescale(${value}, ${from}, ${s})`);
    switch (op) {
      case 'plus': return `${at(a, sa)} + ${at(b, sb)}`;
      case 'minus': return `${at(a, sa)} - ${at(b, sb)}`;
      case 'times': return at(`${a} * ${b}`, sa + sb);
      case 'divide': return `h.decDiv(${a}, ${sa}, ${b}, ${sb}, ${s})`;
      default: return `h.rescale(${a}, ${sa}, ${s}) % h.rescale(${b}, ${sb}, ${s})`;
    }
  }
  if (type.kind === 'TIMESTAMP' || type.kind === 'TIMESTAMP_LTZ' || type.kind === 'DATE') {
    const [time, interval, intervalType] = ta.kind.startsWith('INTERVAL') ? [b, a, ta] : [a, b, tb];
    const signed = op === 'minus' ? `-${interval}` : interval;
    if (intervalType.kind === 'INTERVAL_YEAR_MONTH') {
      return type.kind === 'DATE' ? `h.dayFromMs(h.addMonths(${time} * h.MS_PER_DAY, ${signed}))` : `h.addMonths(${time}, ${signed})`;
    }
    return type.kind === 'DATE' ? `${time} + Math.trunc(${signed} / h.MS_PER_DAY)` : `${time} + ${signed}`;
  }
  if (type.kind === 'DOUBLE') return `${a} ${ARITHMETIC[op]} ${b}`;
  if (type.kind === 'FLOAT') return `Math.fround(${a} ${ARITHMETIC[op]} ${b})`;
  if (op === 'divide') return wrapInteger(`h.divInt(${a}, ${b})`, type);
  if (op === 'mod') return `h.mod(${a}, ${b})`;
  return wrapInteger(`${a} ${ARITHMETIC[op]} ${b}`, type);
}

/** Whether generated code is a non-null literal (a number, string or boolean). */
function isNonNullLiteral(code: string): boolean {
  return /^(-?\d|"|true$|false$)/.test(code);
}

/** Whether an expression may be computed once and reused: deterministic all the way down. */
function shareable(expr: PlanExpr): boolean {
  switch (expr.kind) {
    case 'input': case 'literal': return true;
    case 'field': return shareable(expr.target);
    case 'call': return !NON_DETERMINISTIC.has(expr.op.toUpperCase()) && expr.args.every(shareable);
  }
}
