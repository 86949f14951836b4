import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

/** One import found in a source file. */
export interface ImportEdge {
  from: string;
  specifier: string;
  /** `import type` / `export type`: erased by the compiler, so no edge at run time. */
  typeOnly: boolean;
  /** The file it resolves to, for relative imports. */
  to?: string;
}

const sourceExt = ['.ts', '.tsx', '.mts', '.js', '.mjs'];
const skipDirs = new Set(['node_modules', 'dist', '.next', 'generated', '.turbo']);
const importPattern = /(?:^|[\s;])(import|export)\s(type\s)?[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every source file below `dir`, skipping build output and dependencies. */
export function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (skipDirs.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (sourceExt.some((ext) => entry.endsWith(ext)) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The imports of a file, with relative ones resolved to files. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4] ?? match[5];
    if (!specifier) continue;
    const to = specifier.startsWith('.') ? resolveRelative(dirname(file), specifier) : undefined;
    edges.push({ from: file, specifier, typeOnly: match[2] !== undefined, ...(to ? { to } : {}) });
  }
  return edges;
}

/** Whether a specifier names a Node.js builtin module. */
export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
}

/** The package a bare specifier names (`@scope/name` or `name`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Cycles in a directed graph, each as the list of its nodes (Tarjan's strongly connected components). */
export function findCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component);
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

/** A path relative to the repository root, for messages. */
export function rel(root: string, path: string): string {
  return relative(root, path);
}

function resolveRelative(dir: string, specifier: string): string | undefined {
  const base = resolve(dir, specifier);
  const candidates = [base, ...sourceExt.map((ext) => base + ext), ...sourceExt.map((ext) => join(base, `index${ext}`))];
  const stripped = base.replace(/\.js$/, '');
  candidates.push(...sourceExt.map((ext) => stripped + ext));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}
