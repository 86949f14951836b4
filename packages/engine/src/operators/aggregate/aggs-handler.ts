import { aggregateCode } from '../../functions/aggregate/aggregate-code';
import { aggregateHelpers } from '../../functions/aggregate/aggregate-helpers';
import type { AggregateCall } from '../../plan/logical-plan';
import type { Row } from '../../runtime/row';

/** An accumulator: slot 0 counts the rows folded in, then each aggregate's slots, then distinct maps. */
export type Accumulator = unknown[];

/** Generated accumulator functions for a list of aggregate calls (Flink's generated AggsHandleFunction). */
export interface AggsHandler {
  create(): Accumulator;
  accumulate(acc: Accumulator, row: Row): void;
  retract(acc: Accumulator, row: Row): void;
  /** Folds `other` into `acc` (session window merges, two-phase aggregation). */
  merge(acc: Accumulator, other: Accumulator): void;
  /** Writes the aggregate results into `out` from position `offset`. */
  values(acc: Accumulator, out: Row, offset: number): void;
}

/**
 * Generates the accumulate/retract/merge/getValue code of all aggregates of one operator as straight
 * JavaScript over a flat accumulator array. FILTER (WHERE ...) reads a boolean input column;
 * DISTINCT aggregates over the same argument share one map from value to a count per aggregate,
 * and feed their inner aggregate only when a value enters or leaves the set.
 */
export function compileAggsHandler(aggs: AggregateCall[], retractable: boolean): AggsHandler {
  const init: string[] = ['0'];
  const accumulate: string[] = ['a[0]++;'];
  const retract: string[] = ['a[0]--;'];
  const merge: string[] = ['a[0] += o[0];'];
  const values: string[] = [];
  const distinctSlots = new Map<string, { slot: number; members: number[]; bits: boolean }>();
  const codes = aggs.map((call) => aggregateCode(call, retractable));
  const bases: number[] = [];
  for (const code of codes) {
    bases.push(init.length);
    init.push(...code.init);
  }
  aggs.forEach((call, i) => {
    if (!call.distinct) return;
    const key = call.args.join(',');
    let group = distinctSlots.get(key);
    if (!group) {
      group = { slot: -1, members: [], bits: false };
      distinctSlots.set(key, group);
    }
    group.members.push(i);
  });
  for (const group of distinctSlots.values()) {
    group.bits = !retractable && group.members.length <= 30;
    group.slot = init.length;
    init.push('new Map()');
  }
  aggs.forEach((call, i) => {
    const code = codes[i];
    const b = bases[i];
    const v = call.args.map((index) => `row[${index}]`);
    const guards = [...v.slice(0, 1).map((x) => `${x} !== null`), ...(call.filter === null ? [] : [`row[${call.filter}] === true`])];
    const when = (body: string): string => (guards.length === 0 ? `{ ${body} }` : `if (${guards.join(' && ')}) { ${body} }`);
    values.push(`out[offset + ${i}] = ${code.value('a', b)};`);
    if (!call.distinct) {
      accumulate.push(when(code.accumulate('a', b, v)));
      retract.push(when(code.retract('a', b, v)));
      merge.push(code.merge('a', 'o', b));
      return;
    }
    const group = distinctSlots.get(call.args.join(',')) as { slot: number; members: number[]; bits: boolean };
    const p = group.members.indexOf(i);
    const n = group.members.length;
    const dv = v.length === 1 ? v[0] : `JSON.stringify([${v.join(', ')}])`;
    if (group.bits) {
      // Without retractions a value only needs a seen-bit per aggregate (Flink keeps a bitmask too).
      const bit = 2 ** p;
      accumulate.push(when(`const m = a[${group.slot}]; const dk = ${dv}; const seen = m.get(dk) ?? 0; if ((seen & ${bit}) === 0) { m.set(dk, seen | ${bit}); ${code.accumulate('a', b, v)} }`));
      return;
    }
    accumulate.push(when(`const m = a[${group.slot}]; const dk = ${dv}; let c = m.get(dk); if (c === undefined) { c = new Array(${n}).fill(0); m.set(dk, c); } if (c[${p}]++ === 0) { ${code.accumulate('a', b, v)} }`));
    retract.push(when(`const m = a[${group.slot}]; const dk = ${dv}; const c = m.get(dk); if (c !== undefined && c[${p}] > 0 && --c[${p}] === 0) { ${code.retract('a', b, v)} if (c.every((x) => x === 0)) m.delete(dk); }`));
  });
  for (const group of distinctSlots.values()) {
    // Merging distinct sets re-feeds the inner aggregates with the values new to this accumulator.
    const valueOf = (i: number): string[] => (aggs[i].args.length === 1 ? ['dk'] : aggs[i].args.map((_, j) => `JSON.parse(dk)[${j}]`));
    if (group.bits) {
      const inner = group.members.map((i, p) => `if ((oc & ${2 ** p}) !== 0 && (c & ${2 ** p}) === 0) { ${codes[i].accumulate('a', bases[i], valueOf(i))} }`);
      merge.push(`for (const [dk, oc] of o[${group.slot}]) { const c = a[${group.slot}].get(dk) ?? 0; ${inner.join(' ')} a[${group.slot}].set(dk, c | oc); }`);
      continue;
    }
    const inner = group.members.map((i, p) => `if (oc[${p}] > 0) { if (c[${p}] === 0) { ${codes[i].accumulate('a', bases[i], valueOf(i))} } c[${p}] += oc[${p}]; }`);
    merge.push(`for (const [dk, oc] of o[${group.slot}]) { let c = a[${group.slot}].get(dk); if (c === undefined) { c = new Array(${group.members.length}).fill(0); a[${group.slot}].set(dk, c); } ${inner.join(' ')} }`);
  }
  const source = `return {
  create() { return [${init.join(', ')}]; },
  accumulate(a, row) { ${accumulate.join('\n')} },
  retract(a, row) { ${retract.join('\n')} },
  merge(a, o) { ${merge.join('\n')} },
  values(a, out, offset) { ${values.join('\n')} },
};`;
  return (new Function('g', source) as (g: typeof aggregateHelpers) => AggsHandler)(aggregateHelpers);
}
