import type { Expr } from './ast';
import type { Span } from './span';

/**
 * Rebuilds an expression bottom-up where `replace` returns a substitute; subqueries are left alone.
 * Walks the AST generically (any object with `kind` and `span` is an expression), so it keeps
 * working as expression kinds are added.
 */
export function rewriteExpr(expr: Expr, replace: (node: Expr) => Expr | undefined): Expr {
  return rewriteNode(expr, replace) as Expr;
}

function rewriteNode(node: unknown, replace: (node: Expr) => Expr | undefined): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteNode(item, replace));
  if (node === null || typeof node !== 'object') return node;
  if (isExpr(node)) {
    const substitute = replace(node);
    if (substitute) return substitute;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = key === 'span' || key === 'query' || key === 'over' ? value : rewriteNode(value, replace);
  return copy;
}

/** Calls `visit` on every expression node, outermost first; `visit` returning false skips the node's children. */
export function visitExpr(expr: Expr, visit: (node: Expr) => boolean): void {
  visitNode(expr, visit);
}

function visitNode(node: unknown, visit: (node: Expr) => boolean): void {
  if (Array.isArray(node)) {
    for (const item of node) visitNode(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (isExpr(node) && !visit(node)) return;
  for (const [key, value] of Object.entries(node)) if (key !== 'span' && key !== 'query' && key !== 'over') visitNode(value, visit);
}

function isExpr(node: object): node is Expr {
  return typeof (node as { kind?: unknown }).kind === 'string' && 'span' in node;
}

/** A reference to a column the binder itself made (aggregate results, group keys, window bounds). */
export function syntheticColumn(name: string, span: Span): Expr {
  return { kind: 'identifier', parts: [{ name, quoted: true, span }], span };
}
