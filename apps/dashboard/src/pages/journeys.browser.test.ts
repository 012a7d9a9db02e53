import { createPgliteTestDatabase, type TestDatabase } from '@wecena/testkit';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchDashboardBrowser, serveOnLoopback, type DashboardBrowser, type ServedDashboard } from '../testing/browser';
import { HOSTILE_TITLE, insertDemoWorld, insertJourneyRows, type DemoWorld, type JourneyRows } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { createScreenshotAlbum, SCREENSHOT_VIEWPORTS } from '../testing/screenshots';
import { dashboardWithDemoSignIn } from '../testing/sign-in';

const executablePath = chromiumPath();
const [DESKTOP] = SCREENSHOT_VIEWPORTS;

/** What the dashboard prints for minutes ("5 h 10 min", "45 min", "0 min"), back in minutes. */
function minutesOf(text: string): number {
  const match = /^(?:(?<hours>\d+) h)?\s*(?:(?<minutes>\d+) min)?$/.exec(text.trim());
  if (match?.groups === undefined || text.trim() === '') throw new Error(`not a duration: ${text}`);
  return Number(match.groups.hours ?? 0) * 60 + Number(match.groups.minutes ?? 0);
}

/** What the dashboard prints for money ("€361.17"), back in cents. */
function centsOf(text: string): number {
  if (!/^€[\d,]+\.\d{2}$/.test(text.trim())) throw new Error(`not an amount: ${text}`);
  return Number(text.replace(/[^\d]/g, ''));
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF), as the ledger CSV writes them. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

interface Journey {
  /** Where the dashboard answers: a loopback address, where the demo sign-in is offered. */
  origin: string;
  world: DemoWorld;
  rows: JourneyRows;
  test: TestDatabase;
  page: Page;
  /** Console errors (a script or style the policy blocked…) and requests that failed or went out. */
  problems: string[];
}

describe.skipIf(executablePath === null)('each role at work in chromium, screenshots kept', () => {
  let browser: DashboardBrowser;
  const databases: TestDatabase[] = [];
  const servers: ServedDashboard[] = [];
  const album = createScreenshotAlbum();

  beforeAll(async () => {
    browser = await launchDashboardBrowser(executablePath ?? '');
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(databases.map((test) => test.dispose()));
    if (album.entries.length > 0) album.writeIndex('Dashboard pages, as the end-to-end journeys left them');
  });

  /** A fresh demo world with the journey's rows, and a desktop page on it. */
  async function startJourney(): Promise<Journey> {
    const test = await createPgliteTestDatabase();
    databases.push(test);
    const world = await insertDemoWorld(test.db);
    const rows = await insertJourneyRows(test.db, world);
    const served = await serveOnLoopback(dashboardWithDemoSignIn(test.db, () => DEMO_NOW));
    servers.push(served);
    const page = await browser.visit(served, { width: DESKTOP.width, height: DESKTOP.height });
    const problems: string[] = [];
    page.on('console', (message) => {
      // A refused form or a missing favicon is an answer with its status, not a fault of the page.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('requestfailed', (request) => problems.push(`${request.url()} failed`));
    return { origin: served.origin, world, rows, test, page, problems };
  }

  /**
   * Screenshots the page at both widths and checks what every page owes its reader: it fits a
   * phone without sideways scrolling, and the hostile title, wherever shown, ran nothing and
   * made no element: no `__xss`, no `<img src=x>`, no script of its own.
   */
  async function look(page: Page, entry: { role: string; page: string; shows: string }): Promise<void> {
    const widths = await album.shoot(page, entry);
    const injected = await page.evaluate<{ xss: unknown; images: number; scripts: number }>(`({
      xss: window.__xss,
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: document.querySelectorAll('script').length,
    })`);
    expect(injected, `${entry.role} ${entry.page}`).toEqual({ xss: undefined, images: 0, scripts: 0 });
    for (const width of widths) expect(width.scrollWidth, `${entry.role} ${entry.page} at ${width.viewport}`).toBeLessThanOrEqual(width.width);
  }

  /** Clicks the demo person's button on the demo sign-in page and waits for their home page. */
  async function signIn({ page, origin }: Journey, person: string, home: string): Promise<void> {
    await page.goto(`${origin}/demo/sign-in`);
    await page.locator(`button[data-person="${person}"]`).click();
    await page.waitForURL(`${origin}${home}`);
  }

  /** How many elements show the hostile title as text. */
  function hostileTitles(page: Page): Promise<number> {
    return page.getByText(HOSTILE_TITLE, { exact: true }).count();
  }

  async function readReport(page: Page) {
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText();
    const bar = async (month: string) => {
      const group = page.locator(`svg g[data-month="${month}"]`);
      return { minutes: Number(await group.getAttribute('data-minutes')), height: Number(await group.locator('rect').getAttribute('height')) };
    };
    return {
      minutes: minutesOf(await figure('report-hours')),
      valuationCents: centsOf(await figure('report-valuation')),
      approvedMinutes: minutesOf(await figure('report-approved')),
      pendingMinutes: minutesOf(await figure('report-pending')),
      february: await bar('2026-02'),
      march: await bar('2026-03'),
      lines: await page.locator('#lines + p + .table-scroll tbody tr').count(),
    };
  }

  it('a visitor sees the ready tasks, titles as text, and the demo sign-in', async () => {
    const journey = await startJourney();
    const { origin, page, problems } = journey;

    await page.goto(`${origin}/`);
    const hostileOnHome = await hostileTitles(page);
    await look(page, { role: 'visitor', page: 'home', shows: 'figures at a glance, tasks per state, ready tasks with their estimate and skills' });
    await page.goto(`${origin}/sign-in`);
    await look(page, { role: 'visitor', page: 'sign-in', shows: 'the ways to sign in: forges, and the demo on this machine' });
    await page.goto(`${origin}/demo/sign-in`);
    const people = await page.locator('button[data-person]').count();
    await look(page, { role: 'visitor', page: 'demo-sign-in', shows: 'every demo person by role, one button each' });
    await page.goto(`${origin}/api/v1/reference`);
    await look(page, { role: 'visitor', page: 'api-reference', shows: 'the REST API reference, from its OpenAPI document' });
    await page.close();

    expect(hostileOnHome).toBe(1);
    expect(people).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
  });

  it('the sponsor reviewer approves, adjusts and rejects, sees the report and chart change, downloads the CSV and opens the receipt', async () => {
    const journey = await startJourney();
    const { origin, page, world, rows, problems } = journey;
    const reviewPath = `/sponsors/${world.sponsorId}`;
    const reportPath = `${reviewPath}/reports?year=2026`;

    await signIn(journey, `sponsor_reviewer:${world.reviewerId}`, reviewPath);
    const pendingBefore = await page.locator('li.review').count();
    const hostileOnReview = await hostileTitles(page);
    await look(page, { role: 'reviewer', page: 'review', shows: 'the contributions waiting for review, to approve in bulk or adjust or reject with a reason' });

    await page.goto(`${origin}${reportPath}`);
    const before = await readReport(page);
    await look(page, { role: 'reviewer', page: 'report-before', shows: 'the year before review: totals, hours per month as a chart, per beneficiary and consultant, every line' });

    await page.goto(`${origin}${reviewPath}`);
    await page.locator(`input[name="ids"][value="${world.pendingCreditId}"]`).check();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.waitForURL(/done=approved/);
    const approvedNotice = await page.locator('.notice').innerText();

    const hostile = page.locator(`li[data-contribution="${rows.hostileCreditId}"]`);
    await hostile.locator('summary').click();
    await hostile.locator('form[action$="/adjust"] input[name="hours"]').fill('1.5');
    await hostile.locator('form[action$="/adjust"] input[name="reason"]').fill('half an hour went to another task');
    await hostile.getByRole('button', { name: 'Adjust' }).click();
    await page.waitForURL(/done=adjusted/);

    const other = page.locator(`li[data-contribution="${rows.otherCreditId}"]`);
    await other.locator('summary').click();
    await other.locator('form[action$="/reject"] input[name="reason"]').fill('done during client hours');
    await other.getByRole('button', { name: 'Reject' }).click();
    await page.waitForURL(/done=rejected/);
    const reviewedRows = await page.locator('#reviewed ~ .table-scroll tr[data-contribution]').allInnerTexts();
    await look(page, { role: 'reviewer', page: 'review-done', shows: 'nothing left to review; the reviewed contributions with each reason, and every contribution as CSV' });
    const [contributionsDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download every contribution (CSV)' }).click(),
    ]);
    const contributionsCsv = readFileSync(await contributionsDownload.path(), 'utf8');

    await page.goto(`${origin}${reportPath}`);
    const after = await readReport(page);
    await look(page, { role: 'reviewer', page: 'report-after', shows: 'the year after review: approved and adjusted hours, the March bar lower, the rejected line marked' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, ...records] = parseCsv(csv.replace(/^\ufeff/, ''));
    const columns = header ?? [];
    const recordOf = (creditId: string) => records.find((record) => record[columns.indexOf('credit_id')] === creditId) ?? [];
    const cell = (record: string[], column: string) => record[columns.indexOf(column)] ?? '';
    const counted = records.filter((record) => cell(record, 'review_status') !== 'rejected');

    await page.locator(`tr[data-beneficiary="${world.beneficiaryId}"]`).getByRole('link', { name: 'Receipt data' }).click();
    await page.waitForURL(`${origin}${reviewPath}/receipts/${world.beneficiaryId}/2026`);
    const amount = await page.locator('[data-field="amount"]').innerText();
    const amountInWords = await page.locator('[data-field="amount-words"]').innerText();
    const hostileOnReceipt = await hostileTitles(page);
    await look(page, { role: 'reviewer', page: 'receipt', shows: 'the receipt data for Entraide Solidaire (Cerfa 16216): amount in figures and in French words, staff lent, every line; its PDF' });
    const pdfLink = page.getByRole('link', { name: 'Download PDF' });
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const pdf = readFileSync(await pdfDownload.path());
    const pdfResponse = await page.request.get(`${origin}${await pdfLink.getAttribute('href')}`);

    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('navigation', { name: 'Sponsor' }).getByRole('link', { name: 'Consultants' }).click();
    await page.waitForURL(`${origin}${reviewPath}/consultants`);
    const consultants = await page.locator('tr[data-consultant]').count();
    await look(page, { role: 'reviewer', page: 'consultants', shows: "the sponsor's consultants: hourly cost, availability, open claims, and a recall button each" });
    const yanis = page.locator('tr[data-consultant]', { hasText: 'Yanis Benali' });
    await yanis.locator('summary').click();
    await yanis.getByRole('button', { name: 'Recall Yanis Benali' }).click();
    await page.waitForURL(/done=recalled/);
    const recallNotice = await page.locator('.notice').innerText();
    await look(page, { role: 'reviewer', page: 'consultants-recalled', shows: 'a consultant recalled to a client: availability ended, the open claim handed back' });
    await page.close();

    expect(pendingBefore).toBe(3);
    expect(hostileOnReview).toBe(1);
    expect(approvedNotice).toContain('Approved');
    expect(reviewedRows.join('\n')).toContain('half an hour went to another task');
    expect(reviewedRows.join('\n')).toContain('done during client hours');

    // Léa's 3 h 40 in February; Camille's 2 h and Yanis's 1 h 30 in March.
    expect(before).toMatchObject({ minutes: 430, approvedMinutes: 0, pendingMinutes: 430, february: { minutes: 220 }, march: { minutes: 210 } });
    // Camille's adjusted to 1 h 30, Yanis's rejected: March falls to 1 h 30, Léa's approved as it was.
    expect(after).toMatchObject({ minutes: 310, approvedMinutes: 310, pendingMinutes: 0, february: { minutes: 220 }, march: { minutes: 90 } });
    expect(after.march.height).toBeLessThan(before.march.height);
    expect(after.valuationCents).toBeLessThan(before.valuationCents);

    expect(download.suggestedFilename()).toBe(`wecena-${world.sponsorId}-2026.csv`);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(columns.slice(0, 6)).toEqual(['credit_id', 'landed_on', 'month', 'beneficiary', 'consultant', 'task']);
    expect(columns).toContain('valuation_eur');
    expect(records).toHaveLength(after.lines);
    expect(cell(recordOf(rows.hostileCreditId), 'task')).toBe(HOSTILE_TITLE);
    expect(cell(recordOf(rows.hostileCreditId), 'minutes')).toBe('90');
    expect(cell(recordOf(rows.hostileCreditId), 'hours')).toBe('1.50');
    expect(cell(recordOf(rows.hostileCreditId), 'review_status')).toBe('adjusted');
    expect(cell(recordOf(rows.hostileCreditId), 'last_reason')).toBe('half an hour went to another task');
    expect(cell(recordOf(rows.otherCreditId), 'review_status')).toBe('rejected');
    expect(cell(recordOf(world.pendingCreditId), 'review_status')).toBe('approved');
    // The CSV's figures are the page's: the same minutes and cents, summed over what counts.
    expect(counted.reduce((sum, record) => sum + Number(cell(record, 'minutes')), 0)).toBe(after.minutes);
    expect(counted.reduce((sum, record) => sum + Number(cell(record, 'valuation_cents')), 0)).toBe(after.valuationCents);

    // Léa's 220 min at €46 an hour and Camille's 90 min at €58, the reviewed work for Entraide Solidaire.
    expect(amount).toBe('255,67\u00a0€');
    expect(amountInWords).toBe('deux cent cinquante-cinq euros et soixante-sept centimes');
    expect(hostileOnReceipt).toBeGreaterThanOrEqual(1);
    expect(consultants).toBe(3);
    expect(recallNotice).toContain('Yanis Benali is recalled: their availability now ends on 2 Mar 2026; 1 claim handed back');

    expect(contributionsCsv.startsWith('\ufeff')).toBe(true);
    const [contributionsHeader = [], ...contributionRecords] = parseCsv(contributionsCsv.replace(/^\ufeff/, ''));
    expect(contributionsHeader[0]).toBe('contribution_id');
    expect(contributionRecords).toHaveLength(3);

    expect(pdfDownload.suggestedFilename()).toBe(`wecena-receipt-${world.sponsorId}-${world.beneficiaryId}-2026.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    expect(problems).toEqual([]);
  });

  it('the consultant sees what to do next (open claims with their expiry, proposals with their reasons) and makes an API token, then revokes it', async () => {
    const journey = await startJourney();
    const { origin, page, world, problems } = journey;
    const home = `/consultants/${world.consultantId}`;
    const callApi = async (secret: string) => {
      const response = await fetch(`${origin}/api/v1${home}`, { headers: { Authorization: `Bearer ${secret}` } });
      return { status: response.status, body: await response.text() };
    };

    await signIn(journey, `consultant:${world.consultantId}`, home);
    const heading = await page.locator('h1').innerText();
    const claims = await page.locator('[data-claim-task]').allInnerTexts();
    const proposals = await page.locator('[data-proposal-task]').allInnerTexts();
    const hostileOnPage = await hostileTitles(page);
    await look(page, { role: 'consultant', page: 'next', shows: 'what to do next: open claims with their expiry, proposals with their reasons, time logged, contributions and their review' });

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL(`${origin}/tokens`);
    await look(page, { role: 'consultant', page: 'tokens', shows: 'personal API tokens: none yet, the form to make one with the roles it carries' });
    await page.locator('input[name="name"]').fill('monthly report script');
    await page.locator('input[name="roles"]').first().check();
    await page.getByRole('button', { name: 'Make the token' }).click();
    const secret = await page.locator('[data-secret]').innerText();
    await look(page, { role: 'consultant', page: 'token-made', shows: "a new token's secret, shown once; the token in the list with its revoke button" });
    const withToken = await callApi(secret);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.waitForURL(/done=revoked/);
    const revokedNotice = await page.locator('.notice').innerText();
    const afterRevoke = await callApi(secret);
    await page.close();

    expect(heading).toBe('What to do next, Camille Martin');
    expect(claims).toHaveLength(1);
    expect(claims[0]).toContain('Fix the date picker on Safari');
    expect(claims[0]).toContain('expires 3 Mar 2026, 09:00 UTC (in 24 h)');
    expect(proposals[0]).toContain('Keyboard navigation for the layer switcher');
    expect(proposals[0]).toContain('best fit for you');
    expect(proposals[0]).toContain('matches skill typescript at level 3 of 3 (+30)');
    expect(hostileOnPage).toBe(1);
    expect(secret).toMatch(/^wecena_pat_/);
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain('Fix the date picker on Safari');
    expect(revokedNotice).toContain('revoked');
    expect(afterRevoke.status).toBe(401);
    expect(problems).toEqual([]);
  });

  it('the beneficiary contact sees hours and valuation per sponsor, throughput, candidates and the receipt data', async () => {
    const journey = await startJourney();
    const { origin, page, world, problems } = journey;
    const home = `/beneficiaries/${world.beneficiaryId}`;

    await signIn(journey, `beneficiary_contact:${world.beneficiaryId}`, home);
    const received = await page.locator(`tr[data-sponsor="${world.sponsorId}"][data-year="2026"] td`).allInnerTexts();
    const done = await page.locator('[data-figure="done"]').innerText();
    const waiting = await page.locator('[data-figure="waiting"]').innerText();
    const hostileOnPage = await hostileTitles(page);
    await look(page, { role: 'beneficiary', page: 'received', shows: 'hours and valuation received per sponsor and year, what waits for review, task throughput, tasks waiting, repositories' });

    await page.locator('[data-repository] a').first().click();
    await page.waitForURL(/\/repositories\/\d+\/candidates$/);
    await look(page, { role: 'beneficiary', page: 'candidates', shows: "a repository's candidate issues, ranked and explained" });

    await page.goto(`${origin}/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026`);
    const amount = await page.locator('[data-field="amount"]').innerText();
    await look(page, { role: 'beneficiary', page: 'receipt', shows: 'the receipt data from Octet Conseil, nothing reviewed yet: the pending work left out' });
    await page.close();

    // Nothing reviewed yet: Léa's 3 h 40 and Camille's 2 h wait for the sponsor.
    expect(received).toEqual(['2026', 'Octet Conseil', '0 min', '€0.00', '5 h 40 min']);
    expect(Number(done)).toBeGreaterThanOrEqual(1);
    expect(Number(waiting)).toBeGreaterThanOrEqual(2);
    expect(hostileOnPage).toBe(1);
    expect(amount).toBe('0\u00a0€');
    expect(problems).toEqual([]);
  });

  it('the operator sees the inbox health and retries a parked delivery; a form without its CSRF field is refused', async () => {
    const journey = await startJourney();
    const { origin, page, rows, test, problems } = journey;
    const parkedRow = `tr[data-delivery="github/${rows.parkedDeliveryId}"]`;
    const statusOf = async () =>
      (await test.db.query<{ status: string }>(`SELECT status FROM inbox_deliveries WHERE delivery_id = $1`, [rows.parkedDeliveryId])).rows[0]?.status;

    await signIn(journey, 'operator', '/operator');
    const parkedBefore = await page.locator('[data-figure="parked"]').innerText();
    const lastError = await page.locator(`${parkedRow} pre.error`).innerText();
    await look(page, { role: 'operator', page: 'inbox', shows: 'inbox health (waiting, parked), each parked delivery with its last error and a retry button, repositories and their discovery' });

    await page.evaluate(`document.querySelector('${parkedRow} input[name="_csrf"]').remove()`);
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.url() === `${origin}/operator/deliveries/retry`),
      page.locator(parkedRow).getByRole('button', { name: 'Retry' }).click(),
    ]);
    await page.waitForLoadState();
    const refusedHeading = await page.locator('h1').innerText();
    const statusAfterRefusal = await statusOf();
    await look(page, { role: 'operator', page: 'form-refused', shows: 'a form posted without its CSRF token, refused; nothing changed' });

    await page.goto(`${origin}/operator`);
    await page.locator(parkedRow).getByRole('button', { name: 'Retry' }).click();
    await page.waitForURL(/done=retried/);
    const notice = await page.locator('.notice').innerText();
    const parkedAfter = await page.locator('[data-figure="parked"]').innerText();
    const pendingAfter = await page.locator('[data-figure="pending"]').innerText();
    await look(page, { role: 'operator', page: 'inbox-retried', shows: 'the delivery back in the queue, nothing parked' });

    const operatorTabs = page.getByRole('navigation', { name: 'Operator' });
    await operatorTabs.getByRole('link', { name: 'Beneficiaries' }).click();
    await page.waitForURL(`${origin}/operator/beneficiaries`);
    const beneficiaries = await page.locator('tr[data-beneficiary]').allInnerTexts();
    await look(page, { role: 'operator', page: 'beneficiaries', shows: 'the beneficiaries: eligibility, legal identity, repositories, contacts; the form to add one' });
    await operatorTabs.getByRole('link', { name: 'Sponsors' }).click();
    await page.waitForURL(`${origin}/operator/sponsors`);
    const sponsors = await page.locator('tr[data-sponsor]').allInnerTexts();
    await look(page, { role: 'operator', page: 'sponsors', shows: 'the sponsors: legal identity, default hourly cost, reviewers, consultants; the form to add one' });
    await operatorTabs.getByRole('link', { name: 'Agreements' }).click();
    await page.waitForURL(`${origin}/operator/agreements`);
    const agreements = await page.locator('tr[data-agreement]').allInnerTexts();
    await look(page, { role: 'operator', page: 'agreements', shows: 'the conventions de mécénat: period, whether in force today; the form to add one' });
    await page.close();

    expect(parkedBefore).toBe('1');
    expect(lastError).toBe('payload did not parse');
    expect(refused.status()).toBe(403);
    expect(refusedHeading).toBe('Form refused');
    expect(statusAfterRefusal).toBe('parked');
    expect(notice).toContain('back in the queue');
    expect(parkedAfter).toBe('0');
    expect(pendingAfter).toBe('1');
    expect(await statusOf()).toBe('pending');
    // The second sponsor's beneficiary is named with markup: shown as text.
    expect(beneficiaries.join('\n')).toContain('Bibliothèque <b>Libre</b>');
    expect(beneficiaries.join('\n')).toContain('Entraide Solidaire');
    expect(sponsors.join('\n')).toContain('Octet Conseil');
    expect(agreements.join('\n')).toContain('OC-ES-2026');
    expect(problems).toEqual([]);
  });
});
