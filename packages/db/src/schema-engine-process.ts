import { WeirError } from '@weir/contracts';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { prismaPaths } from './prisma-paths';

interface RpcError {
  code: number;
  message: string;
  data?: { message?: string; error_code?: string; is_panic?: boolean };
}

interface RpcMessage {
  id: number | string;
  method?: string;
  params?: { content?: string };
  result?: unknown;
  error?: RpcError;
}

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export interface SchemaEngineOptions {
  /** The database the engine connects to (and next to which it creates shadow databases). */
  databaseUrl: string;
  /** Prisma schema files loaded at start, as the CLI passes them. */
  schemaPaths?: string[];
}

/**
 * A session with scripts/schema-engine.mjs, the offline schema engine, over JSON-RPC on stdio:
 * the same protocol Prisma's CLI uses with its native engine. Requests run one at a time.
 */
export class SchemaEngineProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private readonly stderrTail: string[] = [];
  private readonly printed: string[] = [];
  private readonly exited: Promise<number | null>;
  private nextId = 1;

  constructor({ databaseUrl, schemaPaths = [prismaPaths.schema] }: SchemaEngineOptions) {
    const args = [prismaPaths.schemaEngine, '--datasource', JSON.stringify({ url: databaseUrl })];
    for (const path of schemaPaths) args.push('--datamodels', path);
    this.child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });

    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) => this.onLine(line));
    createInterface({ input: this.child.stderr, crlfDelay: Infinity }).on('line', (line) => {
      // Keep the last lines only: they explain a crash; the engine's debug chatter does not.
      this.stderrTail.push(line);
      if (this.stderrTail.length > 20) this.stderrTail.shift();
    });
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.failAll(new WeirError('INTERNAL', `cannot start the schema engine (${prismaPaths.schemaEngine})`, { cause: error }));
        resolve(null);
      });
      this.child.once('exit', (code) => {
        this.failAll(new WeirError('INTERNAL', `the schema engine exited with code ${code}: ${this.lastErrorMessage()}`));
        resolve(code);
      });
    });
  }

  /** Text the engine asked to print (e.g. a human-readable diff) since the session started. */
  get output(): string {
    return this.printed.join('\n');
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  }

  /** Closes stdin, which ends the engine after its current request. */
  async stop(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }

  private onLine(line: string): void {
    if (!line.trim()) return;
    const message = JSON.parse(line) as RpcMessage;
    if (message.method === 'print') {
      this.printed.push(message.params?.content ?? '');
      this.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: message.id, result: {} })}\n`);
      return;
    }
    const pending = this.pending.get(Number(message.id));
    if (!pending) return;
    this.pending.delete(Number(message.id));
    if (message.error) pending.reject(rpcErrorToError(pending.method, message.error));
    else pending.resolve(message.result);
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private lastErrorMessage(): string {
    for (const line of [...this.stderrTail].reverse()) {
      try {
        const entry = JSON.parse(line) as { level?: string; fields?: { message?: string } };
        if (entry.level === 'ERROR' && entry.fields?.message) return entry.fields.message;
      } catch {
        return line;
      }
    }
    return 'no error logged';
  }
}

function rpcErrorToError(method: string, error: RpcError): WeirError {
  const code = error.data?.error_code ? `${error.data.error_code}: ` : '';
  const kind = error.data?.is_panic ? 'crashed' : 'failed';
  return new WeirError('INTERNAL', `schema engine ${method} ${kind}: ${code}${error.data?.message ?? error.message}`, { details: { method } });
}
