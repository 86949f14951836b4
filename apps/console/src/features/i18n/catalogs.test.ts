import { describe, expect, it } from 'vitest';
import { en, zh } from './messages';

type Node = string | { [key: string]: Node };

/** Every leaf as `path → texts`: one text, or each plural form of a counted message. */
function leaves(node: Node, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof node === 'string') return out.set(prefix, [node]);
  if ('other' in node && typeof node.other === 'string') return out.set(prefix, Object.values(node) as string[]);
  for (const [key, child] of Object.entries(node)) for (const [path, texts] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, texts);
  return out;
}

const placeholders = (texts: string[]) => [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

const english = leaves(en as unknown as Node);
const chinese = leaves(zh as unknown as Node);

describe('the catalogs', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same {placeholders} per key, so no value goes missing in either language', () => {
    const differing = [...english].filter(([key, texts]) => JSON.stringify(placeholders(texts)) !== JSON.stringify(placeholders(chinese.get(key) ?? [])));
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('leave no Chinese text empty', () => {
    expect([...chinese].filter(([, texts]) => texts.some((text) => text.trim() === '')).map(([key]) => key)).toEqual([]);
  });
});
