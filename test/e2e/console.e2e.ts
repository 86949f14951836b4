import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '@weir/launcher';
import { findJobTemplate, JOB_TEMPLATES, type Deployment, type Job, type JobSavepointList, type JobVersionList, type LoginResponse } from '@weir/contracts';
import { createPrismaClient, DEMO, seedAdmin } from '@weir/db';
import { connect as connectNats } from 'nats';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, freePort, testRedisPrefix, testRedisUrl } from '../support/test-database';

/** Where screenshots go: WEIR_E2E_SCREENSHOTS (e.g. /tmp to look at them), else test-results/. */
const SCREENSHOTS = process.env.WEIR_E2E_SCREENSHOTS ?? fileURLToPath(new URL('../test-results/', import.meta.url));

/** One statement a line, every bracket closed on its own line: typed text stays exactly this. */
const VALID_SQL = [
  "CREATE TABLE src (id BIGINT, v STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '2000');",
  "CREATE TABLE snk (id BIGINT, v STRING) WITH ('connector' = 'blackhole');",
  'INSERT INTO snk SELECT id, v FROM src;',
];
/** Same job, but the query reads a column `src` does not have: line 3, column 28. */
const INVALID_SQL = [VALID_SQL[0], VALID_SQL[1], 'INSERT INTO snk SELECT id, nope FROM src;'];
/** Calls a function the job itself defines, under the Java-style class name a Flink job would use. */
const UDF_SQL = [
  "CREATE FUNCTION shout AS 'com.example.Shout';",
  "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '100');",
  "CREATE TABLE snk (v STRING) WITH ('connector' = 'blackhole');",
  'INSERT INTO snk SELECT shout(CAST(id AS STRING)) FROM src;',
];
/** Two versions of one job: the second filters the query, so their diff is one changed line. */
const VERSION_1 = VALID_SQL;
const VERSION_2 = [VALID_SQL[0], VALID_SQL[1], 'INSERT INTO snk SELECT id, v FROM src WHERE id > 10;'];
/** What a colleague saves over the editor's version: a slower source. */
const COLLEAGUE_SQL = [VALID_SQL[0].replace("'2000'", "'500'"), VALID_SQL[1], VALID_SQL[2]].join('\n');
/** A keyed count: state for checkpoints to carry (500 keys). */
const AGGREGATE_SQL = `CREATE TABLE src (id BIGINT, k INT) WITH (
  'connector' = 'datagen', 'rows-per-second' = '2000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100000000',
  'fields.k.min' = '1', 'fields.k.max' = '500'
);
CREATE TABLE snk (k INT, n BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT k, COUNT(*) AS n FROM src GROUP BY k;
`;

/** Two sources joined by key, then counted per seller: four vertices and three hash edges to draw. */
const JOIN_AGGREGATE_SQL = `SET 'parallelism.default' = '2';
CREATE TABLE bids (auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
CREATE TABLE auctions (id BIGINT, seller BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
CREATE TABLE per_seller (seller BIGINT, bids BIGINT, top_price BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO per_seller SELECT a.seller, COUNT(*), MAX(b.price) FROM bids AS b JOIN auctions AS a ON b.auction = a.id GROUP BY a.seller;
`;

let stack: Awaited<ReturnType<typeof startStack>>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let profileDir: string;
let context: BrowserContext;
let page: Page;
/** The admin's session as a Bearer header, for the test's own API calls. */
let apiAuth: { authorization: string };
const ADMIN_PASSWORD = 'e2e-admin-password';
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

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
  const prisma = createPrismaClient(database.url);
  try {
    await seedAdmin(prisma, { password: ADMIN_PASSWORD });
  } finally {
    await prisma.$disconnect();
  }
  const login = await fetch(`${stack.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.adminEmail, password: ADMIN_PASSWORD }),
  });
  apiAuth = { authorization: `Bearer ${((await login.json()) as LoginResponse).token}` };
  profileDir = await mkdtemp(join(tmpdir(), 'weir-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, { ...CHROMIUM, viewport: { width: 1400, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await stack?.stop();
  await database?.drop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

async function screenshot(name: string, on: Page = page): Promise<void> {
  await on.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });
}

/** Signs in through the sign-in page, as a person would. */
async function signIn(on: Page, email: string, password: string): Promise<void> {
  await on.getByTestId('login-form').waitFor();
  await on.locator('input[name="email"]').fill(email);
  await on.locator('input[name="password"]').fill(password);
  await on.getByTestId('login-submit').click();
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

async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/api/v1${path}`, { headers: apiAuth });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const apiJob = (jobId: string) => apiGet<Job>(`/jobs/${jobId}`);

/** A write through the API as the admin, outside the browser; `status` is the answer expected. */
async function apiWrite<T>(method: 'POST' | 'PUT', path: string, body: unknown, status: number): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/api/v1${path}`, { method, headers: { ...apiAuth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(status);
  return (await response.json()) as T;
}

/** Saves a version as a colleague would, from `baseVersion`. */
const apiSave = (jobId: string, sql: string, baseVersion: number, message: string) => apiWrite<Job>('PUT', `/jobs/${jobId}`, { sql, baseVersion, message }, 200);

/** The text Monaco shows in the job editor; it renders spaces as non-breaking ones. */
async function editorText(): Promise<string> {
  return ((await page.locator('[data-testid="sql-editor"] .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

function recordsPerSecond(text: string | null): number {
  return Number((text ?? '').replace(/,/g, '')) || 0;
}

describe('console', () => {
  it('sends a visitor to the sign-in page, refuses a wrong password, and signs the admin in', async () => {
    await page.goto(`${stack.consoleUrl}/jobs`);
    await page.waitForURL(/\/login\?next=%2Fjobs$/, { timeout: 30_000 });
    await signIn(page, DEMO.adminEmail, 'not-the-password');
    await expect.poll(() => page.getByTestId('login-error').textContent().catch(() => null), { timeout: 15_000 }).toBe('Wrong e-mail or password.');
    await screenshot('00-login-refused');
    await signIn(page, DEMO.adminEmail, ADMIN_PASSWORD);
    await page.waitForURL(/\/jobs$/, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('signed-in-user').textContent(), { timeout: 15_000 }).toBe(DEMO.adminEmail);
  });

  it('authors a job, shows SQL problems, deploys it, watches it run and stops it', async () => {
    await page.goto(stack.consoleUrl);
    await page.waitForURL(/\/jobs$/);
    await page.getByTestId('job-table').waitFor();
    await screenshot('01-jobs');

    await page.getByTestId('new-job-button').click();
    await page.waitForURL(/\/jobs\/new$/);
    await page.getByTestId('template-blank').click();
    await page.waitForURL(/\/jobs\/new\?template=blank$/);
    const jobName = `e2e-${randomBytes(4).toString('hex')}`;
    await page.getByTestId('job-name').fill(jobName);

    // An unknown column: the API's diagnostic must reach the problems list and Monaco.
    await typeSql(INVALID_SQL);
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('problems');
    const problem = page.getByTestId('problem').first();
    expect(await problem.textContent()).toContain('3:28');
    // Monaco paints marker decorations on a later frame than React renders the problems list.
    await page.locator('[data-testid="sql-editor"] .squiggly-error').first().waitFor({ state: 'attached', timeout: 10_000 });
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
    await page.getByTestId('stop-submit').click();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('STOPPED');
    expect(await page.getByTestId('stop-button').count()).toBe(0);
    await screenshot('05-stopped');

    await page.goto(`${stack.consoleUrl}/jobs`);
    const row = page.getByTestId('job-row').filter({ hasText: jobName });
    await row.waitFor();
    expect(await row.textContent()).toContain('STOPPED');
    await screenshot('06-jobs-after');
  });

  it('starts a job from the windowed-aggregate template: the gallery fills the editor and a name, with no problems, and saves it', async () => {
    const template = findJobTemplate('windowed-aggregate');
    if (!template) throw new Error('the windowed-aggregate template is missing');
    await page.goto(`${stack.consoleUrl}/jobs/new`);
    const gallery = page.getByTestId('template-gallery');
    await gallery.waitFor();
    // Blank and every template, each a card with its description.
    expect(await gallery.locator('li').count()).toBe(JOB_TEMPLATES.length + 1);
    expect(await page.getByTestId('template-windowed-aggregate').textContent()).toContain(template.description);
    await screenshot('templates-01-gallery');

    await page.getByTestId('template-windowed-aggregate').click();
    await page.waitForURL(/\/jobs\/new\?template=windowed-aggregate$/);
    expect(await page.getByTestId('job-name').inputValue()).toBe(template.jobName);
    await page.locator('[data-testid="sql-editor"] .view-line', { hasText: '-- Windowed aggregate:' }).waitFor({ timeout: 30_000 });
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('ok');
    expect(await page.getByTestId('problem').count()).toBe(0);
    await screenshot('templates-02-editor');

    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('save-status').textContent().catch(() => null), { timeout: 15_000 }).toBe('v1 saved');
    await page.waitForURL(/\/jobs\/[^/]+\/edit$/);
    const saved = await apiJob(new URL(page.url()).pathname.split('/')[2] ?? '');
    expect(saved.name).toBe(template.jobName);
    expect(saved.latestVersion.sql).toBe(template.sql);
  });

  it('formats the SQL with the Format button and Ctrl+Shift+F, and names where SQL that does not lex goes wrong', async () => {
    const messy = [
      "create table src (id bigint, v string) with ('connector' = 'datagen', 'rows-per-second' = '2000');",
      "create table snk (id bigint, v string) with ('connector' = 'blackhole');",
      'insert into snk select id, v from src where id > 0;',
    ];
    const formatted = [
      'CREATE TABLE src (', '  id BIGINT,', '  v STRING', ') WITH (', "  'connector' = 'datagen',", "  'rows-per-second' = '2000'", ');', '',
      'CREATE TABLE snk (', '  id BIGINT,', '  v STRING', ') WITH (', "  'connector' = 'blackhole'", ');', '',
      'INSERT INTO snk', 'SELECT id, v', 'FROM src', 'WHERE id > 0;', '',
    ].join('\n');
    await page.goto(`${stack.consoleUrl}/jobs/new?template=blank`);
    await page.getByTestId('job-name').fill(`e2e-format-${randomBytes(4).toString('hex')}`);
    await typeSql(messy);
    await page.getByTestId('format-button').click();
    await page.locator('[data-testid="sql-editor"] .view-line', { hasText: "'rows-per-second' = '2000'" }).waitFor({ timeout: 15_000 });
    await screenshot('format-01-formatted');
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('save-status').textContent().catch(() => null), { timeout: 15_000 }).toBe('v1 saved');
    await page.waitForURL(/\/jobs\/[^/]+\/edit$/);
    const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
    expect((await apiJob(jobId)).latestVersion.sql).toBe(formatted);

    await typeSql(messy);
    await page.keyboard.press('ControlOrMeta+Shift+F');
    await page.locator('[data-testid="sql-editor"] .view-line', { hasText: "'rows-per-second' = '2000'" }).waitFor({ timeout: 15_000 });
    // The text is the saved version's again, to the character: nothing is left to save.
    await expect.poll(() => page.getByTestId('save-button').isDisabled(), { timeout: 15_000 }).toBe(true);

    await typeSql(['select 1 # 2']);
    await page.getByTestId('format-button').click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('SQL_INVALID');
    expect(await banner.textContent()).toContain("line 1, column 10: unexpected character '#'");
    await screenshot('format-02-refused');
  });

  it('completes connector names and options inside WITH and built-in functions with their signature, and explains them on hover', async () => {
    await page.goto(`${stack.consoleUrl}/jobs/new?template=blank`);
    await page.getByTestId('job-name').fill(`e2e-complete-${randomBytes(4).toString('hex')}`);
    await typeSql([]);
    const suggestion = (label: string) => page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();
    await page.keyboard.type("CREATE TABLE src (ts TIMESTAMP(3)) WITH ('connector' = '");
    await suggestion('datagen').waitFor({ timeout: 15_000 });
    // Values come from the engine's reference: every connector the workers run, not a fixed list.
    for (const connector of ['filesystem', 'kafka', 'jdbc']) expect(await suggestion(connector).count()).toBe(1);
    await screenshot('complete-01-connector-values');
    await page.keyboard.type('datagen');
    await page.keyboard.press('Escape');
    // Past the quote Monaco closed by itself, still inside WITH's parentheses.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(", 'rows-per");
    await suggestion('rows-per-second').waitFor({ timeout: 15_000 });
    // Only the named connector's options: a kafka option is not offered for datagen.
    expect(await suggestion('scan.startup.mode').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type(';');
    await page.keyboard.press('Enter');
    await page.keyboard.type('SELECT DATE_FORM');
    await suggestion('DATE_FORMAT').waitFor({ timeout: 15_000 });
    await screenshot('complete-02-functions');
    await page.keyboard.press('Enter');
    await page.locator('.parameter-hints-widget', { hasText: 'DATE_FORMAT(' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.parameter-hints-widget').textContent()).toContain('DATE_FORMAT(timestamp, string)');
    await screenshot('complete-03-signature-help');
    await page.keyboard.press('Escape');
    await page.keyboard.type('ts, ');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="sql-editor"] .view-line span', { hasText: 'DATE_FORMAT' }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'DATE_FORMAT(timestamp, string)' });
    await hover.waitFor({ timeout: 15_000 });
    expect(await hover.textContent()).toContain('Converts timestamp to a value of string in the format specified by the date format string');
    await screenshot('complete-04-hover');
  });

  it('writes a user function beside the SQL, which validates against its types, saves with the version and runs on a worker', async () => {
    await page.goto(`${stack.consoleUrl}/jobs/new?template=blank`);
    await page.getByTestId('job-name').fill(`e2e-udf-${randomBytes(4).toString('hex')}`);
    await typeSql(UDF_SQL);
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('problems');
    expect(await page.getByTestId('problem').first().textContent()).toContain("cannot load function 'com.example.Shout'");

    await page.getByTestId('functions-toggle').click();
    await page.getByTestId('add-function').click();
    const fn = page.getByTestId('function-row').first();
    await fn.locator('input[name="identifier"]').fill('com.example.Shout');
    await fn.locator('input[name="argumentTypes"]').fill('STRING');
    await fn.locator('input[name="resultType"]').fill('STRING');
    await fn.locator('textarea[name="source"]').fill("(s) => s === null ? null : s + '!'");
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('ok');
    await screenshot('07-user-function');

    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('save-status').textContent().catch(() => null), { timeout: 15_000 }).toBe('v1 saved');
    const jobId = new URL(page.url()).pathname.split('/')[2];
    expect((await apiJob(jobId)).latestVersion.functions).toEqual([
      { identifier: 'com.example.Shout', language: 'javascript', source: "(s) => s === null ? null : s + '!'", resultType: 'STRING', argumentTypes: ['STRING'] },
    ]);
    await page.reload();
    await expect.poll(() => page.getByTestId('function-row').count(), { timeout: 15_000 }).toBe(1);

    await page.getByTestId('deploy-button').click();
    await page.waitForURL(new RegExp(`/jobs/${jobId}$`), { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 30_000 }).toBe('RUNNING');
    await page.getByTestId('stop-button').click();
    await page.getByTestId('stop-submit').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 30_000 }).toBe('STOPPED');
  });

  it('explains a job from its editor as a graph of vertices, hash edges and the state each operator keeps', async () => {
    const created = await fetch(`${stack.apiUrl}/api/v1/jobs`, {
      method: 'POST',
      headers: { ...apiAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `e2e-explain-${randomBytes(4).toString('hex')}`, sql: JOIN_AGGREGATE_SQL }),
    });
    expect(created.status).toBe(201);
    const job = (await created.json()) as Job;
    await page.goto(`${stack.consoleUrl}/jobs/${job.id}/edit`);
    await page.locator('[data-testid="sql-editor"] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });

    await page.getByTestId('explain-button').click();
    const panel = page.getByTestId('explain-panel');
    await expect.poll(() => panel.getByTestId('explain-vertex').count(), { timeout: 15_000 }).toBe(4);
    const edges = await panel.getByTestId('explain-edge').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-label')));
    expect(edges.sort()).toEqual(['HASH[auction] · I · left', 'HASH[id] · I · right', 'HASH[seller] · I']);
    const vertices = await panel.getByTestId('explain-vertex').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-vertex')} ${n.getAttribute('data-name')}`));
    expect(vertices).toEqual(['v1 Source: bids -> Calc', 'v2 Source: auctions', 'v3 Join -> Calc', 'v4 GroupAggregate -> Sink: per_seller']);

    await panel.locator('[data-testid="explain-vertex"][data-vertex="v4"]').click();
    const details = panel.getByTestId('explain-details');
    await details.waitFor();
    const aggregateState = await details.getByTestId('explain-operator-state').first().textContent();
    expect(aggregateState).toMatch(/^keyed by seller/);
    expect(aggregateState).toContain('accumulators of COUNT(*), MAX(price) per group key [seller]');
    await screenshot('08-explain');
    const zoom = panel.getByTestId('explain-zoom');
    const fitted = await zoom.textContent();
    await panel.getByTestId('explain-zoom-in').click();
    await expect.poll(() => zoom.textContent()).not.toBe(fitted);

    await panel.getByTestId('tab-text').click();
    expect(await panel.getByTestId('explain-text').textContent()).toContain('v3 -> v4 [HASH($0)]');
    await panel.getByTestId('explain-close').click();
    await expect.poll(() => page.getByTestId('explain-panel').count()).toBe(0);
  });

  it('saves versions with messages, diffs two side by side, rolls back, and meets a newer save with reload or overwrite', async () => {
    const pageErrors: string[] = [];
    const onPageError = (error: Error) => void pageErrors.push(error.message);
    page.on('pageerror', onPageError);
    await page.goto(`${stack.consoleUrl}/jobs/new?template=blank`);
    await page.getByTestId('job-name').fill(`e2e-versions-${randomBytes(4).toString('hex')}`);
    await typeSql(VERSION_1);
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('ok');
    await page.getByTestId('version-message').fill('first cut');
    await page.getByTestId('save-button').click();
    const saveStatus = () => page.getByTestId('save-status').textContent().catch(() => null);
    await expect.poll(saveStatus, { timeout: 15_000 }).toBe('v1 saved');
    await page.waitForURL(/\/jobs\/[^/]+\/edit$/);
    const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // The second save goes by keyboard, from the message field.
    await typeSql(VERSION_2);
    await expect.poll(problemsState, { timeout: 15_000 }).toBe('ok');
    await page.getByTestId('version-message').fill('only ids above 10');
    await page.getByTestId('version-message').press('ControlOrMeta+s');
    await expect.poll(saveStatus, { timeout: 15_000 }).toBe('v2 saved');
    expect(await page.getByTestId('version-message').inputValue()).toBe('');
    const saved = await apiGet<JobVersionList>(`/jobs/${jobId}/versions`);
    expect(saved.items.map((v) => [v.version, v.message, v.createdBy])).toEqual([
      [2, 'only ids above 10', DEMO.adminEmail],
      [1, 'first cut', DEMO.adminEmail],
    ]);

    // v1 runs while v2 is the latest: the history says which one is deployed.
    const deployment = await apiWrite<Deployment>('POST', `/jobs/${jobId}/deploy`, { version: 1 }, 201);

    await page.goto(`${stack.consoleUrl}/jobs/${jobId}`);
    await page.getByTestId('tab-versions').click();
    const rows = page.getByTestId('version-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.getByTestId('version-message').allTextContents()).toEqual(['only ids above 10', 'first cut']);
    const row = (version: number) => page.locator(`[data-testid="version-row"][data-version="${version}"]`);
    await expect.poll(() => row(1).getByTestId('version-deployed').textContent().catch(() => null), { timeout: 30_000 }).toBe('RUNNING');
    expect(await row(2).getByTestId('version-deployed').count()).toBe(0);
    await row(1).getByTestId('version-compare').check();
    await row(2).getByTestId('version-compare').check();
    const diff = page.getByTestId('version-diff');
    await expect.poll(() => diff.getAttribute('data-pair').catch(() => null), { timeout: 10_000 }).toBe('1:2');
    const modified = diff.locator('.editor.modified');
    await modified.locator('.view-lines').waitFor({ timeout: 30_000 });
    // Monaco computes the diff in a worker and paints its decorations a frame later.
    await modified.locator('.line-insert').first().waitFor({ state: 'attached', timeout: 15_000 });
    expect(await modified.locator('.line-insert').count()).toBe(1);
    expect(await diff.locator('.editor.original .line-delete').count()).toBe(1);
    expect((await modified.locator('.view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('WHERE id > 10');
    expect(await diff.getByTestId('version-diff-counts').textContent()).toBe('+1 −1 lines');
    await screenshot('40-version-diff');

    await row(1).getByTestId('rollback-button').click();
    const dialog = page.getByTestId('rollback-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('v3');
    await screenshot('41-rollback-dialog');
    await page.getByTestId('rollback-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByTestId('rollback-notice').textContent()).toContain('v3 saved with the SQL of v1');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    expect(await row(3).getByTestId('version-message').textContent()).toBe('roll back to version 1');
    expect(await row(3).getByTestId('rollback-button').count()).toBe(0);
    expect((await apiJob(jobId)).latestVersion).toMatchObject({ version: 3, sql: VERSION_1.join('\n') });
    await screenshot('42-rolled-back');
    // Unticking unmounts the diff editor, which must release its models without Monaco complaining.
    await row(1).getByTestId('version-compare').uncheck();
    await diff.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByText('Tick two versions to see them side by side.').waitFor();

    // A colleague saves v4 while the editor holds v3: the save is refused, naming who and when.
    await page.goto(`${stack.consoleUrl}/jobs/${jobId}/edit`);
    await expect.poll(editorText, { timeout: 30_000 }).toContain('INSERT INTO snk SELECT id, v FROM src;');
    await apiSave(jobId, COLLEAGUE_SQL, 3, 'slower source');
    await typeSql(VERSION_2);
    await page.getByTestId('save-button').click();
    const conflict = page.getByTestId('save-conflict');
    await conflict.waitFor({ timeout: 15_000 });
    const refusal = (await conflict.getByTestId('save-conflict-message').textContent()) ?? '';
    expect(refusal).toContain(`version 4 was saved by ${DEMO.adminEmail} at `);
    expect(refusal).toMatch(/ at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z, after version 3 you started from/);
    await screenshot('43-save-conflict');
    await page.getByTestId('conflict-reload').click();
    await conflict.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(editorText, { timeout: 10_000 }).toContain("'rows-per-second' = '500'");
    expect(await page.getByTestId('save-button').isDisabled()).toBe(true);

    // Again, and this time the editor's text wins as the version after the colleague's.
    await apiSave(jobId, VERSION_1.join('\n'), 4, 'back to 2000 rows/s');
    await typeSql(VERSION_2);
    await page.getByTestId('version-message').fill('mine after all');
    await page.getByTestId('save-button').click();
    await conflict.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('conflict-reload').textContent()).toBe('Reload v5');
    await page.getByTestId('conflict-overwrite').click();
    await expect.poll(saveStatus, { timeout: 15_000 }).toBe('v6 saved');
    expect((await apiJob(jobId)).latestVersion).toMatchObject({ version: 6, sql: VERSION_2.join('\n'), message: 'mine after all' });
    // Saving never touched the deployment: it still runs v1 until someone deploys again.
    expect((await apiJob(jobId)).deployment).toMatchObject({ id: deployment.id, version: 1 });
    await apiWrite<Deployment>('POST', `/deployments/${deployment.id}/stop`, {}, 200);
    page.off('pageerror', onPageError);
    expect(pageErrors).toEqual([]);
  });

  it('deploys through the dialog with 1 s checkpoints, charts them, takes a savepoint, stops with one and restores it', async () => {
    const created = await fetch(`${stack.apiUrl}/api/v1/jobs`, {
      method: 'POST',
      headers: { ...apiAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `e2e-ft-${randomBytes(4).toString('hex')}`, sql: AGGREGATE_SQL }),
    });
    expect(created.status).toBe(201);
    const job = (await created.json()) as Job;
    await page.goto(`${stack.consoleUrl}/jobs/${job.id}`);
    const badge = page.getByTestId('status-badge');
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toBe('NOT DEPLOYED');

    // The dialog refuses what the API would, by field, before sending anything.
    await page.getByTestId('deploy-button').click();
    const dialog = page.getByTestId('deploy-dialog');
    await dialog.waitFor();
    await page.getByTestId('deploy-memoryLimitMb').fill('10');
    await page.getByTestId('deploy-submit').click();
    expect(await dialog.getByTestId('field-error').textContent()).toBe('at least 64');
    // What only the API knows comes back as its error, code first, and the dialog stays open.
    await page.getByTestId('deploy-memoryLimitMb').fill('512');
    await page.getByTestId('deploy-restore').selectOption('LATEST_SAVEPOINT');
    await page.getByTestId('deploy-submit').click();
    const apiError = dialog.getByTestId('error-banner');
    await apiError.waitFor({ timeout: 10_000 });
    expect(await apiError.textContent()).toContain('NOT_FOUND');
    expect(await apiError.textContent()).toContain('no completed savepoint');
    await screenshot('10a-deploy-api-error');
    await page.getByTestId('deploy-restore').selectOption('NONE');
    await page.getByTestId('deploy-checkpointIntervalS').fill('1');
    await page.getByTestId('deploy-checkpointMode').selectOption('EXACTLY_ONCE');
    await page.getByTestId('deploy-restart').selectOption('fixed-delay');
    await page.getByTestId('deploy-restartAttempts').fill('3');
    await page.getByTestId('deploy-restartDelayS').fill('0.5');
    await screenshot('10-deploy-dialog');
    await page.getByTestId('deploy-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('RUNNING');
    const deploymentId = (await apiJob(job.id)).deployment!.id;
    const deployed = await apiGet<Deployment>(`/deployments/${deploymentId}`);
    expect(deployed.config).toMatchObject({ memoryLimitMb: 512, checkpointing: { intervalMs: 1000, mode: 'EXACTLY_ONCE' }, restartStrategy: { kind: 'fixed-delay', attempts: 3, delayMs: 500 } });

    // At a glance: attempt 1 and a checkpoint a moment ago.
    expect(await page.getByTestId('attempt').textContent()).toBe('attempt 1');
    await expect.poll(() => page.getByTestId('last-checkpoint').getAttribute('data-freshness'), { timeout: 15_000 }).toBe('fresh');

    await page.getByTestId('tab-checkpoints').click();
    const rows = page.getByTestId('checkpoint-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-testid="checkpoint-duration-chart"] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="checkpoint-size-chart"] canvas').count()).toBeGreaterThan(0);
    expect(await rows.first().getAttribute('data-status')).toBe('COMPLETED');
    await screenshot('11-checkpoints');

    await page.getByTestId('savepoint-button').click();
    const notice = page.getByTestId('savepoint-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/^Savepoint #\d+ written/);
    const savepointRows = page.locator('[data-testid="checkpoint-row"][data-kind="SAVEPOINT"]');
    await expect.poll(() => savepointRows.count(), { timeout: 10_000 }).toBe(1);
    await screenshot('12-savepoint');

    await page.getByTestId('stop-button').click();
    await page.getByTestId('stop-savepoint').check();
    expect(await page.getByTestId('stop-submit').textContent()).toBe('Stop with savepoint');
    await screenshot('13-stop-dialog');
    await page.getByTestId('stop-submit').click();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('STOPPED');
    await expect.poll(() => savepointRows.count(), { timeout: 10_000 }).toBe(2);
    const savepoints = await apiGet<JobSavepointList>(`/jobs/${job.id}/savepoints`);
    expect(savepoints.items).toHaveLength(2);
    await screenshot('14-stopped-with-savepoint');

    await page.getByTestId('tab-failovers').click();
    await page.getByTestId('failovers-tab').waitFor();
    expect(await page.getByTestId('failover-row').count()).toBe(0);

    // The savepoint list of the deploy dialog offers both; deploying from the newest restores it.
    await page.getByTestId('deploy-button').click();
    // A redeploy starts from the previous deployment's choices.
    expect(await page.getByTestId('deploy-checkpointIntervalS').inputValue()).toBe('1');
    expect(await page.getByTestId('deploy-restart').inputValue()).toBe('fixed-delay');
    await page.getByTestId('deploy-restore').selectOption('SAVEPOINT');
    const options = page.getByTestId('savepoint-option');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBe(2);
    await page.getByTestId('deploy-submit').click();
    expect(await dialog.getByTestId('field-error').textContent()).toBe('choose a savepoint');
    await options.first().click();
    await screenshot('15-restore-dialog');
    await page.getByTestId('deploy-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('RUNNING');
    const restored = await apiGet<Deployment>(`/deployments/${(await apiJob(job.id)).deployment!.id}`);
    expect(restored.id).not.toBe(deploymentId);
    expect(restored.currentRun?.restoredCheckpointId).toBe(savepoints.items[0]!.checkpointId);
    expect(restored.config).toMatchObject({ memoryLimitMb: 512, checkpointing: { intervalMs: 1000 }, restore: { kind: 'SAVEPOINT', savepointId: savepoints.items[0]!.id } });
    await page.getByTestId('tab-overview').click();
    await expect.poll(() => page.getByTestId('restored-from').textContent(), { timeout: 10_000 }).toBe(`#${savepoints.items[0]!.checkpointId}`);
    await page.waitForTimeout(2000);
    await screenshot('16-restored');

    // kill -9 of the worker: the run comes back as attempt 2, and the FailOver tab says why.
    const worker = stack.processes.find((p) => p.name === 'worker');
    process.kill(worker!.pid()!, 'SIGKILL');
    await expect.poll(() => page.getByTestId('attempt').textContent(), { timeout: 30_000 }).toBe('attempt 2');
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('RUNNING');
    await page.getByTestId('tab-failovers').click();
    const failover = page.getByTestId('failover-row');
    await expect.poll(() => failover.count(), { timeout: 10_000 }).toBe(1);
    expect(await failover.textContent()).toContain('WORKER_LOST');
    await expect.poll(() => failover.locator('td').last().textContent(), { timeout: 10_000 }).toMatch(/\d+(\.\d)? (ms|s)$/);
    await screenshot('17-failover');

    // Suspend takes a savepoint and stops; Resume starts again from it.
    await page.getByTestId('suspend-button').click();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('SUSPENDED');
    // A suspended deployment may also be replaced by a new deploy.
    expect(await page.getByTestId('deploy-button').isEnabled()).toBe(true);
    await page.waitForTimeout(300);
    await screenshot('18-suspended');
    await page.getByTestId('resume-button').click();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('RUNNING');
    expect(await page.getByTestId('attempt').textContent()).toBe('attempt 3');

    await page.getByTestId('stop-button').click();
    await page.getByTestId('stop-submit').click();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('STOPPED');
  });

  it('debugs a windowed aggregate on typed rows, saves them as a fixture, compares the fixed version on it and deploys the fix', async () => {
    const windowed = (filter: string) => [
      "CREATE TABLE bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '50');",
      "CREATE TABLE totals (auction BIGINT, window_start TIMESTAMP(3), total BIGINT) WITH ('connector' = 'blackhole');",
      `INSERT INTO totals SELECT auction, window_start, SUM(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) WHERE ${filter} GROUP BY auction, window_start, window_end;`,
    ];
    const created = await fetch(`${stack.apiUrl}/api/v1/jobs`, {
      method: 'POST',
      headers: { ...apiAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `e2e-debug-${randomBytes(4).toString('hex')}`, sql: windowed('price > 10').join('\n') }),
    });
    const job = (await created.json()) as Job;
    await page.goto(`${stack.consoleUrl}/jobs/${job.id}/edit`);
    await page.locator('[data-testid="sql-editor"] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('debug-toggle').click();
    const panel = page.getByTestId('debug-panel');
    const input = panel.getByTestId('debug-input-bids');
    await input.waitFor({ timeout: 15_000 });
    const rows = [
      ['1', '10', '2026-01-01 10:00:01'],
      ['1', '30', '2026-01-01 10:00:05'],
      ['2', '7', '2026-01-01 10:00:12'],
    ];
    for (const [i, [auction, price, ts]] of rows.entries()) {
      if (i > 0) await input.getByTestId('debug-input-bids-add-row').click();
      await input.getByTestId(`debug-input-bids-cell-${i}-auction`).fill(auction!);
      await input.getByTestId(`debug-input-bids-cell-${i}-price`).fill(price!);
      await input.getByTestId(`debug-input-bids-cell-${i}-ts`).fill(ts!);
    }
    await panel.getByTestId('debug-run').click();
    const result = panel.getByTestId('debug-rows-totals');
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => panel.getByTestId('debug-status').textContent()).toContain('FINISHED');
    // The bug: a bid of exactly 10 is dropped, so auction 1 totals 30 and auction 2 has no window.
    expect(await result.locator('tbody tr').allTextContents()).toEqual(['12026-01-01 10:00:0030']);
    expect(await panel.getByTestId('debug-vertices').textContent()).toContain('Source: bids');
    await screenshot('30-debug-v1');

    await panel.getByTestId('fixture-name').fill('three bids');
    await panel.getByTestId('save-fixture').click();
    await expect.poll(() => panel.getByTestId('debug-input-bids-mode').locator('option[value="fixture"]').count(), { timeout: 10_000 }).toBe(1);

    await typeSql(windowed('price >= 5'));
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('v2 saved');
    await panel.getByTestId('debug-input-bids-mode').selectOption('fixture');
    await panel.getByTestId('debug-run').click();
    await expect.poll(async () => (await result.locator('tbody tr').allTextContents()).sort(), { timeout: 60_000 }).toEqual(['12026-01-01 10:00:0040', '22026-01-01 10:00:107']);
    expect(await panel.getByTestId('debug-status').textContent()).toContain('bids: 3 rows (fixture)');

    const earlier = panel.getByTestId('compare-with').locator('option').nth(1);
    await panel.getByTestId('compare-with').selectOption((await earlier.getAttribute('value')) ?? '');
    await panel.getByTestId('compare-button').click();
    const comparison = panel.getByTestId('debug-comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toMatch(/1 only in v1 · .* · 2 only in v2/);
    expect(await comparison.getByTestId('debug-only-a-totals').locator('tbody tr').allTextContents()).toEqual(['12026-01-01 10:00:0030']);
    expect((await comparison.getByTestId('debug-only-b-totals').locator('tbody tr').allTextContents()).sort()).toEqual(['12026-01-01 10:00:0040', '22026-01-01 10:00:107']);
    await comparison.scrollIntoViewIfNeeded();
    await screenshot('31-debug-compare');

    await page.getByTestId('deploy-button').click();
    await page.waitForURL(new RegExp(`/jobs/${job.id}$`), { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 30_000 }).toBe('RUNNING');
    expect((await apiJob(job.id)).deployment).toMatchObject({ version: 2 });
    await page.getByTestId('stop-button').click();
    await page.getByTestId('stop-submit').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 30_000 }).toBe('STOPPED');
  });

  it('creates an API token shown once, adds a viewer who cannot deploy, sets a secret, and lists it all in the audit log', async () => {
    await page.goto(`${stack.consoleUrl}/tokens`);
    await page.getByTestId('create-token-form').waitFor();
    await page.locator('input[name="name"]').fill('e2e-ci');
    await page.getByTestId('create-token-form').locator('button[type="submit"]').click();
    const secret = page.getByTestId('secret-value');
    await expect.poll(() => secret.textContent(), { timeout: 15_000 }).toMatch(/^weir_pat_/);
    const token = (await secret.textContent()) ?? '';
    const viaToken = await fetch(`${stack.apiUrl}/api/v1/jobs`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.status).toBe(200);
    await expect.poll(() => page.getByTestId('token-row').count(), { timeout: 10_000 }).toBe(1);
    await screenshot('20-token-created');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('token-row').first().textContent()).not.toContain(token);

    await page.goto(`${stack.consoleUrl}/members`);
    const form = page.getByTestId('add-member-form');
    await form.waitFor();
    await form.locator('input[name="email"]').fill('viewer@e2e.example');
    await form.locator('select[name="role"]').selectOption('VIEWER');
    await form.locator('input[name="password"]').fill('viewer-password');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('member-row').count(), { timeout: 15_000 }).toBe(2);
    await screenshot('21-members');

    const browser = await chromium.launch(CHROMIUM);
    try {
      const viewer = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      await viewer.goto(`${stack.consoleUrl}/jobs`);
      await signIn(viewer, 'viewer@e2e.example', 'viewer-password');
      await viewer.waitForURL(/\/jobs$/, { timeout: 30_000 });
      await viewer.getByTestId('job-row').first().waitFor({ timeout: 15_000 });
      expect(await viewer.getByTestId('new-job-button').getAttribute('aria-disabled')).toBe('true');
      await viewer.getByTestId('job-row').first().locator('a').first().click();
      await viewer.waitForURL(/\/jobs\/[^/]+$/);
      const deploy = viewer.getByTestId('deploy-button');
      await deploy.waitFor();
      expect(await deploy.isDisabled()).toBe(true);
      expect(await deploy.getAttribute('title')).toBe('Needs the editor role; you are viewer here');
      await screenshot('22-viewer-job', viewer);
      await viewer.goto(`${stack.consoleUrl}/audit`);
      await expect.poll(() => viewer.locator('h1').textContent(), { timeout: 15_000 }).toBe('Audit log');
      expect(await viewer.getByTestId('audit-table').count()).toBe(0);
    } finally {
      await browser.close();
    }

    await page.goto(`${stack.consoleUrl}/secrets`);
    const secretForm = page.getByTestId('secret-form');
    await secretForm.waitFor();
    await secretForm.locator('input[name="name"]').fill('E2E_PASSWORD');
    await secretForm.locator('input[name="value"]').fill('e2e-hidden-value');
    await secretForm.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('secret-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('secret-row').textContent()).toContain("'${secret.E2E_PASSWORD}'");
    expect(await page.content()).not.toContain('e2e-hidden-value');
    await screenshot('24-secrets');

    await page.goto(`${stack.consoleUrl}/audit`);
    const actions = page.getByTestId('audit-action');
    await actions.first().waitFor({ timeout: 15_000 });
    const seen = new Set(await actions.allTextContents());
    for (const action of ['auth.login', 'auth.login_failed', 'job.create', 'deployment.create', 'deployment.stop', 'savepoint.trigger', 'token.create', 'member.add', 'secret.create']) expect(seen).toContain(action);
    await screenshot('23-audit');
    await page.getByTestId('audit-filters').locator('input[name="action"]').fill('token.');
    await page.getByTestId('audit-filters').locator('button[type="submit"]').click();
    await expect.poll(async () => [...new Set(await actions.allTextContents())], { timeout: 15_000 }).toEqual(['token.create']);
  });
  it("gives the workspace an exclusive pool whose join token a worker joins with, and moves it back", async () => {
    const accept = (dialog: { accept: () => Promise<void> }) => void dialog.accept();
    page.on('dialog', accept);
    try {
      await page.goto(`${stack.consoleUrl}/pool`);
      const exclusive = page.getByTestId('pool-mode-exclusive');
      await expect.poll(() => page.getByTestId('pool-mode-shared').textContent(), { timeout: 15_000 }).toContain('in use');
      await exclusive.getByRole('button', { name: 'Use' }).click();
      await expect.poll(() => exclusive.textContent(), { timeout: 15_000 }).toContain('in use');
      expect(await page.getByTestId('pool-queue').textContent()).toMatch(/^weir-pool-ws-/);

      const form = page.getByTestId('create-join-token-form');
      await form.locator('input[name="name"]').fill('e2e-rack');
      await form.locator('button[type="submit"]').click();
      const secret = page.getByTestId('secret-value');
      await expect.poll(() => secret.textContent(), { timeout: 15_000 }).toMatch(/^weir_join_/);
      const joined = await fetch(`${stack.apiUrl}/api/v1/pools/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ joinToken: await secret.textContent(), workerId: 'e2e-worker' }),
      });
      expect(joined.status).toBe(200);
      expect(((await joined.json()) as { queue: string }).queue).toBe(await page.getByTestId('pool-queue').textContent());
      await page.getByRole('button', { name: 'Done' }).click();
      await page.reload();
      await expect.poll(() => page.getByTestId('join-token-row').first().textContent(), { timeout: 15_000 }).toContain('e2e-worker');
      await screenshot('25-worker-pool');

      await page.getByTestId('join-token-row').first().getByRole('button', { name: 'Revoke' }).click();
      await expect.poll(() => page.getByTestId('join-token-row').first().textContent(), { timeout: 15_000 }).toContain('revoked');
      await page.getByTestId('pool-mode-shared').getByRole('button', { name: 'Use' }).click();
      await expect.poll(() => page.getByTestId('pool-mode-shared').textContent(), { timeout: 15_000 }).toContain('in use');
    } finally {
      page.off('dialog', accept);
    }
  });
  it('onboards a NATS subject carrying JSON through the wizard, then writes a job on the table by name, validates and deploys it', async () => {
    const stream = `E2E_${randomBytes(4).toString('hex').toUpperCase()}`;
    const subject = `${stream.toLowerCase()}.orders`;
    const nc = await connectNats({ servers: 'nats://127.0.0.1:4222' });
    try {
      await (await nc.jetstreamManager()).streams.add({ name: stream, subjects: [`${stream.toLowerCase()}.>`] });
      for (let id = 1; id <= 5; id++) await nc.jetstream().publish(subject, JSON.stringify({ id, item: `item-${id}`, customer: { name: `c${id}` } }));

      await page.goto(`${stack.consoleUrl}/connections`);
      await page.getByTestId('new-connection-button').click();
      await page.getByTestId('connection-name').fill('e2e-bus');
      await page.getByTestId('connection-type').selectOption('nats');
      await page.getByTestId('connection-option-servers').fill('nats://127.0.0.1:4222');
      await page.getByTestId('connection-form').locator('button[type="submit"]').click();
      const row = page.getByTestId('connection-row').filter({ hasText: 'e2e-bus' });
      await row.waitFor({ timeout: 15_000 });
      await row.getByTestId('test-connection').click();
      await expect.poll(() => row.getByTestId('test-result').getAttribute('data-ok').catch(() => null), { timeout: 15_000 }).toBe('true');
      await screenshot('30-connections');

      await row.getByRole('link', { name: 'Add table' }).click();
      await page.waitForURL(/\/tables\/new\?connection=/);
      await page.getByTestId('wizard-object').fill(subject);
      await page.getByTestId('wizard-sample').click();
      await expect.poll(() => page.getByTestId('sample-row').count(), { timeout: 15_000 }).toBe(5);
      expect(await page.getByTestId('wizard-columns').textContent()).toContain('customer ROW<`name` STRING>');
      await page.getByTestId('wizard-table-name').fill('e2e_orders');
      await page.locator('[data-testid="sql-editor"] .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
      await page.getByTestId('wizard-preview').click();
      await expect.poll(() => page.getByTestId('wizard-preview-result').locator('h3').textContent().catch(() => null), { timeout: 15_000 }).toBe('Read with this DDL: 5 of 5 messages');
      await screenshot('31-onboarding-wizard');
      await page.getByTestId('wizard-register').click();
      await page.waitForURL(/\/tables\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toContain('e2e_orders');
      await page.getByTestId('table-sample-button').click();
      await expect.poll(() => page.getByTestId('table-sample').getByTestId('sample-row').count(), { timeout: 15_000 }).toBe(5);
      await screenshot('32-table');

      await page.goto(`${stack.consoleUrl}/jobs/new?template=blank`);
      await page.getByTestId('job-name').fill(`e2e-catalog-${randomBytes(3).toString('hex')}`);
      await typeSql(["CREATE TABLE snk (id INT, item STRING, who STRING) WITH ('connector' = 'blackhole');", 'INSERT INTO snk SELECT id, item, customer.name FROM e2e_orders;']);
      await expect.poll(problemsState, { timeout: 15_000 }).toBe('ok');
      await page.getByTestId('save-button').click();
      await expect.poll(() => page.getByTestId('save-status').textContent().catch(() => null), { timeout: 15_000 }).toBe('v1 saved');
      await page.getByTestId('deploy-button').click();
      await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: 15_000 });
      await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 30_000 }).toBe('RUNNING');
      const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
      expect((await apiJob(jobId)).deployment?.status).toBe('RUNNING');

      await page.goto(`${stack.consoleUrl}/lineage`);
      const tableNode = page.locator('[data-testid="lineage-table"][data-name="e2e_orders"]');
      await tableNode.waitFor({ timeout: 15_000 });
      await tableNode.click();
      await expect.poll(() => page.getByTestId('lineage-use').first().textContent(), { timeout: 10_000 }).toContain('read by');
      await screenshot('33-lineage');
      await page.goto(`${stack.consoleUrl}/jobs/${jobId}`);
      await page.getByTestId('stop-button').click();
      await page.getByTestId('stop-submit').click();
      await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 30_000 }).toBe('STOPPED');
    } finally {
      await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
      await nc.close();
    }
  });
});
