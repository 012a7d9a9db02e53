import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWecena, withData } from './support/admin-process';

describe('wecena admin grant, run as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-grant-'));
  const admin = (args: string[]) => runWecena(dataDir, ['admin', ...args]);
  const grants = () =>
    withData(dataDir, async (db) => (await db.query<{ forge: string; host: string; login: string; role: string }>('SELECT forge, host, login, role FROM dashboard_grants ORDER BY id')).rows);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const seeded = await runWecena(dataDir, ['seed', '--demo']);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);

  it('grants each role, says so once, and lists them', { timeout: 120_000 }, async () => {
    const operator = await admin(['grant', 'operator', 'github.com/alice']);
    const reviewer = await admin(['grant', 'sponsor_reviewer', 'gitlab.com/cfontaine', '--sponsor', 'Octet Conseil']);
    const contact = await admin(['grant', 'beneficiary-contact', 'gitlab:git.example.org/mkeita', '--beneficiary', 'Cartolibre']);
    const again = await admin(['grant', 'operator', 'github.com/ALICE']);
    const list = await admin(['grant', 'list', '--json']);

    expect(operator).toEqual({ code: 0, stderr: '', stdout: 'granted operator to github:github.com/alice: they see it at their next sign-in\n' });
    expect(reviewer).toEqual({
      code: 0,
      stderr: '',
      stdout: 'granted reviewer #1 Claire Fontaine <claire.fontaine@octet-conseil.example> of #1 Octet Conseil to gitlab:gitlab.com/cfontaine: they see it at their next sign-in\n',
    });
    expect(contact.stdout).toBe('granted contact of #2 Cartolibre to gitlab:git.example.org/mkeita: they see it at their next sign-in\n');
    expect(again).toEqual({ code: 0, stderr: '', stdout: 'github:github.com/ALICE already is operator: nothing changed\n' });
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ forge: 'github', host: 'github.com', login: 'alice', role: 'operator', scope: 'everything', forgeUserId: null }),
      expect.objectContaining({ forge: 'gitlab', host: 'git.example.org', login: 'mkeita', role: 'beneficiary_contact', beneficiaryId: '2' }),
      expect.objectContaining({ forge: 'gitlab', host: 'gitlab.com', login: 'cfontaine', role: 'sponsor_reviewer', sponsorId: '1', reviewerId: '1' }),
    ]);
  });

  it('refuses bad input with one line, exit code 2, and writes nothing', { timeout: 120_000 }, async () => {
    const before = await grants();
    // One after another: a PGlite data directory is open in one process at a time.
    const runs = [];
    for (const args of [
      ['grant', 'consultant', 'github.com/lea'],
      ['grant', 'operator', 'alice'],
      ['grant', 'operator', 'ghe.example.com/alice'],
      ['grant', 'operator', 'github.com/bob', '--sponsor', 'Octet Conseil'],
      ['grant', 'sponsor_reviewer', 'github.com/bob'],
      ['grant', 'beneficiary_contact', 'github.com/bob', '--beneficiary', 'Nobody'],
      ['grant', 'sponsor_reviewer', 'github.com/bob', '--sponsor', 'Octet Conseil', '--reviewer', 'nobody@example.org'],
    ]) {
      runs.push(await admin(args));
    }

    expect(runs.map((run) => [run.code, run.stdout])).toEqual(runs.map(() => [2, '']));
    expect(runs.map((run) => run.stderr)).toEqual([
      expect.stringMatching(/^wecena admin: <role>: expected one of operator, sponsor_reviewer, beneficiary_contact \(got "consultant"\)/),
      expect.stringMatching(/^wecena admin: <host>\/<login>: expected a forge login such as github\.com\/alice/),
      'wecena admin: <host>/<login>: which forge is ghe.example.com? write github:ghe.example.com/alice (GitHub Enterprise Server) or gitlab:ghe.example.com/alice (GitLab)\n',
      'wecena admin: operator: sees everything; give no --sponsor, --reviewer or --beneficiary\n',
      'wecena admin: sponsor_reviewer: --sponsor is required: the sponsor whose contributions they review\n',
      expect.stringMatching(/^wecena admin: no beneficiary has the id or name "Nobody" \(known: #1 Entraide Solidaire, #2 Cartolibre\)\n$/),
      'wecena admin: --reviewer: no reviewer of #1 Octet Conseil has the id, email or name "nobody@example.org" (known: #1 claire.fontaine@octet-conseil.example)\n',
    ]);
    expect(runs.every((run) => run.stderr.split('\n').length === 2)).toBe(true);
    expect(await grants()).toEqual(before);
  });

  it('revokes a role, and says when there was nothing to revoke', { timeout: 60_000 }, async () => {
    const revoked = await admin(['grant', 'revoke', 'beneficiary_contact', 'gitlab:git.example.org/MKeita', '--beneficiary', '2']);
    const nothing = await admin(['grant', 'revoke', 'operator', 'github.com/nobody']);

    expect(revoked).toEqual({ code: 0, stderr: '', stdout: 'revoked contact of #2 Cartolibre from gitlab:git.example.org/MKeita\n' });
    expect(nothing).toEqual({ code: 0, stderr: '', stdout: 'github:github.com/nobody is not operator: nothing changed\n' });
    expect((await grants()).map((grant) => grant.role)).toEqual(['operator', 'sponsor_reviewer']);
  });
});
