import { tokenize } from '../lexer';
import { isOp, type FormatToken } from './format-token';
import { firstToken, lastToken, type TreeNode } from './token-tree';

/** Keywords written like functions, with their parenthesis right after them: CAST(x AS INT), TABLE(...). */
const CALL_KEYWORDS = new Set(['CAST', 'TRY_CAST', 'ROW', 'ARRAY', 'MAP', 'MULTISET', 'TABLE', 'UNNEST', 'LEFT', 'RIGHT', 'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);
/** Keywords that are values, so a sign after them is binary: `NULL - 1`. */
const VALUE_KEYWORDS = new Set(['NULL', 'TRUE', 'FALSE', 'UNKNOWN']);
const NO_SPACE_BEFORE = new Set([',', ';', '.', ')', ']']);

/** Spacing choices of one run of nodes. */
export interface SpacingOptions {
  /** Whether a name directly before `(` is called (`count(*)`), not a table with a column list. */
  calls: boolean;
}

/** Whether a space separates `next` from the node before it. */
export function spaceBetween(previous: TreeNode, next: TreeNode, beforePrevious: TreeNode | undefined, options: SpacingOptions): boolean {
  const a = lastToken(previous);
  const b = firstToken(next);
  return !(tight(previous, next, beforePrevious, options) && canJoin(a, b));
}

function tight(previous: TreeNode, next: TreeNode, beforePrevious: TreeNode | undefined, options: SpacingOptions): boolean {
  const a = lastToken(previous);
  const b = firstToken(next);
  if (next.kind === 'token' && b.kind === 'op' && NO_SPACE_BEFORE.has(b.text)) return true;
  if (isOp(a, '.') && previous.kind === 'token') return true;
  if (next.kind === 'group') {
    if (next.bracket === '<') return true;
    if (next.bracket === '[') return previous.kind === 'group' || a.kind === 'word' || a.kind === 'quoted';
    if (next.bracket === '(') return options.calls && previous.kind === 'token' && isCallee(a);
  }
  return isSign(previous) && !followsOperand(beforePrevious);
}

function isCallee(token: FormatToken): boolean {
  if (token.kind === 'quoted') return true;
  if (token.kind !== 'word') return false;
  return token.role === 'name' || token.role === 'type' || CALL_KEYWORDS.has(token.upper);
}

function isSign(node: TreeNode): boolean {
  return node.kind === 'token' && (isOp(node.token, '-') || isOp(node.token, '+'));
}

// Whether the node before a sign ends an operand, making the sign binary (`a - b`, not `= -b`).
function followsOperand(node: TreeNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'group') return true;
  const token = node.token;
  if (token.kind === 'op') return false;
  return !(token.kind === 'word' && token.role === 'keyword' && !VALUE_KEYWORDS.has(token.upper));
}

// Printing two tokens without a space must not make them lex differently: `-` `-` would start a
// comment, `1` `.` would read as the number `1.`.
function canJoin(a: FormatToken, b: FormatToken): boolean {
  const joined = tokenize(a.source + b.source);
  const [first, second] = [tokenize(a.source)[0], tokenize(b.source)[0]];
  return joined.length === 3 && joined[0].kind === first.kind && joined[0].text === first.text && joined[1].kind === second.kind && joined[1].text === second.text;
}
