import { createPgliteTestDatabase, type TestDatabase } from '@wecena/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchDashboardBrowser, serveOnLoopback, type DashboardBrowser, type ServedDashboard } from '../testing/browser';
import { insertDemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { saveScreenshot } from '../testing/screenshots';
import { dashboardWithDemoSignIn } from '../testing/sign-in';

const executablePath = chromiumPath();

const VIEWPORTS = [
  { viewport: 'desktop', width: 1280, height: 900 },
  { viewport: 'phone', width: 390, height: 844 },
];

describe.skipIf(executablePath === null)('a sponsor reviewing a contribution in chromium', () => {
  let browser: DashboardBrowser;
  const databases: TestDatabase[] = [];
  const servers: ServedDashboard[] = [];

  beforeAll(async () => {
    browser = await launchDashboardBrowser(executablePath ?? '');
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((served) => served.close()));
    await Promise.all(databases.map((test) => test.dispose()));
  });

  it.each(VIEWPORTS)('signs in as the demo sponsor, approves one, and sees the report change ($viewport, $width px)', async ({ viewport, width, height }) => {
    const test = await createPgliteTestDatabase();
    databases.push(test);
    const world = await insertDemoWorld(test.db);
    const served = await serveOnLoopback(dashboardWithDemoSignIn(test.db, () => DEMO_NOW));
    servers.push(served);
    const { origin } = served;
    const page = await browser.visit(served, { width, height });
    const shot = (name: string) => saveScreenshot(page, `${name}-${viewport}`);
    const scrollWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
    const reviewed = () => page.locator('[data-figure="report-approved"]').innerText();
    const reports = `${origin}/sponsors/${world.sponsorId}/reports?year=2026`;

    await page.goto(`${origin}/demo/sign-in`);
    await shot('demo-sign-in');
    await page.locator(`button[data-person="sponsor_reviewer:${world.reviewerId}"]`).click();
    await page.waitForURL(`${origin}/sponsors/${world.sponsorId}`);
    await shot('sponsor-review');
    expect(await scrollWidth()).toBeLessThanOrEqual(width);

    await page.goto(reports);
    const before = await reviewed();
    await shot('sponsor-report-before');

    await page.goto(`${origin}/sponsors/${world.sponsorId}`);
    await page.locator(`input[name="ids"][value="${world.pendingCreditId}"]`).check();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.waitForURL(/done=approved/);
    const notice = await page.locator('.notice').innerText();
    await shot('sponsor-review-approved');

    await page.goto(reports);
    const after = await reviewed();
    const receiptLink = page.getByRole('link', { name: 'Receipt data' }).first();
    await shot('sponsor-report-after');
    expect(await scrollWidth()).toBeLessThanOrEqual(width);
    await receiptLink.click();
    await page.waitForURL(/\/receipts\//);
    const amount = await page.locator('[data-field="amount"]').innerText();
    await shot('receipt');
    await page.close();

    expect(before).toBe('0 min');
    expect(notice).toContain('Approved');
    expect(after).toBe('3 h 40 min');
    expect(amount).toMatch(/€$/);
    expect(amount).not.toBe('0\u00a0€');
  });
});
