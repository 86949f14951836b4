/**
 * Test helper: a local S3-compatible server (s3rver) in a child process, for the S3 checkpoint
 * storage tests. A child process because s3rver's list continuation tokens use DES, which Node 20's
 * OpenSSL 3 only has with `--openssl-legacy-provider` (without it, the second page of any listing
 * is a 500). Run as a script (`<dir> <conditional-puts>`), it starts the server and prints its port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3StorageOptions } from './s3-checkpoint-storage';

export const LOCAL_S3_BUCKET = 'weir-test';

export interface LocalS3Server {
  /** Reaches the server (its default credentials: s3rver accepts any signature made with them). */
  options: S3StorageOptions;
  stop(): Promise<void>;
}

/**
 * Starts s3rver on a free port over a fresh directory, with the bucket LOCAL_S3_BUCKET. With
 * `conditionalPuts` it honours `If-None-Match: *` on PutObject as S3 does (s3rver ignores it).
 */
export async function startLocalS3Server(options: { conditionalPuts: boolean }): Promise<LocalS3Server> {
  const dir = mkdtempSync(join(tmpdir(), 'weir-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', fileURLToPath(import.meta.url), dir, String(options.conditionalPuts)], {
    // stdin stays open while this process lives: the server ends with it, even when this one is killed.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code} before listening`)));
  });
  return {
    options: { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A koa middleware as s3rver (a koa app) runs them; the fields used here. */
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface KoaContext {
  method: string;
  path: string;
  querystring: string;
  status: number;
  type: string;
  body: unknown;
  get(header: string): string;
  app: { store: { existsObject(bucket: string, key: string): Promise<boolean> } };
}

/**
 * S3's conditional write: a PutObject with `If-None-Match: *` of an existing key gets 412
 * PreconditionFailed. Atomic within the server: a key being written conditionally is reserved
 * until that write ends, so of concurrent writers exactly one wins.
 */
function conditionalPuts(): Middleware {
  const reserved = new Set<string>();
  return async (ctx, next) => {
    // The SDK adds `?x-id=PutObject`; multipart parts are not conditional.
    if (ctx.method !== 'PUT' || ctx.get('if-none-match') !== '*' || /uploadId|partNumber/.test(ctx.querystring)) return next();
    const path = decodeURIComponent(ctx.path).slice(1);
    const slash = path.indexOf('/');
    const [bucket, key] = [path.slice(0, slash), path.slice(slash + 1)];
    const id = `${bucket}/${key}`;
    if (reserved.has(id)) return preconditionFailed(ctx);
    reserved.add(id);
    try {
      if (await ctx.app.store.existsObject(bucket, key)) return preconditionFailed(ctx);
      await next();
    } finally {
      reserved.delete(id);
    }
  };
}

function preconditionFailed(ctx: KoaContext): void {
  ctx.status = 412;
  ctx.type = 'application/xml';
  ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>';
}

async function main(dir: string, withConditionalPuts: boolean): Promise<void> {
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: LOCAL_S3_BUCKET, configs: [] }] });
  if (withConditionalPuts) (server as unknown as { middleware: Middleware[] }).middleware.unshift(conditionalPuts());
  const { port } = await server.run();
  process.stdout.write(`listening ${port}\n`);
  const close = () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', close);
  process.stdin.once('end', close).resume();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv[2]!, process.argv[3] === 'true').catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
