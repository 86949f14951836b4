import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CHECKPOINT_OPTIONS, compileJobAsync, EngineError, findLatestCheckpoint, openDirectoryStorage, SqlError, startJob, validateSql, type CheckpointResult, type Diagnostic } from '../index';
import { loadFunctionMapping } from '../functions/udf/load-function-mapping';
import { loadConnectorPlugins } from './connector-plugins';

const USAGE = `usage:
  weir run FILE.sql [--set key=value ...]       run until every source is drained (or Ctrl-C)
      [--checkpoint-dir DIR]                    checkpoint into DIR (or SET 'execution.checkpointing.dir')
      [--restore latest|FOLDER]                 start from DIR's newest checkpoint, or a chk-N / sp-N-T folder
  weir validate FILE.sql [--set key=value ...]  print problems as FILE:LINE:COL: message
  weir explain FILE.sql [--json] [--set ...]    print the physical plan
every command:
      [--function CLASS=MODULE#EXPORT ...]      run CREATE FUNCTION f AS 'CLASS' with a JavaScript or TypeScript
                                                export (MODULE relative to the working directory)`;

interface Args {
  command: string;
  file: string;
  set: Record<string, string>;
  /** CREATE FUNCTION identifier → module#export, from --function. */
  functions: Record<string, string>;
  json: boolean;
  checkpointDir?: string;
  restore?: string;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  const set: Record<string, string> = {};
  const functions: Record<string, string> = {};
  let file: string | undefined;
  let json = false;
  const flags: { checkpointDir?: string; restore?: string } = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--checkpoint-dir' || arg === '--restore') {
      const value = rest[++i];
      if (!value) return `${arg} expects a value`;
      flags[arg === '--restore' ? 'restore' : 'checkpointDir'] = value;
    }
    else if (arg === '--set' || arg.startsWith('--set=')) {
      const pair = arg === '--set' ? rest[++i] : arg.slice(6);
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) return `--set expects key=value, got '${pair ?? ''}'`;
      set[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg === '--function' || arg.startsWith('--function=')) {
      const pair = arg === '--function' ? rest[++i] : arg.slice(11);
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0 || eq === pair.length - 1) return `--function expects CLASS=MODULE#EXPORT, got '${pair ?? ''}'`;
      functions[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return `unexpected argument ${arg}`;
  }
  if (!command || !['run', 'validate', 'explain'].includes(command)) return command ? `unknown command '${command}'` : 'missing command';
  if (!file) return 'missing FILE.sql';
  return { command, file, set, functions, json, ...flags };
}

function printDiagnostics(file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) console.log(`${file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`weir: ${args}\n${USAGE}`);
    return 2;
  }
  const sql = readFileSync(args.file, 'utf8');
  // User functions named by a relative module path are found beside the SQL file.
  const connectors = await loadConnectorPlugins();
  const options = { set: args.set, baseDir: dirname(resolve(args.file)), functions: await loadFunctionMapping(args.functions, process.cwd()), connectors };
  if (args.command === 'validate') {
    const diagnostics = validateSql(sql, options);
    printDiagnostics(args.file, diagnostics);
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  const job = await compileJobAsync(sql, options);
  if (args.command === 'explain') {
    console.log(args.json ? JSON.stringify(job.plan, null, 2) : job.explain());
    return 0;
  }
  const dir = args.checkpointDir ?? job.plan.config[CHECKPOINT_OPTIONS.dir];
  if (args.restore && !dir) throw new EngineError(`--restore needs --checkpoint-dir or SET '${CHECKPOINT_OPTIONS.dir}'`, { code: 'CLI_USAGE', domain: 'user' });
  const storage = dir ? openDirectoryStorage(dir) : undefined;
  const restorePath = storage && args.restore ? (args.restore === 'latest' ? await findLatestCheckpoint(storage) : args.restore) : null;
  if (args.restore === 'latest' && !restorePath) console.error(`weir: no completed checkpoint in ${dir}; starting from the beginning`);
  const checkpointing = storage ? {
    storage,
    ...(restorePath ? { restore: { storage, path: restorePath } } : {}),
    onCheckpoint: (r: CheckpointResult) => {
      if (r.status !== 'DISCARDED') console.error(`weir: ${r.kind.toLowerCase()} ${r.checkpointId} ${r.status}${r.location ? ` ${r.location}` : ''}${r.error ? `: ${r.error}` : ''}`);
    },
  } : undefined;
  const handle = startJob(job, { connectors, ...(checkpointing ? { checkpointing } : {}) });
  const onSignal = (): void => void handle.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await handle.done;
  // A source told to skip unreadable records says how many it skipped, so a clean exit is not mistaken for a clean input.
  for (const m of handle.metrics()) if (m.recordsSkipped) console.error(`weir: ${m.name} skipped ${m.recordsSkipped} unreadable records`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const file = process.argv[3] ?? '';
  if (error instanceof SqlError) printDiagnosticsToStderr(file, error.diagnostics);
  else if (error instanceof EngineError) console.error(`weir: ${error.message} [${error.code}]`);
  else console.error(`weir: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}

function printDiagnosticsToStderr(file: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) console.error(`${file}:${d.line}:${d.column}: ${d.message}`);
}
