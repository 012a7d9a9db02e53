import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWecena, withData } from './support/admin-process';

describe('wecena admin: languages and causes, run as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-preferences-'));
  const admin = (args: string[]) => runWecena(dataDir, ['admin', ...args]);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("stores a consultant's languages and causes and a beneficiary's cause, where pairing reads them", { timeout: 120_000 }, async () => {
    const beneficiary = await admin([
      'beneficiary', 'add', '--name', 'Lire Ensemble', '--kind', 'nonprofit', '--eligibility', 'public_interest_organisation',
      '--legal-name', 'Association Lire Ensemble', '--rna', 'W691234567', '--cause', 'Education',
    ]);
    await admin(['sponsor', 'add', '--name', 'Octet Conseil', '--legal-name', 'Octet Conseil SAS', '--siren', '832519748', '--address', '12 rue de la Charité, 69002 Lyon']);
    const consultant = await admin([
      'consultant', 'add', 'Octet Conseil', '--name', 'Léa Dubois', '--github', 'lea-dubois',
      '--language', 'fr', '--language', 'en', '--cause', 'education', '--cause', 'open-data',
    ]);
    const list = await admin(['consultant', 'list']);
    const refused = await admin(['consultant', 'add', 'Octet Conseil', '--name', 'Noé Lambert', '--language', 'français']);

    expect(beneficiary.code, beneficiary.stderr).toBe(0);
    expect(consultant.code, consultant.stderr).toBe(0);
    expect(list.stdout).toContain('speaks en fr  prefers education open-data');
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'wecena admin: --language: a language tag such as fr, en or pt-BR (got "français")\n' });
    const stored = await withData(dataDir, async (db) => ({
      consultants: (await db.query('SELECT display_name, languages, causes FROM consultants ORDER BY id')).rows,
      beneficiaries: (await db.query('SELECT name, cause FROM beneficiaries')).rows,
    }));
    expect(stored).toEqual({
      consultants: [{ display_name: 'Léa Dubois', languages: ['en', 'fr'], causes: ['education', 'open-data'] }],
      beneficiaries: [{ name: 'Lire Ensemble', cause: 'education' }],
    });
  });
});
