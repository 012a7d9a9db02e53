import { describe, expect, it } from 'vitest';
import { defaultRepositoryConfig, type RepositoryConfig } from '../config/repository-config';
import type { ForgeEvent } from '../events/forge-event';
import { STATUS_MARKER } from '../journey/status-comment';
import type { Permission } from '../ports/forge-port';
import { autoTagOptOut, type AutoTagCandidate, decideAutoTag, selectAutoTags } from './auto-tag';
import { listedIssue } from './__fixtures__/listed-issue';

const ON: RepositoryConfig = { ...defaultRepositoryConfig, autoTag: true, autoTagDailyLimit: 2 };
const REPOSITORY = { forge: 'github', host: 'github.com', forgeId: '1', path: 'acme/widgets' } as const;
const FACTS = { linkedToEligibleBeneficiary: true, hasContributingGuide: true };
const NOW = '2026-03-02T09:00:00.000Z';

function candidate(issueNumber: number, overrides: Partial<AutoTagCandidate> = {}): AutoTagCandidate {
  return { issueNumber, score: 8, suitable: true, ready: true, labels: [], hasTask: false, taggedBefore: false, optedOut: false, ...overrides };
}

describe('selectAutoTags', () => {
  it.each<{ name: string; candidates: AutoTagCandidate[]; config?: RepositoryConfig; taggedToday?: number; expected: number[] }>([
    { name: 'nothing when auto-tagging is off (the default)', candidates: [candidate(1)], config: defaultRepositoryConfig, expected: [] },
    { name: 'the best scores first, within the daily limit', candidates: [candidate(1, { score: 5 }), candidate(2, { score: 9 }), candidate(3, { score: 7 })], expected: [2, 3] },
    { name: 'only the room left today', candidates: [candidate(1), candidate(2)], taggedToday: 1, expected: [1] },
    { name: 'nothing once the limit is reached', candidates: [candidate(1)], taggedToday: 2, expected: [] },
    { name: 'not an issue below the threshold', candidates: [candidate(1, { suitable: false })], expected: [] },
    { name: 'not an issue failing the checklist', candidates: [candidate(1, { ready: false })], expected: [] },
    { name: 'never again an issue tagged once', candidates: [candidate(1, { taggedBefore: true })], expected: [] },
    { name: 'never an issue a maintainer opted out', candidates: [candidate(1, { optedOut: true })], expected: [] },
    { name: 'not an issue wecena knows already', candidates: [candidate(1, { hasTask: true })], expected: [] },
    { name: 'not an issue carrying a wecena label', candidates: [candidate(1, { labels: ['Wecena-Needs-Info'] })], expected: [] },
  ])('$name', ({ candidates, config = ON, taggedToday = 0, expected }) => {
    expect(selectAutoTags({ candidates, config, taggedToday })).toEqual(expected);
  });
});

describe('decideAutoTag', () => {
  const reasons = [{ factor: 'newcomer_label', points: 3, text: 'labelled "good first issue" (newcomer work)' }] as const;

  it('offers the issue as a maintainer label would, the status comment saying why and how to undo', () => {
    const decision = decideAutoTag({ repositoryRef: REPOSITORY, issue: listedIssue().issue, score: 9, reasons, config: ON, repository: FACTS, now: NOW });
    expect(decision?.storeChanges[0]).toMatchObject({ type: 'upsertTask', from: null, state: 'ready' });
    expect(decision?.forgeEffects).toContainEqual(expect.objectContaining({ type: 'addLabels', labels: ['wecena-ready'] }));
    const status = decision?.forgeEffects.find((effect) => effect.type === 'setStatusComment');
    if (status?.type !== 'setStatusComment') throw new Error('a status comment');
    expect(status.body.startsWith(STATUS_MARKER)).toBe(true);
    expect(status.body).toContain('`autoTag`');
    expect(status.body).toContain('score of 9 (labelled "good first issue" (newcomer work))');
    expect(status.body).toContain('`/wecena unready`');
    expect(decision?.forgeEffects.some((effect) => effect.type === 'reply')).toBe(false);
  });

  it('does nothing when the checklist fails on the issue as it is now', () => {
    const issue = listedIssue({ issue: { labels: ['good first issue'] } }).issue;
    expect(decideAutoTag({ repositoryRef: REPOSITORY, issue, score: 9, reasons, config: ON, repository: FACTS, now: NOW })).toBeNull();
  });
});

describe('autoTagOptOut', () => {
  const issue = listedIssue().issue;
  const person = { login: 'mara', forgeId: '7', isBot: false };
  const bot = { login: 'wecena[bot]', forgeId: '8', isBot: true };
  const labelRemoved = (actor: typeof person, labelsRemoved: string[]): ForgeEvent => ({
    kind: 'issue_changed', repository: REPOSITORY, issue, action: 'updated', labelsAdded: [], labelsRemoved, contentEdited: false, actor,
  });
  const comment = (author: typeof person, body: string): ForgeEvent => ({
    kind: 'comment_created', repository: REPOSITORY, on: { type: 'issue', issue }, comment: { forgeId: '55', body, url: 'https://example.org/c/55' }, author,
  });

  it.each<{ name: string; event: ForgeEvent; permission: Permission | null; expected: ReturnType<typeof autoTagOptOut> }>([
    { name: 'a person removes the ready label', event: labelRemoved(person, ['wecena-ready']), permission: null, expected: { issueNumber: 12, how: 'label_removed' } },
    { name: 'the bot removes the ready label', event: labelRemoved(bot, ['wecena-ready']), permission: null, expected: null },
    { name: 'a person removes another label', event: labelRemoved(person, ['bug']), permission: null, expected: null },
    { name: 'a maintainer writes /wecena unready', event: comment(person, 'Not for now.\n/wecena unready'), permission: 'write', expected: { issueNumber: 12, how: 'unready' } },
    { name: 'a reader writes /wecena unready', event: comment(person, '/wecena unready'), permission: 'read', expected: null },
    { name: 'a maintainer quotes it in code', event: comment(person, '`/wecena unready` undoes it'), permission: 'admin', expected: null },
    { name: 'a maintainer writes something else', event: comment(person, '/wecena ready'), permission: 'admin', expected: null },
  ])('$name', ({ event, permission, expected }) => {
    expect(autoTagOptOut(event, defaultRepositoryConfig, permission)).toEqual(expected);
  });
});
