import type { InferredColumn } from '@weir/contracts';
import { quoteIdentifier } from './schema-inference';

/** What a proposed table is made of. */
export interface TableProposal {
  name: string;
  columns: readonly InferredColumn[];
  primaryKey: readonly string[];
  /** A TIMESTAMP column to declare a watermark on, when the sample has one. */
  eventTime?: string;
  options: Record<string, string>;
}

/** A name usable unquoted in SQL, from an object's name (`public.orders` → `orders`, `events.*` → `events`). */
export function tableNameFor(object: string): string {
  const last = object.split(/[./:]/).filter((part) => part && part !== '*' && part !== '>' && part !== '#').pop() ?? 'table';
  const cleaned = last.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `t_${cleaned}`;
}

/** The CREATE TABLE statement for a proposal, one column per line, in the style of Flink's docs. */
export function renderTableDdl(proposal: TableProposal): string {
  const lines = proposal.columns.map((c) => `  ${quoteIdentifier(c.name)} ${c.type}${proposal.primaryKey.includes(c.name) ? ' NOT NULL' : ''}`);
  if (proposal.eventTime) lines.push(`  WATERMARK FOR ${quoteIdentifier(proposal.eventTime)} AS ${quoteIdentifier(proposal.eventTime)} - INTERVAL '5' SECOND`);
  if (proposal.primaryKey.length > 0) lines.push(`  PRIMARY KEY (${proposal.primaryKey.map(quoteIdentifier).join(', ')}) NOT ENFORCED`);
  const options = Object.entries(proposal.options).map(([key, value]) => `  '${key}' = '${value.replace(/'/g, "''")}'`);
  return `CREATE TABLE ${proposal.name} (\n${lines.join(',\n')}\n) WITH (\n${options.join(',\n')}\n)`;
}
