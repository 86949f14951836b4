import type { ConnectorProblem, ConnectorTable } from '../connector';
import { formatType } from '../../sql/data-type';
import { canGenerate, canSequence } from './field-generator';

export interface DatagenFieldSpec {
  kind: 'random' | 'sequence';
  min?: number;
  max?: number;
  length: number;
  start?: number;
  end?: number;
  maxPastMs: number;
  nullRate: number;
}

export interface DatagenSpec {
  rowsPerSecond: number;
  numberOfRows?: number;
  fields: DatagenFieldSpec[];
}

const FIELD_OPTION = /^fields\.(.+)\.(kind|min|max|length|start|end|max-past|null-rate|var-len)$/;
export const DATAGEN_FIELD_OPTION_PATTERN = FIELD_OPTION;

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a Flink duration ('5000', '5 s', '10min', '1d'); undefined when malformed. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = m[2].toLowerCase() || 'ms';
  return unit in DURATION_UNITS_MS ? Number(m[1]) * DURATION_UNITS_MS[unit] : undefined;
}

/** Reads and checks datagen options; problems name the option they are about. */
export function readDatagenSpec(table: ConnectorTable): { spec: DatagenSpec; problems: ConnectorProblem[] } {
  const problems: ConnectorProblem[] = [];
  const number = (key: string, integer: boolean): number | undefined => {
    const text = table.options[key];
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      problems.push({ code: 'OPTION_INVALID', message: `option '${key}' must be ${integer ? 'an integer' : 'a number'}, got '${text}'`, option: key });
      return undefined;
    }
    return value;
  };
  const rowsPerSecond = number('rows-per-second', true) ?? 10000;
  if (rowsPerSecond <= 0) problems.push({ code: 'OPTION_INVALID', message: "option 'rows-per-second' must be positive", option: 'rows-per-second' });
  const numberOfRows = number('number-of-rows', true);
  const names = new Set(table.fields.map((f) => f.name));
  for (const key of Object.keys(table.options)) {
    const m = FIELD_OPTION.exec(key);
    if (m && !names.has(m[1])) problems.push({ code: 'OPTION_INVALID', message: `option '${key}' refers to column '${m[1]}', which table '${table.table}' does not have`, option: key });
  }
  const fields = table.fields.map((field): DatagenFieldSpec => {
    const prefix = `fields.${field.name}.`;
    const kind = table.options[`${prefix}kind`] ?? 'random';
    if (kind !== 'random' && kind !== 'sequence') problems.push({ code: 'OPTION_INVALID', message: `option '${prefix}kind' must be 'random' or 'sequence', got '${kind}'`, option: `${prefix}kind` });
    if (!canGenerate(field.type)) problems.push({ code: 'OPTION_INVALID', message: `datagen cannot generate column '${field.name}' of type ${formatType(field.type)} yet` });
    const maxPastText = table.options[`${prefix}max-past`];
    const maxPastMs = maxPastText === undefined ? 0 : parseDurationMs(maxPastText);
    if (maxPastMs === undefined) problems.push({ code: 'OPTION_INVALID', message: `option '${prefix}max-past' must be a duration such as '10 s'`, option: `${prefix}max-past` });
    const spec: DatagenFieldSpec = {
      kind: kind === 'sequence' ? 'sequence' : 'random',
      min: number(`${prefix}min`, false),
      max: number(`${prefix}max`, false),
      length: number(`${prefix}length`, true) ?? 100,
      start: number(`${prefix}start`, true),
      end: number(`${prefix}end`, true),
      maxPastMs: maxPastMs ?? 0,
      nullRate: number(`${prefix}null-rate`, false) ?? 0,
    };
    if (spec.kind === 'sequence') {
      if (spec.start === undefined || spec.end === undefined) problems.push({ code: 'OPTION_MISSING', message: `a sequence needs both '${prefix}start' and '${prefix}end'`, option: `${prefix}kind` });
      else if (spec.start > spec.end) problems.push({ code: 'OPTION_INVALID', message: `'${prefix}start' (${spec.start}) is greater than '${prefix}end' (${spec.end})`, option: `${prefix}start` });
      if (!canSequence(field.type)) problems.push({ code: 'OPTION_INVALID', message: `datagen cannot generate a sequence of ${formatType(field.type)}`, option: `${prefix}kind` });
    } else if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      problems.push({ code: 'OPTION_INVALID', message: `'${prefix}min' (${spec.min}) is greater than '${prefix}max' (${spec.max})`, option: `${prefix}min` });
    }
    return spec;
  });
  return { spec: { rowsPerSecond, numberOfRows, fields }, problems };
}
