import { loadSponsorYearReport } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { formatHoursAndMinutes } from '../pages/format';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { LOOPBACK_ORIGIN, dashboardWithDemoSignIn, signInAsDemo, type TestSession } from '../testing/sign-in';
import { REPORT_LINES_PER_PAGE } from './sponsor-reports';

/** The credits a report page lists, in order, and the address of its next page. */
function linesOf(page: string): { credits: string[]; next: string | null } {
  const next = /<a class="button secondary" href="([^"]+)">Next contributions<\/a>/.exec(page)?.[1] ?? null;
  return { credits: [...page.matchAll(/data-credit="(\d+)"/g)].map((match) => match[1] ?? ''), next: next?.replaceAll('&amp;', '&') ?? null };
}

describeEachEngine('the sponsor report page on a large year', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let reviewer: TestSession;
  const extra = REPORT_LINES_PER_PAGE + 30;

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    // More credits than a page lists, a minute apart in 2026, on a task of the demo's beneficiary.
    await db.query(
      `INSERT INTO contributions (kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, landed_at, minutes, valuation_cents, recorded_by, recorded_at)
       SELECT 'credit', $1, $2, $3, $4, 'https://github.com/example/large/pull/' || n, timestamptz '2026-04-01T08:00:00Z' + n * interval '1 minute', 60, 5200, 'wecena', $5
         FROM generate_series(1, $6::int) AS n`,
      [world.readyTaskId, world.consultantId, world.sponsorId, world.beneficiaryId, DEMO_NOW, extra],
    );
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
  });

  const open = async (path: string) => app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: { Cookie: reviewer.cookie } });

  it("shows the year's figures on every page and lists its lines a page at a time, each once", async () => {
    const report = await loadSponsorYearReport(ctx.db(), { sponsorId: world.sponsorId, year: 2026 });
    const seen: string[] = [];
    let path: string | null = `/sponsors/${world.sponsorId}/reports?year=2026`;
    let pages = 0;
    while (path !== null && pages < 10) {
      const response = await open(path);
      expect(response.status).toBe(200);
      const page = await response.text();
      // Every page shows the figures of the whole year.
      expect(page).toContain(`data-figure="report-hours">${formatHoursAndMinutes(report.totals.minutes)}<`);
      const { credits, next } = linesOf(page);
      expect(credits.length).toBeLessThanOrEqual(REPORT_LINES_PER_PAGE);
      seen.push(...credits);
      path = next;
      pages += 1;
    }

    expect(pages).toBe(2);
    // Each line once, and every line of the year's report.
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...report.lines, ...report.outsideAgreement.lines].map((line) => line.creditId).sort());
  });

  it('answers 404 to a page start that is not one', async () => {
    for (const after of ['yesterday', '2026-04-01T08:00:00Z~0', '2026-13-45T99:00:00Z~12', "2026-04-01T08:00:00Z~1'"]) {
      expect((await open(`/sponsors/${world.sponsorId}/reports?year=2026&after=${encodeURIComponent(after)}`)).status, after).toBe(404);
    }
  });
});
