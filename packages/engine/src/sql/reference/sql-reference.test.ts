import { describe, expect, it } from 'vitest';
import { builtinConnectors } from '../../connectors/connector-registry';
import { sqlReference } from './sql-reference';

describe('sqlReference', () => {
  const reference = sqlReference(builtinConnectors());

  it('documents every function the engine runs, with Flink signatures, and offers no syntax as a function', () => {
    const byName = new Map(reference.functions.map((f) => [f.name, f]));
    expect(byName.get('SUBSTRING')).toMatchObject({ kind: 'scalar', category: 'string', signatures: ['SUBSTRING(string FROM integer1 [ FOR integer2 ])'] });
    expect(byName.get('COUNT')?.kind).toBe('aggregate');
    expect(byName.get('ROW_NUMBER')?.kind).toBe('window');
    expect(byName.get('TUMBLE')).toMatchObject({ kind: 'table', category: 'window' });
    expect(byName.get('TO_TIMESTAMP')?.doc).toBe("Converts date time string string1 with format string2 (by default: 'yyyy-MM-dd HH:mm:ss') to a timestamp, without time zone.");
    expect(reference.functions.filter((f) => f.doc === '').map((f) => f.name)).toEqual([]);
    expect(byName.has('ITEM')).toBe(false);
    expect(byName.has('CASE')).toBe(false);
  });

  it('lists each connector with its roles, required options first, values of fixed-set options and option families', () => {
    const filesystem = reference.connectors.find((c) => c.name === 'filesystem');
    expect(filesystem?.roles).toEqual(['source', 'sink', 'lookup']);
    expect(filesystem?.options.slice(0, 2)).toEqual([{ key: 'path', required: true }, { key: 'format', required: true, values: ['csv', 'json'] }]);
    expect(filesystem?.options.find((o) => o.key === 'lookup.cache')?.values).toEqual(['NONE', 'PARTIAL', 'FULL']);
    const datagen = reference.connectors.find((c) => c.name === 'datagen');
    expect(datagen?.optionPatterns).toContain('fields.#.kind');
    expect(reference.connectors.map((c) => c.name)).toEqual(['blackhole', 'datagen', 'filesystem', 'nexmark', 'print']);
  });

  it('offers the SET keys the engine reads, with values where they are a fixed set', () => {
    const mode = reference.sessionOptions.find((o) => o.key === 'execution.checkpointing.mode');
    expect(mode?.values).toEqual(['EXACTLY_ONCE', 'AT_LEAST_ONCE']);
    expect(reference.sessionOptions.map((o) => o.key)).toContain('table.exec.state.ttl');
  });
});
