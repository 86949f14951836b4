import { SqlError } from '../../errors';
import { tokenize } from '../lexer';
import { renderDoc } from './doc';
import { formatTokens } from './format-tokens';
import { scriptDoc } from './statement-layout';
import { statementsOf } from './token-tree';
import { wordRoles } from './word-roles';

/** Lines are kept within this many columns where a break is allowed. */
const WIDTH = 80;

/**
 * Formats a Flink SQL script: keywords and type names upper-cased, one clause per line, long
 * lists one item per line, statements separated by a blank line. Every token and comment is
 * kept, so the script means what it meant, and formatting the result again changes nothing.
 * SQL the lexer cannot read (an unterminated string, quoted name or comment, a stray character)
 * is refused with a SqlError carrying each problem's line and column: any layout of it would
 * have to guess where the unreadable part ends.
 */
export function formatSql(sql: string): string {
  const tokens = tokenize(sql);
  const unreadable = tokens.filter((token) => token.kind === 'error');
  if (unreadable.length > 0) {
    throw new SqlError(unreadable.map((token) => ({ severity: 'error', code: 'SQL_SYNTAX', message: token.text, ...token.span })));
  }
  const { tokens: printable, endComments } = formatTokens(sql, tokens, wordRoles(tokens));
  return renderDoc(scriptDoc(statementsOf(printable), endComments), WIDTH);
}
