/** The plural forms a counted message may give; `other` is always there, as Intl.PluralRules falls back to it. */
export type PluralForms = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/** A message catalog: nested sections whose leaves are texts or plural forms. */
export interface Catalog {
  readonly [key: string]: string | PluralForms | Catalog;
}

/** A catalog's shape with every text widened to `string`: what a translation must provide. */
export type Translation<T> = T extends string
  ? string
  : T extends { readonly other: string }
    ? PluralForms
    : { -readonly [K in keyof T]: Translation<T[K]> };

/** Every dotted path to a leaf of `T`: `jobs.list.title`. */
export type LeafPath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | { readonly other: string } ? `${Prefix}${K}` : LeafPath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The leaf of `T` at a dotted path. */
export type LeafAt<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? LeafAt<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : never;

/** The `{name}` placeholders of a literal text. */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a leaf needs: its placeholders, and `count` for plural forms. */
export type LeafParams<Leaf> = Leaf extends string
  ? Placeholders<Leaf>
  : Leaf extends { readonly other: string }
    ? 'count' | Placeholders<Leaf[keyof Leaf]>
    : never;
