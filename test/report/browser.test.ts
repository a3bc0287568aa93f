/**
 * The review page and the HTML matrix in a real browser: Debian's chromium, headless, driven by
 * playwright-core. Screenshots go to test-reports/ (ignored by git). `.ci/run` installs chromium.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, chromium } from 'playwright-core';
import { EXAMPLE_DIST, ROOT, runCli } from '../cli/run-cli';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = path.join(ROOT, 'test-reports');

jest.setTimeout(120_000);

let browser: BrowserContext;
let profile: string;
let work: string;

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true); // apt-get install -y chromium (.ci/run does it)
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-chromium-'));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-pages-'));
  // A fresh profile per run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, offline: true });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

/** Opens a page file offline: every request other than the file itself fails the test. */
async function open(file: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);
  return { page, requests };
}

describe('the review report in chromium', () => {
  test('shows the summary counts, one SVG node per endpoint of the graph, the findings and the policies, offline', async () => {
    // GIVEN
    const file = path.join(work, 'report.html');
    expect(runCli(['report', EXAMPLE_DIST, '-o', file]).code).toBe(0);
    // WHEN
    const { page, requests } = await open(file);
    // THEN
    const count = async (id: string) => Number(await page.locator(`[data-count="${id}"] .count-n`).textContent());
    expect(await count('from-outside')).toBeGreaterThan(0);
    expect(await count('to-internet')).toBeGreaterThan(0);
    expect(await count('cross-namespace')).toBeGreaterThan(0);
    expect(await count('unisolated')).toBe(0); // every workload of the example app is isolated
    const nodes = await page.locator('.graph svg g.node title').allTextContents();
    for (const workload of ['monitoring/grafana', 'monitoring/prometheus', 'shop/api', 'shop/db', 'shop/web']) {
      expect(nodes).toContain(workload);
    }
    expect(nodes.length).toBe(Number((await page.locator('#graph + p').textContent())!.match(/(\d+) endpoint/)![1]));
    expect(await page.locator('section.policy h3').allTextContents()).toContain('shop/api-allow-from-web');
    expect(await page.locator('.graph svg').boundingBox()).not.toBeNull();
    expect(requests).toEqual([`file://${file}`]);
    await page.screenshot({ path: path.join(SHOTS, 'report.png'), fullPage: true });
  });

  test('shows the changes against a base with two inputs', async () => {
    // GIVEN
    const file = path.join(work, 'diff.html');
    expect(runCli(['report', 'test/fixtures/cli/before.yaml', 'test/fixtures/cli/after.yaml', '-o', file]).code).toBe(0);
    // WHEN
    const { page } = await open(file);
    // THEN
    expect(await page.locator('#diff').textContent()).toBe('Changes');
    expect(Number((await page.locator('[data-count="changes"]').textContent())!.match(/^(\d+)/)![1])).toBeGreaterThan(0);
    expect(await page.locator('table.diff tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(SHOTS, 'report-diff.png'), fullPage: true });
  });
});

describe('unknown verdicts in chromium', () => {
  test('the report marks unknown cells amber with a ? and counts the unknown flows apart; so does the HTML matrix', async () => {
    // GIVEN shop/web's HTTPS to the internet is unknown (a domainNames Accept of a cluster-wide policy)
    const report = path.join(work, 'unknown-report.html');
    const matrix = path.join(work, 'unknown-matrix.html');
    expect(runCli(['report', 'test/fixtures/cli/tiers-unknown.yaml', '-o', report]).code).toBe(0);
    fs.writeFileSync(matrix, runCli(['matrix', 'test/fixtures/cli/tiers-unknown.yaml', '-f', 'html']).stdout);
    for (const file of [report, matrix]) {
      // WHEN
      const { page, requests } = await open(file);
      // THEN
      const cell = page.locator('td.unknown').first();
      expect(await cell.textContent()).toBe('?');
      expect(await cell.getAttribute('title')).toMatch(/^shop\/web -> ip:203\.0\.113\.7: unknown/);
      expect(await cell.evaluate((td) => (globalThis as any).getComputedStyle(td).backgroundColor)).toBe('rgb(154, 103, 0)');
      expect(await page.locator('p.count').first().textContent()).toMatch(/, 1 unknown/);
      expect(requests).toEqual([`file://${file}`]);
      if (file === report) {
        expect(await page.locator('[data-count="unknown"] .count-n').textContent()).toBe('1');
        expect(await page.locator('[data-count="unknown"] .unknown-flow').textContent()).toBe('unknown: 443');
        expect(await page.locator('[data-count="to-internet"]').textContent()).not.toContain('shop/web');
      }
      await page.screenshot({ path: path.join(SHOTS, `${path.basename(file, '.html')}.png`), fullPage: true });
    }
  });
});

describe('the HTML matrix in chromium', () => {
  test('renders one table per group of ports, allowed cells green', async () => {
    // GIVEN
    const file = path.join(work, 'matrix.html');
    const run = runCli(['matrix', EXAMPLE_DIST, '--port', '8080,5432', '-f', 'html']);
    fs.writeFileSync(file, run.stdout);
    // WHEN
    const { page, requests } = await open(file);
    // THEN
    expect(await page.locator('h2').allTextContents()).toEqual(['TCP 8080', 'TCP 5432']);
    const allowed = page.locator('td.allow').first();
    expect(await allowed.evaluate((td) => (globalThis as any).getComputedStyle(td).backgroundColor)).toBe('rgb(45, 164, 78)');
    expect(requests).toEqual([`file://${file}`]);
    await page.screenshot({ path: path.join(SHOTS, 'matrix.png'), fullPage: true });
  });
});
