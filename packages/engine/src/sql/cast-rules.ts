import { isNumeric, isString, isTimestamp, type DataType } from './data-type';

/** Whether CAST(from AS to) is allowed, following Flink's cast matrix for the types Weir represents. */
export function canCast(from: DataType, to: DataType): boolean {
  if (from.kind === 'NULL') return true;
  if (isString(to)) return true;
  if (isString(from)) return isNumeric(to) || to.kind === 'BOOLEAN' || to.kind === 'DATE' || to.kind === 'TIME' || isTimestamp(to) || to.kind === 'BYTES';
  if (isNumeric(from)) return isNumeric(to) || to.kind === 'BOOLEAN' || isTimestamp(to);
  if (from.kind === 'BOOLEAN') return to.kind === 'BOOLEAN' || isNumeric(to);
  if (isTimestamp(from)) return isTimestamp(to) || to.kind === 'DATE' || to.kind === 'TIME' || to.kind === 'BIGINT' || to.kind === 'INT';
  if (from.kind === 'DATE') return to.kind === 'DATE' || isTimestamp(to);
  if (from.kind === 'TIME') return to.kind === 'TIME';
  return from.kind === to.kind;
}
