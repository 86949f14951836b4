import { blankline, group, hardline, line, nest, softline, space, type Doc } from './doc';
import { isKeyword, type FormatToken } from './format-token';
import { spaceBetween, type SpacingOptions } from './token-spacing';
import { isKeywordNode, isOpNode, startsQuery, type GroupNode, type TreeNode } from './token-tree';

/** Lays out a query (for subqueries inside expressions); given by the query layout, which builds on this file. */
export type QueryLayout = (nodes: TreeNode[]) => Doc;

/** One item of a comma-separated list and the comma after it, if any. */
export interface ListItem {
  nodes: TreeNode[];
  comma?: FormatToken;
}

const CALLS: SpacingOptions = { calls: true };
const WINDOW_CLAUSES = ['PARTITION', 'ORDER', 'ROWS', 'RANGE'];

/** A run of nodes on one line as far as their groups allow, spaced as SQL is usually written. */
export function inline(nodes: TreeNode[], query: QueryLayout, options: SpacingOptions = CALLS): Doc {
  return nodes.map((node, index) => {
    const doc = nodeDoc(node, query);
    return index > 0 && spaceBetween(nodes[index - 1], node, nodes[index - 2], options) ? [space, doc] : doc;
  });
}

/** A token with its comments: leading ones on lines of their own, trailing ones after it. */
export function tokenDoc(token: FormatToken): Doc {
  return [leadingDoc(token), bareTokenDoc(token)];
}

/** The comments on lines of their own before a token, ending with the line break to it. */
export function leadingDoc(token: FormatToken): Doc {
  if (token.leading.length === 0) return [];
  return [...token.leading.map((comment) => [comment.blankBefore ? blankline : hardline, comment.text]), token.blankBefore ? blankline : hardline];
}

/** A token and its trailing comments, without the leading ones (for a clause that prints those first). */
export function bareTokenDoc(token: FormatToken): Doc {
  return [token.text, ...token.trailing.map((comment) => [space, comment.text, comment.isLine ? hardline : []])];
}

function nodeDoc(node: TreeNode, query: QueryLayout): Doc {
  if (node.kind === 'token') return tokenDoc(node.token);
  if (node.bracket === 'CASE') return caseDoc(node, query);
  if (node.bracket === '(' && startsQuery(node.children)) return blockDoc(node, query(node.children));
  if (node.bracket === '(' && isWindowSpec(node.children)) return windowSpecDoc(node, query);
  return listDoc(node, query);
}

/** A group with its content on indented lines of their own, between the brackets. */
export function blockDoc(node: GroupNode, content: Doc): Doc {
  return [tokenDoc(node.open), nest([hardline, content]), node.close ? [hardline, tokenDoc(node.close)] : []];
}

/** A bracketed, comma-separated list: on one line if it fits, else one item per line. */
export function listDoc(node: GroupNode, query: QueryLayout): Doc {
  if (node.children.length === 0) return [tokenDoc(node.open), node.close ? tokenDoc(node.close) : []];
  const items = splitAtCommas(node.children);
  return group([tokenDoc(node.open), nest([softline, commaList(items, line, query)]), node.close ? [softline, tokenDoc(node.close)] : []]);
}

/** A bracketed list that always has one item per line: a table's columns, its WITH options. */
export function brokenListDoc(node: GroupNode, query: QueryLayout): Doc {
  if (node.children.length === 0) return [tokenDoc(node.open), node.close ? tokenDoc(node.close) : []];
  return blockDoc(node, commaList(splitAtCommas(node.children), hardline, query));
}

/** Items each followed by their comma, with `separator` where a line may break. */
export function commaList(items: ListItem[], separator: Doc, query: QueryLayout, options: SpacingOptions = CALLS): Doc {
  return items.map((item, index) => [index > 0 ? separator : [], inline(item.nodes, query, options), item.comma ? tokenDoc(item.comma) : []]);
}

/** Splits nodes at their top-level commas. */
export function splitAtCommas(nodes: TreeNode[]): ListItem[] {
  const items: ListItem[] = [{ nodes: [] }];
  for (const node of nodes) {
    if (node.kind === 'token' && isOpNode(node, ',')) {
      items[items.length - 1].comma = node.token;
      items.push({ nodes: [] });
    } else items[items.length - 1].nodes.push(node);
  }
  if (items[items.length - 1].nodes.length === 0 && items.length > 1) items.pop();
  return items;
}

/** Splits nodes before each top-level node `starts` accepts; the first part may be empty. */
export function splitBefore(nodes: TreeNode[], starts: (node: TreeNode, index: number) => boolean): TreeNode[][] {
  const parts: TreeNode[][] = [[]];
  nodes.forEach((node, index) => {
    if (index > 0 && starts(node, index)) parts.push([]);
    parts[parts.length - 1].push(node);
  });
  return parts;
}

// CASE on one line if it fits, else each WHEN and ELSE on an indented line and END below CASE.
function caseDoc(node: GroupNode, query: QueryLayout): Doc {
  const nodes: TreeNode[] = [{ kind: 'token', token: node.open }, ...node.children];
  const [head, ...arms] = splitBefore(nodes, (child) => isKeywordNode(child, 'WHEN') || isKeywordNode(child, 'ELSE'));
  return group([inline(head, query), nest(arms.map((arm) => [line, inline(arm, query)])), node.close ? [line, tokenDoc(node.close)] : []]);
}

// An OVER (...) or WINDOW w AS (...) specification: PARTITION BY, ORDER BY and the frame each
// on a line of their own when it does not fit on one.
function windowSpecDoc(node: GroupNode, query: QueryLayout): Doc {
  const parts = splitBefore(node.children, (_, index) => isWindowClause(node.children, index));
  return group([tokenDoc(node.open), nest([softline, parts.map((part, index) => [index > 0 ? line : [], inline(part, query)])]), node.close ? [softline, tokenDoc(node.close)] : []]);
}

function isWindowSpec(nodes: TreeNode[]): boolean {
  return nodes.length > 0 && isWindowClause(nodes, 0);
}

function isWindowClause(nodes: TreeNode[], index: number): boolean {
  const node = nodes[index];
  if (node.kind !== 'token' || !WINDOW_CLAUSES.some((word) => isKeyword(node.token, word))) return false;
  return node.token.upper === 'ROWS' || node.token.upper === 'RANGE' || isKeywordNode(nodes[index + 1], 'BY');
}
