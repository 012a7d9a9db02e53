import { createPgliteTestDatabase, type TestDatabase } from '@wecena/testkit';
import type { Hono } from 'hono';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../dashboard-routes';
import { DASHBOARD_ORIGIN, chromiumPath, launchDashboardBrowser, type DashboardBrowser } from '../testing/browser';
import { insertSampleData } from '../testing/sample-data';

const executablePath = chromiumPath();
// Screenshots for a person to look at, written only when asked: WECENA_SCREENSHOT_DIR=/tmp/shots.
const screenshotDir = process.env.WECENA_SCREENSHOT_DIR;

interface PageLayout {
  scrollWidth: number;
  stylesheets: number;
  readyTasks: number;
}

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

describe.skipIf(executablePath === null)('the home page in chromium', () => {
  let test: TestDatabase;
  let app: Hono;
  let browser: DashboardBrowser;

  beforeAll(async () => {
    test = await createPgliteTestDatabase();
    await insertSampleData(test.db);
    app = dashboardRoutes({ db: test.db });
    browser = await launchDashboardBrowser(executablePath ?? '');
  });
  afterAll(async () => {
    await browser?.close();
    await test?.dispose();
  });

  it.each(VIEWPORTS)('fits a $name screen ($width px) without sideways scrolling, styled, with no blocked resource', async (viewport) => {
    const page = await browser.open(app, viewport);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });

    const response = await page.goto(`${DASHBOARD_ORIGIN}/`);
    // A string, run in the page: this package's TypeScript has no DOM types.
    const layout = await page.evaluate<PageLayout>(`({
      scrollWidth: document.documentElement.scrollWidth,
      stylesheets: document.styleSheets.length,
      readyTasks: document.querySelectorAll('ul.tasks > li').length,
    })`);
    if (screenshotDir !== undefined) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `home-${viewport.name}.png`), fullPage: true });
    }
    await page.close();

    expect(response?.status()).toBe(200);
    expect(layout.scrollWidth).toBeLessThanOrEqual(viewport.width);
    expect(layout.stylesheets).toBe(1);
    expect(layout.readyTasks).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
