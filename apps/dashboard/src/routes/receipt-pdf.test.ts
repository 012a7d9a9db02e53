import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { flatten, readPdf } from '../testing/pdf-text';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn, LOOPBACK_ORIGIN, signInAsDemo, type TestSession } from '../testing/sign-in';

/** The text of the `<dd data-field="name">` of a receipt page, unescaped as a browser shows it. */
function fieldOf(page: string, name: string): string {
  const match = new RegExp(`data-field="${name}">([^<]*)</dd>`).exec(page);
  if (match?.[1] === undefined) throw new Error(`no field ${name} on the page`);
  return match[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

describeEachEngine('the receipt as a PDF', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let reviewer: TestSession;
  let pdfPath: string;

  async function get(path: string, session?: TestSession): Promise<Response> {
    return app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: session === undefined ? {} : { Cookie: session.cookie } });
  }

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    app = dashboardWithDemoSignIn(ctx.db(), () => DEMO_NOW);
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    pdfPath = `/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026.pdf`;
  });

  it('downloads the receipt page as a PDF from a link on the page, with the same figures', async () => {
    const page = await (await get(`/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026`, reviewer)).text();
    const response = await get(pdfPath, reviewer);
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));

    expect(page).toContain(`href="${pdfPath}" download>Download PDF</a>`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="wecena-receipt-${world.sponsorId}-${world.beneficiaryId}-2026.pdf"`);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(pdf.flatText).toContain('Association Entraide Solidaire');
    expect(pdf.flatText).toContain(`SIREN ${fieldOf(page, 'siren')}`);
    expect(pdf.flatText).toContain(`Amount in figures ${flatten(fieldOf(page, 'amount'))}`);
    expect(pdf.flatText).toContain(`Amount in words ${flatten(fieldOf(page, 'amount-words'))}`);
    expect(fieldOf(page, 'nature')).toBe('don en nature — mise à disposition de personnel (mécénat de compétences)');
    expect(pdf.flatText).toContain(`Nature ${fieldOf(page, 'nature')} Period`);
    expect(pdf.flatText).toContain(`Description ${flatten(fieldOf(page, 'description'))}`);
    expect(fieldOf(page, 'description')).toMatch(/ \d+\u00a0h(?:\u00a0\d\d)? de travail /);
    expect(pdf.flatText).toContain('generated on 2 Mar 2026');
  });

  it('gives the beneficiary the same PDF, byte for byte, at a fixed instant', async () => {
    const beneficiary = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);
    const bySponsor = new Uint8Array(await (await get(pdfPath, reviewer)).arrayBuffer());
    const response = await get(pdfPath, beneficiary);

    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bySponsor))).toBe(true);
  });

  it("refuses another sponsor's reviewer and sends a stranger to sign in", async () => {
    const otherReviewer = await signInAsDemo(app, `sponsor_reviewer:${world.other.reviewerId}`);
    const refused = await get(pdfPath, otherReviewer);
    const stranger = await get(pdfPath);

    expect(refused.status).toBe(403);
    expect(refused.headers.get('Content-Type')).not.toBe('application/pdf');
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('Location')).toBe(`/sign-in?next=${encodeURIComponent(pdfPath)}`);
  });

  it('answers 404 for a beneficiary that does not exist, and for a path that is not a year', async () => {
    const operator = await signInAsDemo(app, 'operator');

    expect((await get(`/sponsors/${world.sponsorId}/receipts/999999/2026.pdf`, operator)).status).toBe(404);
    expect((await get(`/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026.pdfx`, operator)).status).toBe(404);
    expect((await get(`/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/1999.pdf`, operator)).status).toBe(404);
  });
});
