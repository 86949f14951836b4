import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importsOf, isBuiltin, packageOf, rel, sourceFiles } from './import-graph';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workspaces = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
);
const packageName = (dir: string): string => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;

/** Test tooling the engine may use beside its own code and Node builtins. */
const engineMayImport = new Set(['vitest', 'tsx']);

describe('architecture', () => {
  it('keeps packages/engine free of the platform: only its own files, Node builtins and test tooling', () => {
    const engine = join(root, 'packages/engine');
    const offending = sourceFiles(engine)
      .flatMap(importsOf)
      .filter((e) => !e.specifier.startsWith('.') && !isBuiltin(e.specifier) && !engineMayImport.has(packageOf(e.specifier)))
      .map((e) => `${rel(root, e.from)} imports '${e.specifier}'`);
    expect(offending).toEqual([]);
  });

  it('lets packages depend on no app', () => {
    const apps = new Set(workspaces.filter((w) => w.includes('/apps/')).map(packageName));
    const offending = workspaces
      .filter((w) => w.includes('/packages/'))
      .flatMap((w) => sourceFiles(w).flatMap(importsOf))
      .filter((e) => apps.has(packageOf(e.specifier)))
      .map((e) => `${rel(root, e.from)} imports app '${e.specifier}'`);
    expect(offending).toEqual([]);
  });

  // Type-only imports are erased when compiled, so they cannot form a cycle at run time.
  it('has no import cycle between files or between workspace packages', () => {
    const names = new Map(workspaces.map((w) => [packageName(w), w]));
    const fileGraph = new Map<string, Set<string>>();
    const packageGraph = new Map<string, Set<string>>();
    for (const dir of workspaces) {
      const name = packageName(dir);
      packageGraph.set(name, new Set());
      for (const file of sourceFiles(dir)) {
        const edges = importsOf(file);
        fileGraph.set(file, new Set(edges.flatMap((e) => (e.to && !e.typeOnly ? [e.to] : []))));
        for (const e of edges) {
          const target = packageOf(e.specifier);
          if (names.has(target) && target !== name) packageGraph.get(name)!.add(target);
        }
      }
    }
    const cycles = [...findCycles(fileGraph).map((c) => c.map((f) => rel(root, f)).join(' -> ')), ...findCycles(packageGraph).map((c) => c.join(' -> '))];
    expect(cycles).toEqual([]);
  });

  it('tells type-only imports from value imports', () => {
    const edges = importsOf(fileURLToPath(new URL('./fixtures/imports.ts', import.meta.url)));
    expect(edges.map((e) => [e.specifier, e.typeOnly])).toEqual([
      ['node:path', false],
      ['../import-graph', true],
      ['../import-graph', false],
    ]);
  });

  it('detects a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(findCycles(graph).map((c) => [...c].sort())).toEqual([['a', 'b', 'c']]);
  });
});
