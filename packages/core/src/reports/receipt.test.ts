import { describe, expect, it } from 'vitest';
import { agreement, correction, credit } from './__fixtures__/ledger';
import { SKILLS_SPONSORSHIP_NATURE, buildReceiptData, formatHours } from './receipt';

const sponsor = { id: 's1', legalName: 'Octet Conseil SAS', legalForm: 'SAS', siren: '832519748', address: '12 rue de la Charité\n69002 Lyon' };
const beneficiary = { id: 'b1', legalName: 'Association des contributeurs de Cartolibre', rna: 'W751234568', siren: null, address: '20 rue des Cartographes\n75011 Paris' };

describe('buildReceiptData', () => {
  const approved = credit('1', { minutes: 450, valuationCents: 100_000 });
  const adjusted = credit('2', { consultantId: 'c2', consultantName: 'Yanis Benali', minutes: 60, valuationCents: 20_000 });
  const pending = credit('3', { minutes: 30, valuationCents: 5_000 });
  const rejected = credit('4', { minutes: 30, valuationCents: 5_000 });
  const outside = credit('5', { landedAt: '2026-11-02T10:00:00.000Z' });
  const otherBeneficiary = credit('6', { beneficiaryId: 'b2', beneficiaryName: 'Other' });
  const entries = [
    approved,
    correction('10', approved, { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved' }),
    adjusted,
    correction('11', adjusted, { kind: 'adjustment', minutes: 30, valuationCents: 3_450, reviewStatus: 'adjusted' }),
    pending,
    rejected,
    correction('12', rejected, { kind: 'reversal', minutes: -30, valuationCents: -5_000, reviewStatus: 'rejected' }),
    outside,
    otherBeneficiary,
  ];
  const receipt = buildReceiptData({
    entries,
    agreements: [agreement('a1', { to: '2026-10-31' }), agreement('a2', { beneficiaryId: 'b2' })],
    sponsor,
    beneficiary,
    from: '2026-01-01',
    to: '2026-12-31',
  });

  it('sums the reviewed work under an agreement, in figures and in words', () => {
    expect(receipt.amountCents).toBe(123_450);
    expect(receipt.amountInFigures).toBe('1\u00a0234,50\u00a0€');
    expect(receipt.amountInWords).toBe('mille deux cent trente-quatre euros et cinquante centimes');
  });

  it('names both parties, the period and the nature of the gift', () => {
    expect(receipt).toMatchObject({ sponsor, beneficiary, from: '2026-01-01', to: '2026-12-31', nature: SKILLS_SPONSORSHIP_NATURE, agreementIds: ['a1'] });
    expect(receipt.nature).toBe('don en nature — mise à disposition de personnel (mécénat de compétences)');
    expect(receipt.valuationMethod).toContain('CGI, art. 238 bis');
    expect(receipt.valuationMethod).toContain('loi n° 2019-1479');
    expect(receipt.description).toBe(
      'Mise à disposition gratuite de 2\u00a0salariés de Octet Conseil SAS auprès de Association des contributeurs de Cartolibre, du 01/01/2026 au 31/12/2026 : 9\u00a0h de travail sur 2\u00a0contributions, chacune prouvée par une demande de modification fusionnée ou une confirmation du mainteneur sur la forge du projet.',
    );
  });

  it('details the staff lent', () => {
    expect(receipt.staff).toEqual([
      { consultantId: 'c1', consultantName: 'Camille Martin', credits: 1, minutes: 450, hours: '7\u00a0h\u00a030', valuationCents: 100_000 },
      { consultantId: 'c2', consultantName: 'Yanis Benali', credits: 1, minutes: 90, hours: '1\u00a0h\u00a030', valuationCents: 23_450 },
    ]);
    expect(receipt.lines.map((line) => line.proofUrl)).toEqual([
      'https://github.com/cartolibre/cartolibre/pull/1',
      'https://github.com/cartolibre/cartolibre/pull/2',
    ]);
  });

  it('leaves out, and lists, pending work and work outside any agreement', () => {
    expect(receipt.excluded.pending.map((line) => line.creditId)).toEqual(['3']);
    expect(receipt.excluded.outsideAgreement.map((line) => line.creditId)).toEqual(['5']);
  });

  it('gives the tax reduction rule for information', () => {
    expect(receipt.taxReduction.sources.join(' ')).toContain('238 bis');
  });

  it('says one person and one contribution in the singular, each figure held to its word', () => {
    const single = buildReceiptData({
      entries: [credit('1', { minutes: 3135, reviewStatus: 'approved' })],
      agreements: [agreement('a1')],
      sponsor,
      beneficiary,
      from: '2026-01-01',
      to: '2026-12-31',
    });

    expect(single.description).toContain('gratuite de 1\u00a0salarié de Octet Conseil SAS');
    expect(single.description).toContain(': 52\u00a0h\u00a015 de travail sur 1\u00a0contribution, prouvée par une demande');
  });
});

describe('formatHours', () => {
  it.each([
    { minutes: 0, expected: '0\u00a0h' },
    { minutes: 5, expected: '0\u00a0h\u00a005' },
    { minutes: 60, expected: '1\u00a0h' },
    { minutes: 750, expected: '12\u00a0h\u00a030' },
    { minutes: 3135, expected: '52\u00a0h\u00a015' },
  ])('$minutes min → $expected, no-break spaces keeping it on one line', ({ minutes, expected }) => {
    expect(formatHours(minutes)).toBe(expected);
  });
});
