import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nexmarkQueryFiles, readNexmarkQueries } from '../../../test/sql/nexmark-queries';
import { valuesConnector } from '../../../test/sql/values-connector';
import { validateSql } from '../../compile';
import { builtinConnectors } from '../../connectors/connector-registry';
import { tokenize } from '../lexer';
import { formatSql } from './format-sql';

const GOLDEN_DIR = fileURLToPath(new URL('../../../test/sql/queries', import.meta.url));
const connectors = builtinConnectors().register(valuesConnector);

const scripts: [string, string][] = [
  ...nexmarkQueryFiles().map((file): [string, string] => [`nexmark ${file}`, readNexmarkQueries(file)]),
  ['nexmark job ddl_gen + ddl_views + q5', readNexmarkQueries('ddl_gen.sql', 'ddl_views.sql', 'q5.sql')],
  ...readdirSync(GOLDEN_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file): [string, string] => [`golden ${file}`, readFileSync(join(GOLDEN_DIR, file), 'utf8')]),
];

/** What the validator says, without positions: formatting moves them. */
function findings(sql: string) {
  return validateSql(sql, { connectors }).map(({ severity, code, message }) => ({ severity, code, message }));
}

/** Each token (words compared upper-cased) and the comments between tokens, with their whitespace squeezed. */
function tokensAndComments(sql: string): string[] {
  const lineStarts = [0, ...[...sql.matchAll(/\n/g)].map((match) => match.index + 1)];
  const offset = (line: number, column: number) => lineStarts[line - 1] + column - 1;
  let end = 0;
  return tokenize(sql).flatMap((token) => {
    const start = offset(token.span.line, token.span.column);
    const comments = sql.slice(end, start).replace(/\s+/g, ' ').trim();
    end = offset(token.span.endLine, token.span.endColumn);
    return [...(comments ? [`comments ${comments}`] : []), `${token.kind} ${token.kind === 'word' ? token.upper : token.text}`];
  });
}

describe('formatSql over the Nexmark queries and the golden scripts', () => {
  it('finds the scripts', () => {
    expect(scripts.length).toBeGreaterThan(80);
  });

  for (const [name, sql] of scripts) {
    describe(name, () => {
      const formatted = formatSql(sql);

      it('keeps what the validator reports', () => {
        expect(findings(formatted)).toEqual(findings(sql));
      });

      it('keeps every token and comment', () => {
        expect(tokensAndComments(formatted)).toEqual(tokensAndComments(sql));
      });

      it('is idempotent', () => {
        expect(formatSql(formatted)).toBe(formatted);
      });
    });
  }
});
