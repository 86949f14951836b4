import { formatSql, SqlError } from '@weir/engine';
import { WeirError } from '@weir/contracts';

/** Formats a script with the engine's formatter; SQL that does not lex becomes SQL_INVALID naming where. */
export function formatScript(sql: string): string {
  try {
    return formatSql(sql);
  } catch (error) {
    if (!(error instanceof SqlError)) throw error;
    const first = error.diagnostics[0];
    const where = first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '';
    throw new WeirError('SQL_INVALID', `the SQL cannot be formatted${where}`, { details: { diagnostics: error.diagnostics }, cause: error });
  }
}
