import type { ScalarFunction } from '../scalar-function';
import { MATH_FUNCTIONS } from './math-functions';
import { NUMBER_FUNCTIONS } from './number-functions';
import { ROUNDING_FUNCTIONS } from './rounding-functions';

/** All numeric functions. */
export const NUMERIC_FUNCTIONS: ScalarFunction[] = [...MATH_FUNCTIONS, ...ROUNDING_FUNCTIONS, ...NUMBER_FUNCTIONS];
