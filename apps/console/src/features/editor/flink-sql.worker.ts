import 'monaco-sql-languages/esm/languages/flink/flink.worker.js';

// dt-sql-parser's ANTLR listener prints every syntax error it meets while parsing half-typed
// SQL for completion ("line 4:24 no viable alternative ..."); that floods the browser console.
// Problems are the API's job, so only those lines are dropped; other worker errors still show.
// eslint-disable-next-line no-console -- wraps the worker's console, it prints nothing itself
const report = console.error.bind(console);
// eslint-disable-next-line no-console -- see above
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && /^line \d+:\d+ /.test(args[0])) return;
  report(...args);
};
