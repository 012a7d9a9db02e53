import { createPgliteTestDatabase, type TestDatabase } from '@wecena/testkit';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../dashboard-routes';
import { chromiumPath, launchDashboardBrowser, serveOnLoopback, type DashboardBrowser, type ServedDashboard } from '../testing/browser';
import { insertSampleData } from '../testing/sample-data';

const executablePath = chromiumPath();
// Screenshots for a person to look at, written only when asked: WECENA_SCREENSHOT_DIR=/tmp/shots.
const screenshotDir = process.env.WECENA_SCREENSHOT_DIR;

interface PageLayout {
  scrollWidth: number;
  stylesheets: number;
  headings: number;
}

const VIEWPORTS = [
  { viewport: 'desktop', width: 1280, height: 900 },
  { viewport: 'phone', width: 390, height: 844 },
];
const PAGES = [
  { page: 'home', path: '/', status: 200 },
  { page: 'reference', path: '/api/v1/reference', status: 200 },
  { page: 'not-found', path: '/no/such/page', status: 404 },
];
const CASES = PAGES.flatMap((page) => VIEWPORTS.map((viewport) => ({ ...page, ...viewport })));

describe.skipIf(executablePath === null)('the dashboard pages in chromium', () => {
  let test: TestDatabase;
  let served: ServedDashboard;
  let browser: DashboardBrowser;

  beforeAll(async () => {
    test = await createPgliteTestDatabase();
    await insertSampleData(test.db);
    served = await serveOnLoopback(dashboardRoutes({ db: test.db }));
    browser = await launchDashboardBrowser(executablePath ?? '');
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await test?.dispose();
  });

  it.each(CASES)('$page fits a $viewport screen ($width px) without sideways scrolling, styled, with no blocked resource', async (testCase) => {
    const page = await browser.visit(served, { width: testCase.width, height: testCase.height });
    const url = `${served.origin}${testCase.path}`;
    // Anything blocked or failing besides the page itself: a CSP refusal, a missing asset, a request out.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('requestfailed', (request) => problems.push(`${request.url()} failed`));
    page.on('response', (response) => {
      if (response.url() !== url && response.status() >= 400) problems.push(`${response.url()} answered ${response.status()}`);
    });

    const response = await page.goto(url);
    // A string, run in the page: this package's TypeScript has no DOM types.
    const layout = await page.evaluate<PageLayout>(`({
      scrollWidth: document.documentElement.scrollWidth,
      stylesheets: document.styleSheets.length,
      headings: document.querySelectorAll('h1').length,
    })`);
    if (screenshotDir !== undefined) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `${testCase.page}-${testCase.viewport}.png`), fullPage: true });
    }
    await page.close();

    expect(response?.status()).toBe(testCase.status);
    expect(layout.scrollWidth).toBeLessThanOrEqual(testCase.width);
    expect(layout.stylesheets).toBe(1);
    expect(layout.headings).toBe(1);
    expect(problems).toEqual([]);
  });
});
