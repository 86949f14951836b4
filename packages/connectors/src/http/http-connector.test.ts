import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../testing/run-sql';

let server: Server;
let base: string;
const batches: unknown[][] = [];
let failuresLeft = 0;
const authorizations: (string | undefined)[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    authorizations.push(req.headers.authorization);
    if (req.method === 'POST' && req.url === '/events') {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end('busy');
        return;
      }
      batches.push(JSON.parse(body) as unknown[]);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && req.url === '/reject') {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"field qty is required"}');
      return;
    }
    const user = /^\/users\/(\d+)$/.exec(req.url ?? '');
    if (user) {
      if (user[1] === '3') res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: Number(user[1]), name: `user ${user[1]}` }));
      return;
    }
    res.writeHead(404).end();
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const source = `CREATE TABLE src (id BIGINT, qty INT) WITH ('connector' = 'datagen', 'number-of-rows' = '250', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '250', 'fields.qty.min' = '1', 'fields.qty.max' = '9');`;

describe('http connector', () => {
  it('posts rows in batches with its headers, retrying a 503 with backoff', async () => {
    failuresLeft = 2;
    const { job } = runSql(`${source}
      CREATE TABLE snk (id BIGINT, qty INT) WITH ('connector' = 'http', 'url' = '${base}/events', 'sink.buffer-flush.max-rows' = '100', 'headers.Authorization' = 'Bearer t0ken');
      INSERT INTO snk SELECT * FROM src;`);
    await job.done;
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat().map((r) => (r as { id: number }).id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(authorizations.at(-1)).toBe('Bearer t0ken');
  });

  it('fails on a 4xx answer with the status and the start of its body', async () => {
    const { job } = runSql(`${source}
      CREATE TABLE snk (id BIGINT, qty INT) WITH ('connector' = 'http', 'url' = '${base}/reject');
      INSERT INTO snk SELECT * FROM src;`);
    await expect(job.done).rejects.toThrow(`sending 100 rows to ${base}/reject failed: HTTP 400: {"error":"field qty is required"}`);
  });

  it('looks rows up by calling an endpoint, a 404 being no match', async () => {
    const { job, lines } = runSql(`CREATE TABLE ids (id BIGINT, proc AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '4', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4');
      CREATE TABLE users (id BIGINT, name STRING) WITH ('connector' = 'http', 'url' = '${base}/users/{id}');
      CREATE TABLE out (id BIGINT, name STRING) WITH ('connector' = 'print');
      INSERT INTO out SELECT i.id, u.name FROM ids AS i LEFT JOIN users FOR SYSTEM_TIME AS OF i.proc AS u ON i.id = u.id;`);
    await job.done;
    expect(lines).toEqual(['+I[1, user 1]', '+I[2, user 2]', '+I[3, null]', '+I[4, user 4]']);
  });
});
