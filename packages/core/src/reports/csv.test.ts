import { describe, expect, it } from 'vitest';
import { agreement, credit } from './__fixtures__/ledger';
import { buildLedgerReport } from './build-report';
import { UTF8_BOM, renderCsv, renderCsvCell, renderLedgerCsv } from './csv';

describe('renderCsvCell', () => {
  it.each([
    { name: 'plain text', cell: 'Cartolibre', expected: 'Cartolibre' },
    { name: 'a comma', cell: 'Lyon, France', expected: '"Lyon, France"' },
    { name: 'quotes, doubled', cell: 'the "layer" switcher', expected: '"the ""layer"" switcher"' },
    { name: 'a line break', cell: 'line one\nline two', expected: '"line one\nline two"' },
    { name: 'accents, kept', cell: 'Léa Dubois — équipe', expected: 'Léa Dubois — équipe' },
    { name: 'a formula', cell: '=HYPERLINK("http://evil.example","x")', expected: `"'=HYPERLINK(""http://evil.example"",""x"")"` },
    { name: 'a plus sign', cell: '+33 1 23', expected: "'+33 1 23" },
    { name: 'a minus sign', cell: '-2+3', expected: "'-2+3" },
    { name: 'an at sign', cell: '@SUM(A1)', expected: "'@SUM(A1)" },
    { name: 'a tab', cell: '\t=1', expected: "'\t=1" },
    { name: 'a carriage return', cell: '\r=1', expected: `"'\r=1"` },
    { name: 'an equals sign inside', cell: 'a=b', expected: 'a=b' },
    { name: 'a negative number, kept a number', cell: -1_205, expected: '-1205' },
    { name: 'zero', cell: 0, expected: '0' },
    { name: 'a boolean', cell: true, expected: 'true' },
    { name: 'null', cell: null, expected: '' },
  ])('$name', ({ cell, expected }) => {
    expect(renderCsvCell(cell)).toBe(expected);
  });

  it('refuses a number that is not finite', () => {
    expect(() => renderCsvCell(Number.NaN)).toThrow(RangeError);
  });
});

describe('renderCsv', () => {
  it('starts with the BOM and ends every record with CRLF', () => {
    expect(renderCsv([['a', 1], ['b', null]])).toBe(`${UTF8_BOM}a,1\r\nb,\r\n`);
  });
});

describe('renderLedgerCsv', () => {
  it('writes one line per credit with its proof, guarding what people typed', () => {
    const entries = [
      credit('1', { taskTitle: '=cmd|" /C calc"!A0', minutes: 90, valuationCents: 123_450 }),
      credit('2', { changeRequestUrl: null, confirmedBy: 'maint', taskTitle: 'Translate, then review' }),
    ];
    const report = buildLedgerReport({ sponsorId: 's1', from: '2026-01-01', to: '2026-12-31', entries, agreements: [agreement('a1')] });

    const csv = renderLedgerCsv(report.lines);
    const records = csv.slice(1).split('\r\n');

    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(records[0]).toBe(
      'credit_id,landed_on,month,beneficiary,consultant,task,task_url,proof_url,confirmed_by,minutes,hours,estimated,valuation_cents,valuation_eur,review_status,last_reason,agreement_id,ledger_entries',
    );
    expect(records[1]).toBe(
      `1,2026-03-10,2026-03,Cartolibre,Camille Martin,"'=cmd|"" /C calc""!A0",https://github.com/cartolibre/cartolibre/issues/1,https://github.com/cartolibre/cartolibre/pull/1,,90,1.50,false,123450,1234.50,pending,,a1,1`,
    );
    expect(records[2]).toBe(
      `2,2026-03-10,2026-03,Cartolibre,Camille Martin,"Translate, then review",https://github.com/cartolibre/cartolibre/issues/2,https://github.com/cartolibre/cartolibre/issues/2,maint,120,2.00,false,10000,100.00,pending,,a1,2`,
    );
    expect(records[3]).toBe('');
  });
});
