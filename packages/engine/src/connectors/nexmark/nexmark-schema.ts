import { formatType, type DataType } from '../../sql/data-type';
import type { PlanField } from '../../plan/plan-expr';
import type { ConnectorProblem } from '../connector';

type Kind = 'INT' | 'BIGINT' | 'VARCHAR' | 'TIMESTAMP';

const PERSON: [string, Kind][] = [
  ['id', 'BIGINT'], ['name', 'VARCHAR'], ['emailAddress', 'VARCHAR'], ['creditCard', 'VARCHAR'],
  ['city', 'VARCHAR'], ['state', 'VARCHAR'], ['dateTime', 'TIMESTAMP'], ['extra', 'VARCHAR'],
];
const AUCTION: [string, Kind][] = [
  ['id', 'BIGINT'], ['itemName', 'VARCHAR'], ['description', 'VARCHAR'], ['initialBid', 'BIGINT'], ['reserve', 'BIGINT'],
  ['dateTime', 'TIMESTAMP'], ['expires', 'TIMESTAMP'], ['seller', 'BIGINT'], ['category', 'BIGINT'], ['extra', 'VARCHAR'],
];
const BID: [string, Kind][] = [
  ['auction', 'BIGINT'], ['bidder', 'BIGINT'], ['price', 'BIGINT'], ['channel', 'VARCHAR'], ['url', 'VARCHAR'],
  ['dateTime', 'TIMESTAMP'], ['extra', 'VARCHAR'],
];

/** Field names of the nested rows, in DDL order (the order of the generated arrays). */
export const NEXMARK_ROW_FIELDS = {
  person: PERSON.map(([name]) => name),
  auction: AUCTION.map(([name]) => name),
  bid: BID.map(([name]) => name),
} as const;

/** Whether a declared type can carry the generated values of `kind` (wider strings and timestamps are fine). */
function accepts(type: DataType, kind: Kind): boolean {
  switch (kind) {
    case 'INT': return type.kind === 'INT' || type.kind === 'BIGINT';
    case 'BIGINT': return type.kind === 'BIGINT';
    case 'VARCHAR': return type.kind === 'VARCHAR';
    case 'TIMESTAMP': return type.kind === 'TIMESTAMP' && type.precision >= 3;
  }
}

function checkRow(column: PlanField, expected: [string, Kind][]): ConnectorProblem[] {
  const type = column.type;
  const shape = `ROW<${expected.map(([name, kind]) => `${name} ${kind === 'TIMESTAMP' ? 'TIMESTAMP(3)' : kind}`).join(', ')}>`;
  if (type.kind !== 'ROW') return [schemaProblem(`column '${column.name}' must be ${shape}, not ${formatType(type)}`)];
  if (type.fields.length !== expected.length) {
    return [schemaProblem(`column '${column.name}' must have ${expected.length} fields (${shape}), not ${type.fields.length}`)];
  }
  const problems: ConnectorProblem[] = [];
  type.fields.forEach((field, i) => {
    const [name, kind] = expected[i];
    if (field.name !== name) problems.push(schemaProblem(`field ${i + 1} of column '${column.name}' must be '${name}', not '${field.name}'`));
    else if (!accepts(field.type, kind)) problems.push(schemaProblem(`field '${column.name}.${name}' must be ${kind === 'TIMESTAMP' ? 'TIMESTAMP(3)' : kind}, not ${formatType(field.type)}`));
  });
  return problems;
}

function schemaProblem(message: string): ConnectorProblem {
  return { code: 'CONNECTOR_SCHEMA_MISMATCH', message: `the nexmark connector produces (event_type INT, person ROW, auction ROW, bid ROW): ${message}` };
}

/** Checks the physical columns against Nexmark's DDL: event_type INT, person/auction/bid ROWs. */
export function checkNexmarkSchema(fields: readonly PlanField[]): ConnectorProblem[] {
  const names = fields.map((f) => f.name);
  if (names.join(',') !== 'event_type,person,auction,bid') {
    return [schemaProblem(`the physical columns must be event_type, person, auction, bid in this order, not ${names.join(', ') || '(none)'}`)];
  }
  const problems: ConnectorProblem[] = [];
  if (!accepts(fields[0].type, 'INT')) problems.push(schemaProblem(`column 'event_type' must be INT, not ${formatType(fields[0].type)}`));
  problems.push(...checkRow(fields[1], PERSON), ...checkRow(fields[2], AUCTION), ...checkRow(fields[3], BID));
  return problems;
}
