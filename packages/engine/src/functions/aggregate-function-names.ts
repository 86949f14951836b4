/**
 * Aggregate functions Weir implements (COUNT, SUM, ...), filled by the aggregation operators as
 * they land; the function coverage report counts the catalogue's aggregate entries from this list.
 */
export const AGGREGATE_FUNCTION_NAMES: readonly string[] = [
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE', 'LISTAGG',
  'STDDEV_POP', 'STDDEV_SAMP', 'STDDEV', 'VAR_POP', 'VAR_SAMP', 'VARIANCE',
];
