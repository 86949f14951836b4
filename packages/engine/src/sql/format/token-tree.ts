import { isKeyword, isOp, type FormatToken } from './format-token';

/** A bracketed run of tokens: parentheses, an index, a type's angle brackets, or CASE ... END. */
export interface GroupNode {
  kind: 'group';
  bracket: '(' | '[' | '<' | 'CASE';
  open: FormatToken;
  children: TreeNode[];
  /** Missing when the script ends (or its statement does) before the group closes. */
  close?: FormatToken;
}

export interface TokenNode {
  kind: 'token';
  token: FormatToken;
}

export type TreeNode = TokenNode | GroupNode;

const CLOSERS: Record<GroupNode['bracket'], string> = { '(': ')', '[': ']', '<': '>', CASE: 'END' };
const ANGLE_TYPES = new Set(['ROW', 'ARRAY', 'MAP', 'MULTISET']);

/**
 * Nests the tokens of a script by their brackets and splits it into statements, each ending
 * with its ';' when it has one. A ';' closes every group still open: brackets never span
 * statements, so an unbalanced one stays inside its own statement.
 */
export function statementsOf(tokens: FormatToken[]): TreeNode[][] {
  const statements: TreeNode[][] = [];
  let statement: TreeNode[] = [];
  const open: GroupNode[] = [];
  tokens.forEach((token, index) => {
    const siblings = open.at(-1)?.children ?? statement;
    if (isOp(token, ';')) {
      open.length = 0;
      statement.push({ kind: 'token', token });
      statements.push(statement);
      statement = [];
      return;
    }
    const bracket = openerOf(token, tokens[index - 1]);
    if (bracket) {
      const group: GroupNode = { kind: 'group', bracket, open: token, children: [] };
      siblings.push(group);
      open.push(group);
      return;
    }
    const closed = closedBy(open, token);
    if (closed >= 0) {
      open[closed].close = token;
      open.length = closed;
      return;
    }
    siblings.push({ kind: 'token', token });
  });
  if (statement.length > 0) statements.push(statement);
  return statements;
}

function openerOf(token: FormatToken, previous: FormatToken | undefined): GroupNode['bracket'] | undefined {
  if (isOp(token, '(') || isOp(token, '[')) return token.text as '(' | '[';
  // `<` opens a type's parameters only right after ROW, ARRAY, MAP or MULTISET; elsewhere it compares.
  if (isOp(token, '<') && previous?.kind === 'word' && previous.role !== 'name' && ANGLE_TYPES.has(previous.upper)) return '<';
  return isKeyword(token, 'CASE') ? 'CASE' : undefined;
}

// The index of the open group `token` closes, or -1. A parenthesis also closes whatever opened
// inside it and was left unclosed; `>` and END close only the innermost group.
function closedBy(open: GroupNode[], token: FormatToken): number {
  const innermost = open.length - 1;
  if (innermost < 0) return -1;
  if (isOp(token, ')') || isOp(token, ']')) {
    for (let index = innermost; index >= 0; index--) if (CLOSERS[open[index].bracket] === token.text) return index;
    return -1;
  }
  const bracket = open[innermost].bracket;
  if ((bracket === '<' && isOp(token, '>')) || (bracket === 'CASE' && isKeyword(token, 'END'))) return innermost;
  return -1;
}

/** The first token of a node. */
export function firstToken(node: TreeNode): FormatToken {
  return node.kind === 'token' ? node.token : node.open;
}

/** The last token of a node. */
export function lastToken(node: TreeNode): FormatToken {
  if (node.kind === 'token') return node.token;
  return node.close ?? (node.children.length > 0 ? lastToken(node.children[node.children.length - 1]) : node.open);
}

/** True when the node is the keyword `word`. */
export function isKeywordNode(node: TreeNode | undefined, word: string): boolean {
  return node?.kind === 'token' && isKeyword(node.token, word);
}

/** True when the node is the operator or punctuation `op`. */
export function isOpNode(node: TreeNode | undefined, op: string): boolean {
  return node?.kind === 'token' && isOp(node.token, op);
}

/** True when the nodes start a query: SELECT, WITH or VALUES, possibly inside parentheses. */
export function startsQuery(nodes: TreeNode[]): boolean {
  const first = nodes[0];
  if (first?.kind === 'group') return first.bracket === '(' && startsQuery(first.children);
  return isKeywordNode(first, 'SELECT') || isKeywordNode(first, 'WITH') || isKeywordNode(first, 'VALUES');
}
