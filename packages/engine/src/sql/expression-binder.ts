import { findScalarFunction, scalarFunctionNames } from '../functions/builtin-scalar-functions';
import type { ScalarFunction } from '../functions/scalar-function';
import { UserFunctionCatalog } from '../functions/udf/user-function-catalog';
import { AGGREGATE_FUNCTION_NAMES, FLINK_FUNCTION_NAMES } from '../functions/flink-function-names';
import type { PlanExpr } from '../plan/plan-expr';
import { arithmeticType } from './arithmetic-types';
import type { Expr } from './ast';
import { canCast } from './cast-rules';
import { commonType, formatType, isString, simple, typeFromNode, varchar, withNullability, type DataType } from './data-type';
import type { DiagnosticSink } from './diagnostic';
import { bindLiteral } from './literal-binder';
import { ResolveError, type Scope } from './scope';
import type { Span } from './span';
import { didYouMean } from './suggest';

/** Thrown after a diagnostic was recorded, to abandon the enclosing select item or clause. */
export class BindAbort {}

const COMPARISON_OPS: Record<string, string> = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
const ARITHMETIC_OPS: Record<string, string> = { '+': 'plus', '-': 'minus', '*': 'times', '/': 'divide', '%': 'mod' };
const BOOLEAN = simple('BOOLEAN');

/** Turns AST expressions into typed plan expressions against a scope, reporting problems as diagnostics. */
export class ExpressionBinder {
  constructor(
    private readonly scope: Scope,
    private readonly diagnostics: DiagnosticSink,
    private readonly userFunctions: ReadonlySet<string> = new Set(),
  ) {}

  /** Binds an expression; throws BindAbort after recording a diagnostic. */
  bind(expr: Expr): PlanExpr {
    switch (expr.kind) {
      case 'number': case 'string': case 'boolean': case 'null': case 'interval': case 'typedLiteral': {
        const literal = bindLiteral(expr);
        return typeof literal === 'string' ? this.fail('INVALID_LITERAL', literal, expr.span) : literal;
      }
      case 'identifier': {
        const resolved = this.scope.resolve(expr.parts);
        if (resolved instanceof ResolveError) return this.fail(resolved.code, resolved.message, resolved.span);
        return resolved;
      }
      case 'fieldAccess': {
        const target = this.bind(expr.target);
        if (target.type.kind !== 'ROW') return this.fail('FIELD_NOT_FOUND', `${formatType(target.type)} has no field '${expr.field.name}'`, expr.field.span);
        const index = target.type.fields.findIndex((f) => f.name === expr.field.name);
        if (index < 0) return this.fail('FIELD_NOT_FOUND', `field '${expr.field.name}' not found${didYouMean(expr.field.name, target.type.fields.map((f) => f.name))}`, expr.field.span);
        return { kind: 'field', target, index, type: withNullability(target.type.fields[index].type, true) };
      }
      case 'unary':
        return this.bindUnary(expr);
      case 'binary':
        return this.bindBinary(expr.op, expr.left, expr.right, expr.span);
      case 'is': {
        const operand = this.bind(expr.operand);
        if (expr.test !== 'NULL') this.requireBoolean(operand, expr.operand.span, `IS ${expr.test}`);
        const op = `is_${expr.negated ? 'not_' : ''}${expr.test === 'UNKNOWN' ? 'null' : expr.test.toLowerCase()}`;
        return { kind: 'call', op, args: [operand], type: simple('BOOLEAN', false) };
      }
      case 'isDistinctFrom': {
        const [left, right] = this.coercePair(this.bind(expr.left), this.bind(expr.right), expr.span, 'compare');
        return { kind: 'call', op: expr.negated ? 'is_not_distinct_from' : 'is_distinct_from', args: [left, right], type: simple('BOOLEAN', false) };
      }
      case 'in': {
        let operand = this.bind(expr.operand);
        const list = expr.list.map((item) => this.bind(item));
        let common: DataType | undefined = operand.type;
        for (const item of list) common = common && commonType(common, item.type);
        if (!common) return this.fail('TYPE_MISMATCH', `the values of IN cannot be compared with ${formatType(operand.type)}`, expr.span);
        operand = cast(operand, common);
        const args = [operand, ...list.map((item) => cast(item, common))];
        const type = simple('BOOLEAN', args.some((a) => a.type.nullable));
        const inCall: PlanExpr = { kind: 'call', op: 'in', args, type };
        return expr.negated ? { kind: 'call', op: 'not', args: [inCall], type } : inCall;
      }
      case 'between': {
        if (expr.symmetric) return this.bindSymmetricBetween(expr);
        const operand = this.bind(expr.operand);
        const [a, low] = this.coercePair(operand, this.bind(expr.low), expr.span, 'compare');
        const [b, high] = this.coercePair(operand, this.bind(expr.high), expr.span, 'compare');
        const lower = comparison(expr.negated ? 'lt' : 'ge', a, low);
        const upper = comparison(expr.negated ? 'gt' : 'le', b, high);
        return { kind: 'call', op: expr.negated ? 'or' : 'and', args: [lower, upper], type: simple('BOOLEAN', lower.type.nullable || upper.type.nullable) };
      }
      case 'like': {
        const args = [this.bind(expr.operand), this.bind(expr.pattern), ...(expr.escape ? [this.bind(expr.escape)] : [])];
        for (const [i, arg] of args.entries()) {
          if (!isString(arg.type) && arg.type.kind !== 'NULL') return this.fail('TYPE_MISMATCH', `LIKE expects strings, got ${formatType(arg.type)}`, [expr.operand, expr.pattern, expr.escape as Expr][i].span);
        }
        const type = simple('BOOLEAN', args.some((a) => a.type.nullable));
        const like: PlanExpr = { kind: 'call', op: 'like', args, type };
        return expr.negated ? { kind: 'call', op: 'not', args: [like], type } : like;
      }
      case 'case':
        return this.bindCase(expr);
      case 'cast': {
        const operand = this.bind(expr.operand);
        const target = typeFromNode(expr.type);
        if (typeof target === 'string') return this.fail('INVALID_TYPE', target, expr.type.span);
        if (!canCast(operand.type, target)) return this.fail('INVALID_CAST', `cannot cast ${formatType(operand.type)} to ${formatType(target)}`, expr.span);
        const type = withNullability(target, expr.safe || operand.type.nullable);
        return { kind: 'call', op: expr.safe ? 'try_cast' : 'cast', args: [operand], type };
      }
      case 'call':
        return this.bindCall(expr);
      case 'star':
        return this.fail('UNEXPECTED_STAR', "'*' is only allowed in the SELECT list or in COUNT(*)", expr.span);
      case 'tableArg':
        return this.fail('NOT_SUPPORTED', 'TABLE arguments are only allowed in window table functions, which are not supported yet', expr.span);
      case 'subquery': case 'exists': case 'inQuery':
        return this.fail('NOT_SUPPORTED', 'subqueries in expressions are not supported yet', expr.span);
      case 'index':
        return this.bindFunction('ITEM', [this.bind(expr.target), this.bind(expr.index)], expr.span);
      case 'symbol':
        return this.bindSymbol(expr);
    }
  }

  private bindSymbol(expr: Extract<Expr, { kind: 'symbol' }>): PlanExpr {
    if (!expr.type) return { kind: 'literal', value: expr.value, type: simple('SYMBOL', false) };
    const type = typeFromNode(expr.type);
    if (typeof type === 'string') return this.fail('INVALID_TYPE', type, expr.type.span);
    return { kind: 'literal', value: JSON.stringify(type), type: simple('SYMBOL', false) };
  }

  // `x BETWEEN SYMMETRIC a AND b` is `x BETWEEN a AND b OR x BETWEEN b AND a`, as Calcite expands it.
  private bindSymmetricBetween(expr: Extract<Expr, { kind: 'between' }>): PlanExpr {
    const forward = this.bind({ ...expr, negated: false, symmetric: false });
    const backward = this.bind({ ...expr, low: expr.high, high: expr.low, negated: false, symmetric: false });
    const either: PlanExpr = { kind: 'call', op: 'or', args: [forward, backward], type: simple('BOOLEAN', forward.type.nullable || backward.type.nullable) };
    return expr.negated ? { kind: 'call', op: 'not', args: [either], type: either.type } : either;
  }

  private bindUnary(expr: Extract<Expr, { kind: 'unary' }>): PlanExpr {
    const operand = this.bind(expr.operand);
    if (expr.op === 'NOT') {
      this.requireBoolean(operand, expr.operand.span, 'NOT');
      return { kind: 'call', op: 'not', args: [operand], type: withNullability(BOOLEAN, operand.type.nullable) };
    }
    if (!arithmeticType('+', operand.type, operand.type)) return this.fail('TYPE_MISMATCH', `cannot apply '${expr.op}' to ${formatType(operand.type)}`, expr.span);
    if (expr.op === '+') return operand;
    if (operand.kind === 'literal' && typeof operand.value === 'number') return { ...operand, value: -operand.value };
    return { kind: 'call', op: 'negate', args: [operand], type: operand.type };
  }

  private bindBinary(op: string, leftAst: Expr, rightAst: Expr, span: Span): PlanExpr {
    const left = this.bind(leftAst);
    const right = this.bind(rightAst);
    if (op === 'AND' || op === 'OR') {
      this.requireBoolean(left, leftAst.span, op);
      this.requireBoolean(right, rightAst.span, op);
      return { kind: 'call', op: op.toLowerCase(), args: [left, right], type: simple('BOOLEAN', left.type.nullable || right.type.nullable) };
    }
    if (op in COMPARISON_OPS) {
      const [a, b] = this.coercePair(left, right, span, 'compare');
      return comparison(COMPARISON_OPS[op], a, b);
    }
    if (op === '||') {
      for (const [side, ast] of [[left, leftAst], [right, rightAst]] as const) {
        if (!isString(side.type) && side.type.kind !== 'NULL') return this.fail('TYPE_MISMATCH', `'||' expects strings, got ${formatType(side.type)}`, ast.span);
      }
      return { kind: 'call', op: 'concat', args: [left, right], type: varchar(undefined, left.type.nullable || right.type.nullable) };
    }
    const type = arithmeticType(op, left.type, right.type);
    if (!type) return this.fail('TYPE_MISMATCH', `cannot apply '${op}' to ${formatType(left.type)} and ${formatType(right.type)}`, span);
    const numericResult = type.kind !== 'TIMESTAMP' && type.kind !== 'TIMESTAMP_LTZ' && type.kind !== 'DATE' && !type.kind.startsWith('INTERVAL');
    // Operands of DOUBLE arithmetic are widened first; DECIMAL and integer code rescales by type.
    const args = numericResult && type.kind === 'DOUBLE' ? [cast(left, type), cast(right, type)] : [left, right];
    return { kind: 'call', op: ARITHMETIC_OPS[op], args, type };
  }

  private bindCase(expr: Extract<Expr, { kind: 'case' }>): PlanExpr {
    const operand = expr.operand ? this.bind(expr.operand) : undefined;
    const conditions = expr.whens.map(({ when }) => {
      const bound = this.bind(when);
      if (!operand) {
        this.requireBoolean(bound, when.span, 'WHEN');
        return bound;
      }
      const [a, b] = this.coercePair(operand, bound, when.span, 'compare');
      return comparison('eq', a, b);
    });
    const results = [...expr.whens.map(({ then }) => this.bind(then)), ...(expr.else ? [this.bind(expr.else)] : [])];
    let type: DataType | undefined = results[0].type;
    for (const result of results.slice(1)) type = type && commonType(type, result.type);
    if (!type) return this.fail('TYPE_MISMATCH', `the branches of CASE have no common type (${results.map((r) => formatType(r.type)).join(', ')})`, expr.span);
    const resultType = withNullability(type, !expr.else || results.some((r) => r.type.nullable));
    const args: PlanExpr[] = [];
    conditions.forEach((condition, i) => args.push(condition, cast(results[i], resultType)));
    args.push(expr.else ? cast(results[results.length - 1], resultType) : { kind: 'literal', value: null, type: resultType });
    return { kind: 'call', op: 'case', args, type: resultType };
  }

  private bindCall(expr: Extract<Expr, { kind: 'call' }>): PlanExpr {
    const name = expr.name.name.toUpperCase();
    if (expr.over) return this.fail('NOT_SUPPORTED', 'OVER aggregations are only supported in the select list of a SELECT without GROUP BY', expr.span);
    if (AGGREGATE_FUNCTION_NAMES.has(name)) return this.fail('NOT_SUPPORTED', `aggregate function ${name} is not supported yet (GROUP BY and aggregations come later)`, expr.span);
    if (expr.filter || expr.distinct || expr.countStar) return this.fail('INVALID_CALL', `${name} is not an aggregate function`, expr.span);
    const userFunction = this.userFunctions instanceof UserFunctionCatalog ? this.userFunctions.resolve(expr.name.name) : undefined;
    if (userFunction) return this.bindFunction(userFunction, expr.args.map((arg) => this.bind(arg)), expr.span);
    if (!findScalarFunction(name)) {
      if (this.userFunctions.has(expr.name.name)) return this.fail('NOT_SUPPORTED', `user-defined function '${expr.name.name}' could not be loaded`, expr.name.span);
      if (FLINK_FUNCTION_NAMES.has(name)) return this.fail('NOT_SUPPORTED', `function ${name} is not supported yet`, expr.name.span);
      const hint = didYouMean(name, [...scalarFunctionNames(), ...FLINK_FUNCTION_NAMES, ...this.userFunctions]);
      return this.fail('FUNCTION_NOT_FOUND', `unknown function '${expr.name.name}'${hint}`, expr.name.span);
    }
    return this.bindFunction(name, expr.args.map((arg) => this.bind(arg)), expr.span);
  }

  /** Type-checks a call of a scalar function (built-in by name, or a resolved user function) over bound arguments. */
  private bindFunction(nameOrFunction: string | ScalarFunction, args: PlanExpr[], span: Span): PlanExpr {
    const fn = typeof nameOrFunction === 'string' ? (findScalarFunction(nameOrFunction) as ScalarFunction) : nameOrFunction;
    const signature = fn.infer(args.map((a) => a.type), args.map((a) => (a.kind === 'literal' ? a.value : undefined)));
    if (typeof signature === 'string') return this.fail('INVALID_CALL', signature, span);
    const coerced = args.map((arg, i) => (signature.coerceTo?.[i] ? cast(arg, signature.coerceTo[i] as DataType) : arg));
    return { kind: 'call', op: fn.name, args: coerced, type: signature.result };
  }

  private coercePair(left: PlanExpr, right: PlanExpr, span: Span, verb: string): [PlanExpr, PlanExpr] {
    const common = commonType(left.type, right.type);
    if (!common) this.fail('TYPE_MISMATCH', `cannot ${verb} ${formatType(left.type)} with ${formatType(right.type)}`, span);
    return [cast(left, common as DataType), cast(right, common as DataType)];
  }

  private requireBoolean(expr: PlanExpr, span: Span, context: string): void {
    if (expr.type.kind !== 'BOOLEAN' && expr.type.kind !== 'NULL') this.fail('TYPE_MISMATCH', `${context} expects a BOOLEAN, got ${formatType(expr.type)}`, span);
  }

  private fail(code: string, message: string, span: Span): never {
    this.diagnostics.error(code, message, span);
    throw new BindAbort();
  }
}

function comparison(op: string, left: PlanExpr, right: PlanExpr): PlanExpr {
  return { kind: 'call', op, args: [left, right], type: simple('BOOLEAN', left.type.nullable || right.type.nullable) };
}

/** Wraps in a cast when the kind or DECIMAL scale differs; a no-op cast only changes nullability. */
export function cast(expr: PlanExpr, to: DataType): PlanExpr {
  const target = withNullability(to, expr.type.nullable);
  if (expr.type.kind === target.kind && (target.kind !== 'DECIMAL' || (expr.type.kind === 'DECIMAL' && expr.type.scale === target.scale))) return expr;
  if (expr.type.kind === 'NULL') return { ...expr, type: withNullability(to, true) } as PlanExpr;
  return { kind: 'call', op: 'cast', args: [expr], type: target };
}
