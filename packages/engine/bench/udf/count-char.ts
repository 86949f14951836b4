/**
 * Nexmark's CountChar UDF (com.github.nexmark.flink.udf.CountChar) in TypeScript: how often a
 * character occurs in a string; NULL text counts 0, as the Java original does.
 */
export function countChar(text: string | null, char: string | null): number {
  if (text === null || char === null || char.length === 0) return 0;
  const c = char[0];
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === c) count++;
  return count;
}
countChar.resultType = 'BIGINT';

/** The CompileOptions.functions entry that lets Nexmark q14's CREATE FUNCTION resolve. */
export const NEXMARK_FUNCTIONS = { 'com.github.nexmark.flink.udf.CountChar': countChar };
