import { describe, expect, it } from 'vitest';
import type { PlanExpr } from '../plan/plan-expr';
import type { DataType } from '../sql/data-type';
import { compileCalc } from './compile-calc';

const str: DataType = { kind: 'VARCHAR', length: 2147483647, nullable: true };
const bool: DataType = { kind: 'BOOLEAN', nullable: true };
const int: DataType = { kind: 'INT', nullable: true };
const channel: PlanExpr = { kind: 'input', index: 0, type: str };
const lower: PlanExpr = { kind: 'call', op: 'LOWER', args: [channel], type: str };
const lit = (value: string | number, type: DataType = str): PlanExpr => ({ kind: 'literal', value, type });
const eq = (a: PlanExpr, b: PlanExpr): PlanExpr => ({ kind: 'call', op: 'eq', args: [a, b], type: bool });

describe('compileCalc', () => {
  it('computes a repeated subexpression once and reuses it where its block encloses the use', () => {
    const caseExpr: PlanExpr = { kind: 'call', op: 'case', args: [eq(lower, lit('apple')), lit('0'), eq(lower, lit('google')), lit('1'), lower], type: str };
    const filter: PlanExpr = { kind: 'call', op: 'or', args: [{ kind: 'call', op: 'is_null', args: [channel], type: bool }, { kind: 'call', op: 'in', args: [lower, lit('apple'), lit('google'), lit('kent')], type: bool }], type: bool };
    const calc = compileCalc({ projection: [caseExpr, lower], filter, fields: [] });
    expect(calc([['Apple'], ['GOOGLE'], ['Kent'], ['Paris'], [null]])).toEqual([['0', 'apple'], ['1', 'google'], ['kent', 'kent'], [null, null]]);
    expect(calc.toString().match(/toLowerCase/g)).toHaveLength(2);
  });

  it('does not use a value computed only inside a lazy branch outside it', () => {
    const x: PlanExpr = { kind: 'input', index: 0, type: int };
    const plusOne: PlanExpr = { kind: 'call', op: 'plus', args: [x, lit(1, int)], type: int };
    const positive: PlanExpr = { kind: 'call', op: 'gt', args: [x, lit(0, int)], type: bool };
    const caseExpr: PlanExpr = { kind: 'call', op: 'case', args: [positive, plusOne, lit(0, int)], type: int };
    const calc = compileCalc({ projection: [caseExpr, plusOne], filter: null, fields: [] });
    expect(calc([[5], [-5]])).toEqual([[6, 6], [0, -4]]);
  });
});
