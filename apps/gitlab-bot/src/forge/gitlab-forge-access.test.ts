import { useStrictNock } from '@wecena/testkit';
import type { RepositoryRef } from '@wecena/core';
import type { StoredRepository } from '@wecena/engine';
import { describe, expect, it } from 'vitest';
import { gitlabForgeAccess, hostOf } from './gitlab-forge-access';
import { gitlabApi } from './testing/gitlab-api-mock';

useStrictNock();

function stored(ref: RepositoryRef): StoredRepository {
  return { id: 'r1', ref, beneficiaryId: null, linkedToEligibleBeneficiary: false, enabled: true, installationId: null, config: {}, configFetchedAt: null };
}

const onDotCom = stored({ forge: 'gitlab', host: 'gitlab.com', forgeId: '1', path: 'nonprofit/site' });
const onSelfManaged = stored({ forge: 'gitlab', host: 'git.example.org:8443', forgeId: '7', path: 'asso/app' });
const issueJson = { id: 1, iid: 2, title: 't', state: 'opened', labels: [], web_url: 'https://x/-/issues/2' };

describe('gitlabForgeAccess', () => {
  const access = gitlabForgeAccess({
    url: 'https://gitlab.com',
    token: 'glpat-dotcom',
    otherHosts: [{ url: 'https://git.example.org:8443/gitlab/', token: 'glpat-self-managed', botUsername: 'wecena' }],
  });

  it('serves the default host and the others', () => {
    expect(access.hosts).toEqual(['gitlab.com', 'git.example.org:8443']);
  });

  it('reaches each repository on its own host, with that host’s token and relative URL root', async () => {
    gitlabApi('https://gitlab.com', 'glpat-dotcom').get('/v4/projects/1/issues/2').reply(200, issueJson);
    gitlabApi('https://git.example.org:8443/gitlab', 'glpat-self-managed').get('/v4/projects/7/issues/2').reply(200, issueJson);

    const dotCom = await access.portFor(onDotCom);
    const selfManaged = await access.portFor(onSelfManaged);

    expect(await dotCom?.getIssue({ repository: onDotCom.ref, issueNumber: 2 })).toMatchObject({ number: 2 });
    expect(await selfManaged?.getIssue({ repository: onSelfManaged.ref, issueNumber: 2 })).toMatchObject({ number: 2 });
    expect(await access.portFor(onDotCom)).toBe(dotCom);
  });

  it('cannot reach a repository on a host it has no token for', async () => {
    expect(await access.portFor(stored({ ...onDotCom.ref, host: 'framagit.org' }))).toBeNull();
  });

  it('completes a noted issue with its assignees’ usernames, which the note hook gives by id only', async () => {
    gitlabApi('https://gitlab.com', 'glpat-dotcom')
      .get('/v4/projects/1/issues/2')
      .reply(200, { ...issueJson, assignees: [{ id: 51, username: 'camille' }] });
    const noted = { number: 2, forgeId: '1', title: 't', body: 'b', url: 'u', state: 'open' as const, labels: ['wecena-claimed'], assignees: [], locked: false };

    expect(await access.completeNotedIssue(onDotCom, noted)).toEqual({ ...noted, assignees: ['camille'] });
  });

  it('reads .gitlab/wecena.yml with each problem at its line', () => {
    expect(access.readConfig('claimTtlDays: 0\n').problems).toEqual([expect.stringMatching(/^line 1, claimTtlDays: /)]);
    expect(access.readConfig(null).problems).toEqual([]);
  });
});

describe('hostOf', () => {
  it.each([
    { url: 'https://gitlab.com', expected: 'gitlab.com' },
    { url: 'https://Git.Example.org:8443/gitlab/', expected: 'git.example.org:8443' },
  ])('gives $expected for $url', ({ url, expected }) => {
    expect(hostOf(url)).toBe(expected);
  });
});
