import { group, hardline, line, nest, space, type Doc } from './doc';
import { isKeyword } from './format-token';
import { bareTokenDoc, commaList, inline, leadingDoc, splitAtCommas, splitBefore, type ListItem } from './inline-layout';
import { firstToken, isKeywordNode, isOpNode, startsQuery, type TreeNode } from './token-tree';

/** select: SELECT and its items; from: FROM and its tables; list: GROUP BY, ORDER BY, WINDOW, VALUES; condition: WHERE, HAVING. */
type ClauseKind = 'select' | 'from' | 'join' | 'on' | 'condition' | 'list' | 'plain';

interface Clause {
  kind: ClauseKind;
  head: TreeNode[];
  body: TreeNode[];
}

/**
 * Lays out a query clause by clause, each clause on a line of its own (ON indented under its
 * JOIN); SELECT, GROUP BY and ORDER BY lists and WHERE conditions stay on the clause's line while
 * they fit, else take one item (or one AND / OR) per line.
 */
export function queryDoc(nodes: TreeNode[]): Doc {
  if (isKeywordNode(nodes[0], 'WITH')) return withDoc(nodes);
  return clausesOf(nodes).map((clause, index) => {
    const doc = clauseDoc(clause);
    if (index === 0) return doc;
    return clause.kind === 'on' ? nest([hardline, doc]) : [hardline, doc];
  });
}

function clausesOf(nodes: TreeNode[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Clause = { kind: 'plain', head: [], body: [] };
  let inFrom = false;
  let index = 0;
  while (index < nodes.length) {
    const head = clauseHead(nodes, index, inFrom);
    // A parenthesized query as a term of UNION / EXCEPT / INTERSECT, or the whole query.
    const term = !head && current.body.length === 0 && (current.head.length === 0 || isSetOperator(current.head[0])) && startsQuery([nodes[index]]);
    if (head || term) {
      if (current.head.length + current.body.length > 0) clauses.push(current);
      const length = head?.length ?? 1;
      current = { kind: head?.kind ?? 'plain', head: nodes.slice(index, index + length), body: [] };
      inFrom = head?.kind === 'from' || head?.kind === 'join' || head?.kind === 'on';
      index += length;
    } else {
      current.body.push(nodes[index]);
      index++;
    }
  }
  if (current.head.length + current.body.length > 0) clauses.push(current);
  return clauses;
}

function clauseHead(nodes: TreeNode[], index: number, inFrom: boolean): { kind: ClauseKind; length: number } | undefined {
  const node = nodes[index];
  if (node.kind !== 'token' || !isKeyword(node.token)) return undefined;
  const next = nodes[index + 1];
  const modified = isKeywordNode(next, 'ALL') || isKeywordNode(next, 'DISTINCT') ? 2 : 1;
  switch (node.token.upper) {
    case 'SELECT':
      return { kind: 'select', length: modified };
    case 'FROM':
      // `a IS [NOT] DISTINCT FROM b` compares; it starts no clause.
      return isKeywordNode(nodes[index - 1], 'DISTINCT') && (isKeywordNode(nodes[index - 2], 'IS') || isKeywordNode(nodes[index - 2], 'NOT')) ? undefined : { kind: 'from', length: 1 };
    case 'WHERE':
    case 'HAVING':
      return { kind: 'condition', length: 1 };
    case 'GROUP':
    case 'ORDER':
      return isKeywordNode(next, 'BY') ? { kind: 'list', length: 2 } : undefined;
    case 'WINDOW':
    case 'VALUES':
      return { kind: 'list', length: 1 };
    case 'LIMIT':
    case 'OFFSET':
    case 'FETCH':
      return { kind: 'plain', length: 1 };
    case 'UNION':
    case 'EXCEPT':
    case 'INTERSECT':
      return { kind: 'plain', length: modified };
    case 'ON':
      return inFrom ? { kind: 'on', length: 1 } : undefined;
    default: {
      const length = inFrom ? joinLength(nodes, index) : 0;
      return length > 0 ? { kind: 'join', length } : undefined;
    }
  }
}

function isSetOperator(node: TreeNode): boolean {
  return ['UNION', 'EXCEPT', 'INTERSECT'].some((word) => isKeywordNode(node, word));
}

// The number of words of `[NATURAL] [INNER | CROSS | LEFT/RIGHT/FULL [OUTER]] JOIN` at index, or 0.
function joinLength(nodes: TreeNode[], index: number): number {
  let at = index;
  if (isKeywordNode(nodes[at], 'NATURAL')) at++;
  if (isKeywordNode(nodes[at], 'INNER') || isKeywordNode(nodes[at], 'CROSS')) at++;
  else if (['LEFT', 'RIGHT', 'FULL'].some((word) => isKeywordNode(nodes[at], word))) {
    at++;
    if (isKeywordNode(nodes[at], 'OUTER')) at++;
  }
  return isKeywordNode(nodes[at], 'JOIN') ? at - index + 1 : 0;
}

function clauseDoc(clause: Clause): Doc {
  // The comments above a clause print before its group, so they do not force its list to break.
  const lead = leadingDoc(firstToken(clause.head[0]));
  const head = headDoc(clause.head);
  const items = splitAtCommas(clause.body);
  switch (clause.kind) {
    case 'select':
    case 'list':
      return [lead, clause.body.length === 0 ? head : listed(head, items)];
    case 'from':
      return [lead, items.length > 1 ? listed(head, items) : [head, space, commaList(items, line, queryDoc)]];
    case 'on':
    case 'condition':
      return [lead, head, space, conditionDoc(clause.body)];
    default:
      return [lead, head, clause.body.length > 0 ? [space, inline(clause.body, queryDoc)] : []];
  }
}

// The clause's words with the first one's leading comments left out (the clause prints them).
function headDoc(head: TreeNode[]): Doc {
  const [first, ...rest] = head;
  if (first.kind === 'group') return inline(head, queryDoc);
  return [bareTokenDoc(first.token), rest.length > 0 ? [space, inline(rest, queryDoc)] : []];
}

function listed(head: Doc, items: ListItem[]): Doc {
  return group([head, nest([line, commaList(items, line, queryDoc)])]);
}

// A condition broken before each top-level AND / OR when it does not fit (never the AND of BETWEEN).
function conditionDoc(nodes: TreeNode[]): Doc {
  let inBetween = false;
  const parts = splitBefore(nodes, (node) => {
    if (isKeywordNode(node, 'BETWEEN')) inBetween = true;
    const and = isKeywordNode(node, 'AND');
    if (!and && !isKeywordNode(node, 'OR')) return false;
    if (and && inBetween) {
      inBetween = false;
      return false;
    }
    return true;
  });
  if (parts.length === 1) return inline(nodes, queryDoc);
  return group([inline(parts[0], queryDoc), nest(parts.slice(1).map((part) => [line, inline(part, queryDoc)]))]);
}

// WITH a AS (...), b AS (...) and the query: one CTE beside WITH, several each on its own line.
function withDoc(nodes: TreeNode[]): Doc {
  const ctes: ListItem[] = [];
  let item: TreeNode[] = [];
  let index = 1;
  while (index < nodes.length) {
    const node = nodes[index++];
    item.push(node);
    if (node.kind === 'group' && isKeywordNode(nodes[index - 2], 'AS') && startsQuery(node.children)) {
      const comma = nodes[index];
      const hasComma = comma?.kind === 'token' && isOpNode(comma, ',');
      ctes.push({ nodes: item, comma: hasComma ? comma.token : undefined });
      item = [];
      if (!hasComma) break;
      index++;
    }
  }
  if (ctes.length === 0) return inline(nodes, queryDoc);
  const body = [...item, ...nodes.slice(index)];
  const head = headDoc([nodes[0]]);
  const list = ctes.length > 1 ? listed(head, ctes) : [head, space, commaList(ctes, line, queryDoc)];
  return [leadingDoc(firstToken(nodes[0])), list, body.length > 0 ? [hardline, queryDoc(body)] : []];
}
