import { seedDemo } from '@wecena/db';
import { createPgliteTestDatabase, type TestDatabase } from '@wecena/testkit';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchDashboardBrowser, serveOnLoopback, type DashboardBrowser, type ServedDashboard } from '../testing/browser';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn } from '../testing/sign-in';

const executablePath = chromiumPath();
// Screenshots for a person to look at, written only when asked: WECENA_SCREENSHOT_DIR=/tmp/shots.
const screenshotDir = process.env.WECENA_SCREENSHOT_DIR;

const VIEWPORTS = [
  { viewport: 'desktop', width: 1280, height: 900 },
  { viewport: 'phone', width: 390, height: 844 },
];

describe.skipIf(executablePath === null)("a consultant's proposals in chromium", () => {
  let browser: DashboardBrowser;
  let test: TestDatabase;
  let served: ServedDashboard;
  let leaId: string;

  beforeAll(async () => {
    browser = await launchDashboardBrowser(executablePath ?? '');
    test = await createPgliteTestDatabase();
    await seedDemo(test.db, { now: DEMO_NOW });
    served = await serveOnLoopback(dashboardWithDemoSignIn(test.db, () => DEMO_NOW));
    leaId = (await test.db.query<{ id: string }>(`SELECT id FROM consultants WHERE display_name = 'Léa Dubois'`)).rows[0]?.id ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await test?.dispose();
  });

  it.each(VIEWPORTS)("signs in as Léa on the demo and sees the demo's pairing, with its reasons ($viewport, $width px)", async ({ viewport, width, height }) => {
    const page = await browser.visit(served, { width, height });

    await page.goto(`${served.origin}/demo/sign-in`);
    await page.locator(`button[data-person="consultant:${leaId}"]`).click();
    await page.waitForURL(`${served.origin}/consultants/${leaId}`);
    const proposals = await page.locator('[data-proposal-task]').allInnerTexts();
    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    if (screenshotDir !== undefined) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `consultant-proposals-${viewport}.png`), fullPage: true });
    }
    await page.close();

    expect(proposals).toHaveLength(2);
    expect(proposals[0]).toContain('Write the welcome guide for new volunteers');
    expect(proposals[0]).toContain('best fit for you');
    expect(proposals[0]).toContain('a cause they prefer: education (+15)');
    expect(proposals[0]).toContain("speaks the task's language, fr (+10)");
    expect(proposals[1]).toContain('Translate the map legend help page into English');
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });
});
