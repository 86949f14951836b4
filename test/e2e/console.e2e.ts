import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '@weir/launcher';
import type { Job } from '@weir/contracts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, freePort, testRedisPrefix, testRedisUrl } from '../support/test-database';

const SCREENSHOTS = fileURLToPath(new URL('../test-results/', import.meta.url));

/** One statement a line, every bracket closed on its own line: typed text stays exactly this. */
const VALID_SQL = [
  "CREATE TABLE src (id BIGINT, v STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '2000');",
  "CREATE TABLE snk (id BIGINT, v STRING) WITH ('connector' = 'blackhole');",
  'INSERT INTO snk SELECT id, v FROM src;',
];
/** Same job, but the query reads a column `src` does not have: line 3, column 28. */
const INVALID_SQL = [VALID_SQL[0], VALID_SQL[1], 'INSERT INTO snk SELECT id, nope FROM src;'];

let stack: Awaited<ReturnType<typeof startStack>>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let profileDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  database = await createTestDatabase('e2e');
  stack = await startStack({
    databaseUrl: database.url,
    redisUrl: testRedisUrl,
    redisPrefix: testRedisPrefix('e2e'),
    apiPort: await freePort(),
    consolePort: await freePort(),
    quiet: true,
  });
  profileDir = await mkdtemp(join(tmpdir(), 'weir-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await stack?.stop();
  await database?.drop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });
}

/** Replaces the editor's text by typing, as a person would: select all, then line by line. */
async function typeSql(lines: string[]): Promise<void> {
  const editor = page.locator('[data-testid="sql-editor"] .monaco-editor');
  await editor.waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('[data-testid="sql-editor"] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [index, line] of lines.entries()) {
    await page.keyboard.type(line);
    // Escape closes the completion popup, so Enter starts a new line instead of accepting.
    await page.keyboard.press('Escape');
    if (index < lines.length - 1) await page.keyboard.press('Enter');
  }
}

async function problemsState(): Promise<string | null> {
  return page.getByTestId('problems').getAttribute('data-state');
}

async function apiJob(jobId: string): Promise<Job> {
  const response = await fetch(`${stack.apiUrl}/api/v1/jobs/${jobId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Job;
}

function recordsPerSecond(text: string | null): number {
  return Number((text ?? '').replace(/,/g, '')) || 0;
}

describe('console', () => {
  it('authors a job, shows SQL problems, deploys it, watches it run and stops it', async () => {
    await page.goto(stack.consoleUrl);
    await page.waitForURL(/\/jobs$/);
    await page.getByTestId('job-table').waitFor();
    await screenshot('01-jobs');

    await page.getByTestId('new-job-button').click();
    await page.waitForURL(/\/jobs\/new$/);
    const jobName = `e2e-${randomBytes(4).toString('hex')}`;
    await page.getByTestId('job-name').fill(jobName);

    // An unknown column: the API's diagnostic must reach the problems list and Monaco.
    await typeSql(INVALID_SQL);
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('problems');
    const problem = page.getByTestId('problem').first();
    expect(await problem.textContent()).toContain('3:28');
    expect(await page.locator('[data-testid="sql-editor"] .squiggly-error').count()).toBeGreaterThan(0);
    await screenshot('02-problems');

    await typeSql(VALID_SQL);
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('ok');
    expect(await page.getByTestId('problem').count()).toBe(0);

    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('save-status').textContent().catch(() => null), { timeout: 15_000 }).toBe('v1 saved');
    await page.waitForURL(/\/jobs\/[^/]+\/edit$/);
    const jobId = new URL(page.url()).pathname.split('/')[2];
    const saved = await apiJob(jobId);
    expect(saved.name).toBe(jobName);
    expect(saved.latestVersion.sql).toBe(VALID_SQL.join('\n'));
    await screenshot('03-saved');

    await page.getByTestId('deploy-button').click();
    await page.waitForURL(new RegExp(`/jobs/${jobId}$`), { timeout: 15_000 });
    const badge = page.getByTestId('status-badge');
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('RUNNING');
    const rate = page.getByTestId('records-per-second');
    await expect.poll(async () => recordsPerSecond(await rate.textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
    // A few seconds of samples so the chart shows a line, not a dot.
    await page.waitForTimeout(3000);
    expect(await page.locator('[data-testid="vertex-table"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    await screenshot('04-running');

    await page.getByTestId('stop-button').click();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('STOPPED');
    expect(await page.getByTestId('stop-button').count()).toBe(0);
    await screenshot('05-stopped');

    await page.goto(`${stack.consoleUrl}/jobs`);
    const row = page.getByTestId('job-row').filter({ hasText: jobName });
    await row.waitFor();
    expect(await row.textContent()).toContain('STOPPED');
    await screenshot('06-jobs-after');
  });
});
