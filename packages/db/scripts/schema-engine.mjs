#!/usr/bin/env node
// Offline stand-in for Prisma's native schema engine binary. Prisma's CLI downloads that binary
// from its own host before every command, which is unreachable here, but it honours
// PRISMA_SCHEMA_ENGINE_BINARY. This program speaks the same protocol (JSON-RPC 2.0, one message
// per line on stdin/stdout, logs as JSON lines on stderr) and hands each request to
// @prisma/schema-engine-wasm, which talks to Postgres through @prisma/adapter-pg. @weir/db's
// migrateDatabase() drives it the same way, so the CLI and the app apply migrations identically.
//
// Plain JavaScript on purpose: the CLI spawns this file directly, without tsx.
/* global WebAssembly */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const WASM_PACKAGE = '@prisma/schema-engine-wasm';
const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;
const PG_INVALID_CATALOG_NAME = '3D000';
const PG_DUPLICATE_DATABASE = '42P04';

// Same envelope as the native engine's user-facing errors, which the CLI unpacks from `data`.
const RPC_ERROR_CODE = 4466;

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, command: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datamodels') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--version' || arg === '-V') args.command = ['version'];
    else if (arg === 'cli') args.command = argv.slice(i + 1);
    // Preview features and extension types do not change how the wasm engine reads Postgres.
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else throw new Error(`schema-engine: unknown argument ${arg}`);
    if (args.command) break;
  }
  return args;
}

function databaseNameOf(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

function withDatabase(url, database) {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

// CREATE/DROP DATABASE run on the server's `postgres` database, so they work whether or not the
// target database exists yet.
async function onMaintenanceDb(url, sql) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createDatabase(url) {
  const name = databaseNameOf(url);
  try {
    await onMaintenanceDb(url, `CREATE DATABASE ${quoteIdent(name)}`);
  } catch (error) {
    // Another process may have created it between the caller's check and this statement.
    if (error.code !== PG_DUPLICATE_DATABASE) throw error;
  }
  return name;
}

// The engine reads pg_catalog, whose `"char"` (oid 18) and `name` (oid 19) columns the adapter
// refuses to map ("Column type 'char' could not be deserialized", prisma/orm#27403). Both
// arrive as plain strings in text format, so describe them to the adapter as `text`.
const CATALOG_TEXT_OIDS = new Set([PG_CHAR_OID, PG_NAME_OID]);

function describeCatalogTypesAsText(result) {
  for (const field of result?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

class CatalogTextClient extends pg.Client {
  query(config, values, callback) {
    const done = typeof callback === 'function' ? callback : typeof values === 'function' ? values : null;
    if (done) {
      const retyped = (error, result) => done(error, error ? result : describeCatalogTypesAsText(result));
      return typeof callback === 'function' ? super.query(config, values, retyped) : super.query(config, retyped);
    }
    const pending = super.query(config, values);
    return typeof pending?.then === 'function' ? pending.then(describeCatalogTypesAsText) : pending;
  }
}

async function connectAdapter(connectionString) {
  const pool = new pg.Pool({ connectionString, Client: CatalogTextClient });
  return sendScriptsWhole(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
}

// The adapter's executeScript splits scripts on `;`, which breaks function bodies (`$$ … $$`)
// and string literals. Send the script whole instead: Postgres' simple query protocol runs
// several statements in one round trip, which is what Prisma's native engine does.
function sendScriptsWhole(adapter) {
  const client = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * @prisma/adapter-pg's factory with the gaps above covered. Its own connectToShadowDb drops the
 * shadow database while the shadow pool still holds connections (so the drop fails) and never
 * closes the connection it created it with; here the shadow database is created on the
 * maintenance database and dropped, with FORCE, after its pool has been closed.
 */
class OfflinePgAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(datasource) {
    this.url = datasource.url;
    this.shadowDatabaseUrl = datasource.shadowDatabaseUrl;
  }

  async connect() {
    return connectAdapter(this.url);
  }

  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) {
      return connectAdapter(this.shadowDatabaseUrl);
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await onMaintenanceDb(this.url, `CREATE DATABASE ${quoteIdent(name)}`);
    const adapter = await connectAdapter(withDatabase(this.url, name));
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await onMaintenanceDb(this.url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    };
    return adapter;
  }
}

// The package's main entry imports the .wasm file as an ES module, which Node only allows behind
// a flag; instantiate it by hand from its wasm-bindgen glue instead.
async function instantiateWasm() {
  const glueUrl = import.meta.resolve(`${WASM_PACKAGE}/schema_engine_bg`);
  const glue = await import(glueUrl);
  const bytes = await readFile(new URL('./schema_engine_bg.wasm', glueUrl));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

async function loadWasmEngine(datamodelPaths, datasource, log) {
  const glue = await instantiateWasm();
  const datamodels = await Promise.all(
    datamodelPaths.map(async (path) => [path, await readFile(path, 'utf8')]),
  );
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new OfflinePgAdapterFactory(datasource));
  return glue.SchemaEngine.new(
    // The engine wants either no datamodels or a non-empty list.
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    log,
    adapterFactory,
  );
}

function logLine(level, fields) {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' })}\n`);
}

// Maps what the wasm engine and the adapter throw onto the native engine's error payload.
function toRpcError(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    return { code: RPC_ERROR_CODE, message: error.message, data: { is_panic: true, message: error.message } };
  }
  const message = error?.message ?? String(error);
  return {
    code: RPC_ERROR_CODE,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, error_code: error?.code, meta: error?.meta },
  };
}

// Prisma's codes for the connection failures people hit first, so the CLI can react to them
// (it creates the database on P1003).
function pgConnectionError(error, url) {
  if (error.code === PG_INVALID_CATALOG_NAME) {
    return { code: 'P1003', message: `Database \`${databaseNameOf(url)}\` does not exist` };
  }
  if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND') {
    const { hostname, port } = new URL(url);
    return { code: 'P1001', message: `Can't reach database server at ${hostname}:${port || 5432}` };
  }
  return { code: 'P1000', message: error.message };
}

// One-shot subcommands (`schema-engine --datasource … cli <command>`) the CLI uses before
// starting the RPC session, e.g. to create the database in `migrate dev`.
async function runCliCommand([command], datasource) {
  const url = datasource.url;
  // The CLI skips the first stderr line (the native engine's greeting) when it looks for errors.
  logLine('INFO', { message: `Starting schema engine CLI: ${command}` });
  try {
    if (command === 'can-connect-to-database') {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
    } else if (command === 'create-database') {
      const name = await createDatabase(url);
      logLine('INFO', { message: `Database '${name}' was successfully created.` });
    } else if (command === 'drop-database') {
      await onMaintenanceDb(url, `DROP DATABASE IF EXISTS ${quoteIdent(databaseNameOf(url))} WITH (FORCE)`);
    } else {
      throw new Error(`schema-engine: unsupported cli command ${command}`);
    }
    return 0;
  } catch (error) {
    const { code, message } = pgConnectionError(error, url);
    logLine('ERROR', { is_panic: false, error_code: code, message });
    return 1;
  }
}

async function serveRpc(args) {
  // The wasm engine already formats its log lines the way the native engine writes them.
  const engine = await loadWasmEngine(args.datamodels, args.datasource, (line) =>
    process.stderr.write(line.endsWith('\n') ? line : `${line}\n`),
  );

  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  let nextPrintId = 1;
  const pendingPrints = new Map();
  // The native engine asks the CLI to print a diff (it has no stdout of its own in RPC mode).
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      send({ id, method: 'print', params: { content } });
    });

  const handlers = {
    async createDatabase(params) {
      const url = params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : args.datasource.url;
      return { databaseName: await createDatabase(url) };
    },
    async diff(params) {
      const result = await engine.diff(params);
      if (result.stdout) await printThroughCli(result.stdout.replace(/\n$/, ''));
      return { ...result, stdout: null };
    },
    getDatabaseVersion: (params) => engine.version(params),
    async dbExecute(params) {
      await engine.dbExecute(params);
      return {};
    },
    async reset(params) {
      await engine.reset(params);
      return {};
    },
  };
  for (const method of [
    'applyMigrations',
    'createMigration',
    'devDiagnostic',
    'diagnoseMigrationHistory',
    'ensureConnectionValidity',
    'evaluateDataLoss',
    'introspect',
    'introspectSql',
    'markMigrationApplied',
    'markMigrationRolledBack',
    'schemaPush',
  ]) {
    // Called on the engine object: detaching the method loses wasm-bindgen's `this`.
    handlers[method] ??= (params) => engine[method](params);
  }

  // The wasm engine holds one connection; run requests strictly one after another.
  let queue = Promise.resolve();
  const handle = async (request) => {
    const handler = handlers[request.method];
    if (!handler) {
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
      return;
    }
    try {
      const result = await handler(request.params);
      send({ id: request.id, result: result ?? {} });
    } catch (error) {
      send({ id: request.id, error: toRpcError(error) });
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  await new Promise((resolve) => lines.once('close', resolve));
  await queue;
  engine.free();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.command?.[0] === 'version') {
    const glue = await instantiateWasm();
    process.stdout.write(`schema-engine-cli ${glue.version()}\n`);
    return 0;
  }
  if (args.command) return runCliCommand(args.command, args.datasource);
  await serveRpc(args);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Exit codes as the native engine uses them: 101 is a crash, 1 an error the user can act on
    // (e.g. the database in the URL does not exist).
    const isPanic = error instanceof WebAssembly.RuntimeError;
    logLine('ERROR', { is_panic: isPanic, message: isPanic ? error.stack : (error?.message ?? String(error)) });
    process.exit(isPanic ? 101 : 1);
  },
);
