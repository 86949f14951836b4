import { COLLECTION_FUNCTIONS } from './collection/collection-functions';
import { CONDITIONAL_FUNCTIONS } from './conditional/conditional-functions';
import { CONVERSION_FUNCTIONS } from './conversion/conversion-functions';
import { HASH_FUNCTIONS } from './hash/hash-functions';
import { JSON_FUNCTIONS } from './json/json-functions';
import { NUMERIC_FUNCTIONS } from './numeric/numeric-functions';
import type { ScalarFunction } from './scalar-function';
import { STRING_FUNCTIONS } from './string/string-functions';
import { TEXT_ALIASES } from './string/text-functions';
import { TEMPORAL_ALIASES, TEMPORAL_FUNCTIONS } from './temporal/temporal-functions';
import { findUserScalarFunction, UDF_OP_PREFIX } from './udf/user-function-registry';
import { CONSTRUCTOR_FUNCTIONS } from './value-construction/constructor-functions';
import { STRUCTURED_FUNCTIONS } from './value-construction/structured-functions';

const FUNCTIONS: ScalarFunction[] = [
  ...STRING_FUNCTIONS, ...NUMERIC_FUNCTIONS, ...TEMPORAL_FUNCTIONS, ...CONDITIONAL_FUNCTIONS, ...COLLECTION_FUNCTIONS,
  ...CONSTRUCTOR_FUNCTIONS, ...STRUCTURED_FUNCTIONS, ...JSON_FUNCTIONS, ...HASH_FUNCTIONS, ...CONVERSION_FUNCTIONS,
];

const ALIASES: Record<string, string> = { ...TEXT_ALIASES, ...TEMPORAL_ALIASES, CEILING: 'CEIL' };

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));
for (const [alias, target] of Object.entries(ALIASES)) BY_NAME.set(alias, BY_NAME.get(target) as ScalarFunction);

/**
 * The scalar function with this (case-insensitive) name, if Weir implements it. Plan operators of
 * user functions (`UDF:<key>`) resolve through the user function registry.
 */
export function findScalarFunction(name: string): ScalarFunction | undefined {
  if (name.startsWith(UDF_OP_PREFIX)) return findUserScalarFunction(name);
  return BY_NAME.get(name.toUpperCase());
}

/** Names of implemented scalar functions, for suggestions. */
export function scalarFunctionNames(): string[] {
  return [...BY_NAME.keys()].filter((name) => /^[A-Z_0-9]+$/.test(name));
}
