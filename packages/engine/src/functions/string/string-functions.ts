import type { ScalarFunction } from '../scalar-function';
import { ENCODING_FUNCTIONS } from './encoding-functions';
import { FORMAT_FUNCTIONS } from './format-functions';
import { REGEXP_FUNCTIONS } from './regexp-functions';
import { SPLIT_FUNCTIONS } from './split-functions';
import { TEXT_FUNCTIONS } from './text-functions';
import { TRIM_PAD_FUNCTIONS } from './trim-pad-functions';

/** All string functions. */
export const STRING_FUNCTIONS: ScalarFunction[] = [...TEXT_FUNCTIONS, ...TRIM_PAD_FUNCTIONS, ...REGEXP_FUNCTIONS, ...ENCODING_FUNCTIONS, ...SPLIT_FUNCTIONS, ...FORMAT_FUNCTIONS];
