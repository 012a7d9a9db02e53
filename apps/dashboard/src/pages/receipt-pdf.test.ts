import { buildReceiptData, type LedgerEntry, type ReceiptData } from '@wecena/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreement, credit } from '../../../../packages/core/src/reports/__fixtures__/ledger';
import { flatten, readPdf, type PdfReading } from '../testing/pdf-text';
import { renderReceiptPdf } from './receipt-pdf';

const GENERATED_AT = new Date('2027-01-15T09:30:00Z');

/** Work of consultant c1, whose name has letters the PDF's fonts must keep, already approved unless told. */
function reviewed(id: string, overrides: Partial<LedgerEntry>): LedgerEntry {
  return credit(id, { consultantName: 'François Lefèvre', reviewStatus: 'approved', ...overrides });
}

function receiptFor(beneficiaryName: string): ReceiptData {
  return buildReceiptData({
    entries: [
      reviewed('1', { taskTitle: 'Accessibilité du sélecteur de couches', minutes: 450, valuationCents: 100_000 }),
      reviewed('2', { consultantId: 'c2', consultantName: 'Zoë Çelik', landedAt: '2026-05-04T08:00:00.000Z', minutes: 90, valuationCents: 23_450 }),
      reviewed('3', { taskTitle: 'Waiting for review', reviewStatus: 'pending', landedAt: '2026-06-01T08:00:00.000Z' }),
    ],
    agreements: [agreement('a1')],
    sponsor: { id: 's1', legalName: 'Octet Conseil', legalForm: 'SAS', siren: '832519748', address: '12 rue de la Charité\n69002 Lyon' },
    beneficiary: { id: 'b1', legalName: beneficiaryName, rna: 'W751234568', siren: null, address: '20 rue des Cartographes\n75011 Paris' },
    from: '2026-01-01',
    to: '2026-12-31',
  });
}

describe('renderReceiptPdf', () => {
  const receipt = receiptFor('Association des contributeurs de Cartolibre');
  let bytes: Uint8Array;
  let pdf: PdfReading;

  beforeAll(async () => {
    bytes = await renderReceiptPdf({ receipt, year: 2026, currency: 'EUR', generatedAt: GENERATED_AT });
    pdf = await readPdf(bytes);
  });

  it('is an A4 PDF', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf.pages.length).toBeGreaterThan(0);
    for (const page of pdf.pages) expect([Math.round(page.widthPt), Math.round(page.heightPt)]).toEqual([595, 842]);
  });

  it('names both parties with their legal identities', () => {
    expect(pdf.flatText).toContain('Beneficiary Name Association des contributeurs de Cartolibre RNA W751234568 Address 20 rue des Cartographes 75011 Paris');
    expect(pdf.flatText).toContain('Donor company Name Octet Conseil (SAS) SIREN 832519748 Address 12 rue de la Charité 69002 Lyon');
  });

  it('gives the amount in figures and in French words, the nature, the period, the dates and the valuation method', () => {
    expect(receipt.amountInFigures).toBe('1\u00a0234,50\u00a0€');
    expect(pdf.flatText).toContain('Amount in figures 1 234,50 €');
    expect(pdf.flatText).toContain(`Amount in words ${flatten(receipt.amountInWords)}`);
    expect(pdf.flatText).toContain('mille deux cent trente-quatre euros et cinquante centimes');
    expect(pdf.flatText).toContain('Nature don en nature — mise à disposition de personnel (mécénat de compétences)');
    expect(pdf.flatText).toContain('Period 1 Jan 2026 – 31 Dec 2026');
    expect(pdf.flatText).toContain('Dates of the work 10 Mar 2026, 4 May 2026');
    expect(pdf.flatText).toContain(flatten(receipt.valuationMethod));
    expect(pdf.flatText).toContain('trois fois le plafond annuel de la sécurité sociale');
  });

  it('never breaks a line inside a duration or between a count and its noun, wherever the wrap falls', async () => {
    // A longer name moves the description's wrap points through every position of "7 h 30" and "2 salariés".
    for (let extra = 0; extra < 40; extra += 1) {
      const reading = await readPdf(await renderReceiptPdf({ receipt: receiptFor(`Cartolibre ${'x'.repeat(extra)}`), year: 2026, currency: 'EUR', generatedAt: GENERATED_AT }));
      const text = reading.pages.map((page) => page.text).join('\n');

      expect(text).not.toMatch(/\d\n(?:h\b|salarié|contribution)|\bh\n\d/);
      expect(flatten(text)).toContain(': 9 h de travail sur 2 contributions');
    }
  });

  it('lists the staff lent and every counted contribution with the address that proves it, and leaves pending work out', () => {
    expect(pdf.flatText).toContain('François Lefèvre 1 contribution · 7 h 30 · €1,000.00');
    expect(pdf.flatText).toContain('Zoë Çelik 1 contribution · 1 h 30 · €234.50');
    expect(pdf.flatText).toContain('10 Mar 2026 · Accessibilité du sélecteur de couches');
    expect(pdf.flatText).toContain('https://github.com/cartolibre/cartolibre/pull/1');
    expect(pdf.flatText).toContain('https://github.com/cartolibre/cartolibre/pull/2');
    expect(pdf.flatText).not.toContain('Waiting for review');
  });

  it('says when it was generated, from the clock it was given', () => {
    expect(pdf.flatText).toContain('generated on 15 Jan 2027, 09:30 UTC · page 1 of');
    expect(pdf.info['CreationDate']).toBe("D:20270115093000Z");
  });

  it('gives the same bytes for the same data and instant', async () => {
    const again = await renderReceiptPdf({ receipt, year: 2026, currency: 'EUR', generatedAt: GENERATED_AT });

    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('draws a hostile name as the text it is, on the page and in the title', async () => {
    const name = 'Les <script>alert(1)</script> amis (du code) \\ ) et \\\\';
    const hostile = await readPdf(await renderReceiptPdf({ receipt: receiptFor(name), year: 2026, currency: 'EUR', generatedAt: GENERATED_AT }));

    expect(hostile.flatText).toContain(`Beneficiary Name ${name} RNA`);
    expect(hostile.info['Title']).toBe(`Receipt data 2026: ${name}`);
  });

  it('draws a name outside the standard fonts without its accents rather than broken', async () => {
    const foreign = await readPdf(await renderReceiptPdf({ receipt: receiptFor('Fundacja Łódź Dvořák'), year: 2026, currency: 'EUR', generatedAt: GENERATED_AT }));

    expect(foreign.flatText).toContain('Name Fundacja Lódz Dvorák RNA');
  });
});
