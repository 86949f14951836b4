import { AGGREGATE_FUNCTION_NAMES } from '../../functions/aggregate-function-names';
import { findScalarFunction, scalarFunctionNames } from '../../functions/builtin-scalar-functions';
import { FLINK_FUNCTION_DOCS } from './flink-function-docs';

/** How a function is called. */
export type FunctionKind = 'scalar' | 'aggregate' | 'window' | 'table';

/** A built-in function as the editor offers it: signatures in Flink's notation and a one-line doc. */
export interface FunctionReference {
  name: string;
  kind: FunctionKind;
  category: string;
  signatures: string[];
  doc: string;
}

// Ranking functions of OVER windows; the engine plans them as Top-N and deduplication.
const RANK_FUNCTIONS = ['ROW_NUMBER', 'RANK', 'DENSE_RANK'];

// Window table functions and the legacy group-window helpers; Flink documents them outside its function catalogue.
const WINDOW_TABLE_FUNCTIONS: FunctionReference[] = [
  { name: 'TUMBLE', kind: 'table', category: 'window', signatures: ['TUMBLE(TABLE data, DESCRIPTOR(timecol), size [, offset])'], doc: 'Assigns each row to one fixed-size, non-overlapping window; adds window_start, window_end and window_time.' },
  { name: 'HOP', kind: 'table', category: 'window', signatures: ['HOP(TABLE data, DESCRIPTOR(timecol), slide, size [, offset])'], doc: 'Assigns each row to the fixed-size windows that overlap it, one starting every slide.' },
  { name: 'CUMULATE', kind: 'table', category: 'window', signatures: ['CUMULATE(TABLE data, DESCRIPTOR(timecol), step, size)'], doc: 'Assigns each row to windows that start together and grow by step up to size.' },
  { name: 'SESSION', kind: 'table', category: 'window', signatures: ['SESSION(TABLE data [PARTITION BY keycols], DESCRIPTOR(timecol), gap)'], doc: 'Groups rows into sessions that close after gap without a row.' },
];

// Names the registry holds for syntax that is not called by name (ARRAY[...], MAP[...], a[i], OVERLAPS).
const SYNTAX_NAMES = new Set(['ARRAY', 'MAP', 'ITEM', 'OVERLAPS']);

// Weir's names that Flink documents only under another form.
const EXTRA_DOCS: Readonly<Record<string, { category: string; signatures: string[]; doc: string }>> = {
  MOD: { category: 'arithmetic', signatures: ['MOD(numeric1, numeric2)'], doc: 'Returns the remainder of numeric1 divided by numeric2.' },
  STDDEV: { category: 'aggregate', signatures: ['STDDEV([ ALL | DISTINCT ] expression)'], doc: 'Returns the sample standard deviation of expression across all input rows (STDDEV_SAMP).' },
};

/** The built-in functions the engine implements, each once, with Flink's documentation where it has some. */
export function functionReference(): FunctionReference[] {
  const out = new Map<string, FunctionReference>();
  const add = (name: string, kind: FunctionKind) => {
    if (out.has(name)) return;
    if (SYNTAX_NAMES.has(name)) return;
    const doc = FLINK_FUNCTION_DOCS[name] ?? EXTRA_DOCS[name];
    out.set(name, { name, kind, category: doc?.category ?? (kind === 'scalar' ? 'other' : kind), signatures: doc?.signatures ?? [`${name}(...)`], doc: doc?.doc ?? '' });
  };
  for (const name of AGGREGATE_FUNCTION_NAMES) add(name, 'aggregate');
  for (const name of RANK_FUNCTIONS) add(name, 'window');
  for (const name of scalarFunctionNames()) if (findScalarFunction(name)) add(name, 'scalar');
  for (const fn of WINDOW_TABLE_FUNCTIONS) out.set(fn.name, fn);
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
