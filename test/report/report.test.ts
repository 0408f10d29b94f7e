import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let dir = '';
let server: Server;
let url = '';
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cv-report-'));
  execFileSync(process.execPath, [join(root, 'scripts/build-report.mjs'), dir], { stdio: 'pipe' });
  // a static file host and nothing more
  server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]!) === '/' ? 'index.html' : decodeURIComponent(req.url!.split('?')[0]!));
    if (!path.startsWith(dir) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  // Debian's chromium (.ci/run installs it); flags for a machine without outside network
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the report page, in a real headless browser', () => {
  it('takes the shipped CDNOW sample, runs the library in a worker and shows every section, with a download of the per-customer table', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.setInputFiles('#transactions', join(root, 'data/cdnow-sample.csv'));
    await page.waitForSelector('body[data-state="done"]', { timeout: 90_000 });
    expect(await page.textContent('#columns')).toContain('customer id "customerId", date "date", amount "amount"');
    expect(await page.textContent('#summary')).toContain('2,357');
    expect(await page.textContent('#summary')).toContain('0.631'); // the Gini abc gives
    const segments = await page.textContent('#segments');
    for (const s of ['Champions', 'Loyal Customers', 'Hibernating']) expect(segments).toContain(s);
    expect(await page.locator('#segments svg').count()).toBe(2);
    expect(await page.locator('#tiers tbody tr').count()).toBe(3);
    expect(await page.locator('#tiers svg').count()).toBe(2);
    expect(await page.locator('#clv > table').nth(1).locator('tbody tr').count()).toBe(20);
    expect(await page.textContent('#clv')).toContain('BG/NBD');
    expect(await page.locator('#dashboard svg').count()).toBe(1);
    expect(await page.textContent('#dashboard')).toContain('Value-chain dashboard');
    expect(await page.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]!.split(',').slice(0, 2)).toEqual(['customerId', 'frequency']);
    expect(csv.length).toBe(2358);
    expect(errors, errors.join(" | ")).toEqual([]);
    await page.close();
  }, 120_000);

  it('takes an interactions file too: the value chain then counts touches and campaigns', async () => {
    const { simulateCrmHistory, toRows } = await import('../../src/index.js');
    const crm = simulateCrmHistory({ customers: 300, days: 365, seed: 4 });
    const csv = (rows: Array<Record<string, unknown>>): string => [Object.keys(rows[0]!).join(','), ...rows.map((r) => Object.values(r).map((v) => (v === null || v === undefined ? '' : String(v))).join(','))].join('\n');
    const txFile = join(dir, 'crm-transactions.csv');
    const ixFile = join(dir, 'crm-interactions.csv');
    writeFileSync(txFile, csv(toRows(crm.transactions)));
    writeFileSync(ixFile, csv(toRows(crm.interactions)));
    const page = await browser.newPage();
    await page.goto(url);
    await page.setInputFiles('#interactions', ixFile);
    await page.setInputFiles('#transactions', txFile);
    await page.waitForSelector('body[data-state="done"]', { timeout: 90_000 });
    const dashboard = await page.textContent('#dashboard');
    expect(dashboard).toContain('Campaigns');
    expect(dashboard).toContain('CMP01');
    await page.close();
  }, 120_000);

  it('names what is missing when the file has no amount column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'customerId,date,qty\na,2024-01-01,2\n');
    const page = await browser.newPage();
    await page.goto(url);
    await page.setInputFiles('#transactions', bad);
    await page.waitForSelector('body[data-state="error"]', { timeout: 30_000 });
    expect(await page.textContent('#error')).toMatch(/no amount column; the header has customerId, date, qty/);
    expect(await page.locator('#results').isHidden()).toBe(true);
    await page.close();
  }, 60_000);
});
