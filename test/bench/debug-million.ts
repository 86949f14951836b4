import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startStack } from '@weir/launcher';
import type { Fixture, Job, LoginResponse } from '@weir/contracts';
import { createPrismaClient, DEMO, seedAdmin } from '@weir/db';
import { chromium } from 'playwright-core';
import { createTestDatabase, freePort, testRedisPrefix, testRedisUrl } from '../support/test-database';

/*
 * `npm run bench:debug`: a fixture of ROWS Nexmark-style bids through Nexmark q5 (hot items: HOP
 * windows, a count per auction and the max per window, joined) as a person debugs it in the
 * console: pick the fixture, Run, wait for the sink's rows. Prints the time from the click to the
 * rows on screen and the page's longest main-thread task while it waited (a frozen page shows as
 * one long task).
 */

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const Q5 = `CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, \`dateTime\` TIMESTAMP(3), WATERMARK FOR \`dateTime\` AS \`dateTime\` - INTERVAL '4' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE nexmark_q5 (auction BIGINT, num BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO nexmark_q5
SELECT AuctionBids.auction, AuctionBids.num FROM (
  SELECT auction, count(*) AS num, window_start AS starttime, window_end AS endtime
  FROM TABLE(HOP(TABLE bid, DESCRIPTOR(\`dateTime\`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
) AS AuctionBids
JOIN (
  SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM (
    SELECT count(*) AS num, window_start AS starttime, window_end AS endtime
    FROM TABLE(HOP(TABLE bid, DESCRIPTOR(\`dateTime\`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
    GROUP BY auction, window_start, window_end
  ) AS CountBids
  GROUP BY CountBids.starttime, CountBids.endtime
) AS MaxBids
ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime AND AuctionBids.num >= MaxBids.maxn;`;

/** Bids as the Nexmark generator spreads them: 1,000 a second of event time over 1,000 auctions, hot ones more often. */
function bids(count: number): Record<string, unknown>[] {
  const start = Date.UTC(2026, 0, 1, 10);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, i) => {
    const hot = random() < 0.5;
    return { auction: hot ? 1 + Math.floor(random() * 10) : 1 + Math.floor(random() * 1000), bidder: 1 + Math.floor(random() * 10_000), price: 1 + Math.floor(random() * 10_000), dateTime: new Date(start + i).toISOString().replace('T', ' ').replace('Z', '') };
  });
}

const database = await createTestDatabase('bench-debug');
const stack = await startStack({ databaseUrl: database.url, redisUrl: testRedisUrl, redisPrefix: testRedisPrefix('bench-debug'), apiPort: await freePort(), consolePort: await freePort(), quiet: true });
const profile = await mkdtemp(join(tmpdir(), 'weir-bench-chromium-'));
try {
  const prisma = createPrismaClient(database.url);
  await seedAdmin(prisma, { password: 'bench-password' });
  await prisma.$disconnect();
  const login = await fetch(`${stack.apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.adminEmail, password: 'bench-password' }) });
  const auth = { authorization: `Bearer ${((await login.json()) as LoginResponse).token}`, 'content-type': 'application/json' };
  const job = (await (await fetch(`${stack.apiUrl}/api/v1/jobs`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'q5-debug', sql: Q5 }) })).json()) as Job;
  const savedAt = performance.now();
  const saved = await fetch(`${stack.apiUrl}/api/v1/jobs/${job.id}/fixtures`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'million bids', inputs: { bid: { rows: bids(ROWS) } } }) });
  if (!saved.ok) throw new Error(`saving the fixture failed: ${saved.status} ${await saved.text()}`);
  const fixture = (await saved.json()) as Fixture;
  console.log(`fixture of ${fixture.tables[0]?.rows.toLocaleString()} bids saved in ${((performance.now() - savedAt) / 1000).toFixed(1)} s`);

  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${stack.consoleUrl}/login`);
  await page.locator('input[name="email"]').fill(DEMO.adminEmail);
  await page.locator('input[name="password"]').fill('bench-password');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${stack.consoleUrl}/jobs/${job.id}/edit`);
  await page.getByTestId('debug-toggle').click();
  const panel = page.getByTestId('debug-panel');
  await panel.getByTestId('debug-input-bid-mode').locator('option[value="fixture"]').waitFor({ state: 'attached', timeout: 30_000 });
  await panel.getByTestId('debug-input-bid-mode').selectOption('fixture');
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const clicked = performance.now();
  await panel.getByTestId('debug-run').click();
  await panel.getByTestId('debug-rows-nexmark_q5').locator('tbody tr').first().waitFor({ timeout: 600_000 });
  const shownMs = performance.now() - clicked;
  const status = await panel.getByTestId('debug-status').textContent();
  const counts = await panel.getByTestId('debug-sink-nexmark_q5').locator('[role="tab"]').allTextContents();
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  await page.screenshot({ path: join(process.env.WEIR_BENCH_SCREENSHOTS ?? tmpdir(), 'debug-million.png') });
  console.log(`q5 over ${ROWS.toLocaleString()} fixture bids: rows on screen ${(shownMs / 1000).toFixed(1)} s after Run (${status?.trim()}); sink tabs: ${counts.join(', ')}; longest main-thread task while waiting ${longest.toFixed(0)} ms`);
  await context.close();
} finally {
  await stack.stop();
  await database.drop();
  await rm(profile, { recursive: true, force: true });
}
