import type { Catalog, LeafAt, LeafParams, LeafPath, PluralForms } from './catalog-types';
import { LOCALE_TAGS, type Locale } from './locale';
import { catalogs, type EnMessages } from './messages';

export type MessageKey = LeafPath<EnMessages>;
export type ParamsOf<K extends MessageKey> = LeafParams<LeafAt<EnMessages, K>>;
/** The arguments after the key: none for a plain text, the values of its placeholders otherwise. */
export type ArgsOf<K extends MessageKey, V> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, V>];

/** Translates a key with its parameters; `count` picks the plural form. */
export type Translate = <K extends MessageKey>(key: K, ...args: ArgsOf<K, string | number>) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

function lookup(catalog: Catalog, key: string): string | PluralForms | undefined {
  let node: Catalog[string] | undefined = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || 'other' in node) return undefined;
    node = (node as Catalog)[part];
  }
  return node as string | PluralForms | undefined;
}

/** The text of `key` in `locale` before interpolation: the plural form `count` selects, English when missing. */
export function messageText(locale: Locale, key: string, count?: number): string {
  const leaf = lookup(catalogs[locale], key) ?? lookup(catalogs.en, key);
  if (leaf === undefined) return key;
  if (typeof leaf === 'string') return leaf;
  const form = count === undefined ? 'other' : new Intl.PluralRules(LOCALE_TAGS[locale]).select(count);
  return leaf[form] ?? leaf.other;
}

/** Replaces each `{name}` of `text` with its parameter; unknown names stay as written. */
export function interpolate(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Splits `text` at its placeholders: literal pieces and the names between them, in order. */
export function splitPlaceholders(text: string): { literal: string; name?: string }[] {
  const pieces: { literal: string; name?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    pieces.push({ literal: text.slice(last, match.index), name: match[1] });
    last = match.index + match[0].length;
  }
  pieces.push({ literal: text.slice(last) });
  return pieces;
}

/** A `Translate` bound to one locale. */
export function translator(locale: Locale): Translate {
  return (key, ...args) => {
    const params = args[0] as Record<string, string | number> | undefined;
    const count = params && typeof params.count === 'number' ? params.count : undefined;
    return interpolate(messageText(locale, key, count), params);
  };
}
