import { describe, expect, it } from 'vitest';
import { CONFIG, bodyOf, claimOf, claimedTaskOf, effectsOf, taskOf } from './__fixtures__/journey';
import { decideExpirySweep, decideRecall } from './expiry-sweep';
import { REMINDER_MARKER } from './status-comment';

const EXPIRES = '2026-03-07T09:00:00Z';

describe('decideExpirySweep', () => {
  it.each([
    { name: 'two days before expiry', now: '2026-03-05T09:00:00Z', remindedAt: null },
    { name: 'a day before, once reminded', now: '2026-03-06T12:00:00Z', remindedAt: '2026-03-06T09:00:00Z' },
  ])('leaves a claim alone $name', ({ now, remindedAt }) => {
    expect(decideExpirySweep([{ task: claimedTaskOf({ openClaim: claimOf({ remindedAt }) }), config: CONFIG }], now)).toEqual([]);
  });

  it('leaves tasks without an open claim alone', () => {
    expect(decideExpirySweep([{ task: taskOf(), config: CONFIG }], '2026-03-09T00:00:00Z')).toEqual([]);
  });

  it('reminds the claimant once, a day before the expiry', () => {
    const now = '2026-03-06T09:00:00Z';
    const [decision, ...rest] = decideExpirySweep([{ task: claimedTaskOf(), config: CONFIG }], now);
    expect(rest).toEqual([]);
    expect(decision?.taskId).toBe('t1');
    expect(decision?.issueNumber).toBe(12);
    expect(decision?.storeChanges).toEqual([{ type: 'markReminded', claimId: 'c1', remindedAt: now }]);
    expect(decision === undefined ? [] : effectsOf(decision)).toEqual([{ type: 'postReminder' }]);
    expect(decision === undefined ? '' : bodyOf(decision, 'postReminder')).toBe(
      `${REMINDER_MARKER}\n@camille, your claim on this issue expires on 2026-03-07 09:00 UTC. Log your time with \`/wecena spend <duration>\`, or hand it over with \`/wecena release <note>\` so that someone else can carry on.`,
    );
  });

  it('ends an expired claim, offers the task again, deletes the reminder and says so in one line', () => {
    const now = EXPIRES;
    const task = claimedTaskOf({ openClaim: claimOf({ remindedAt: '2026-03-06T09:00:00Z' }) });
    const [decision] = decideExpirySweep([{ task, config: CONFIG }], now);
    expect(decision?.storeChanges).toEqual([
      { type: 'setTaskState', from: 'claimed', to: 'ready' },
      { type: 'endClaim', claimId: 'c1', endedAt: now, endedHow: 'expired', handoffNote: null },
    ]);
    expect(decision === undefined ? [] : effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-claimed'] },
      { type: 'addLabels', labels: ['wecena-ready'] },
      { type: 'unassign', logins: ['camille'] },
      { type: 'deleteReminder' },
      { type: 'setStatusComment' },
      { type: 'notify' },
    ]);
    const notice = decision === undefined ? '' : (bodyOf(decision, 'notify') ?? '');
    expect(notice).toBe(
      '@camille, your claim on this issue expired, so it is offered again. If you made progress, please leave a short hand-off note here for the next volunteer.',
    );
    expect(notice).not.toContain('\n');
    expect(decision === undefined ? '' : bodyOf(decision, 'setStatusComment')).toContain("- @camille's claim expired on 2026-03-07: no note.");
  });

  it('decides each task of the sweep on its own', () => {
    const decisions = decideExpirySweep(
      [
        { task: claimedTaskOf({ id: 'a' }), config: CONFIG },
        { task: claimedTaskOf({ id: 'b', openClaim: claimOf({ expiresAt: '2026-03-20T09:00:00Z' }) }), config: CONFIG },
        { task: claimedTaskOf({ id: 'c' }), config: { ...CONFIG, labels: { ...CONFIG.labels, claimed: 'taken' } } },
      ],
      '2026-03-08T00:00:00Z',
    );
    expect(decisions.map((decision) => decision.taskId)).toEqual(['a', 'c']);
    expect(decisions[1]?.forgeEffects).toContainEqual({ type: 'removeLabels', labels: ['taken'] });
  });

  it('lets the claim of a task under review run past its expiry: the wait is the maintainers\'', () => {
    const inReview = claimedTaskOf({ state: 'in_review' });
    expect(decideExpirySweep([{ task: inReview, config: CONFIG }], '2026-03-06T09:00:00Z')).toEqual([]);
    expect(decideExpirySweep([{ task: inReview, config: CONFIG }], '2026-03-09T00:00:00Z')).toEqual([]);
  });
});

describe('decideRecall', () => {
  it('ends the claim as recalled, offers the task again and asks for a hand-off note', () => {
    const now = '2026-03-05T15:00:00Z';
    const decision = decideRecall(claimedTaskOf(), CONFIG, now);
    expect(decision?.storeChanges).toEqual([
      { type: 'setTaskState', from: 'claimed', to: 'ready' },
      { type: 'endClaim', claimId: 'c1', endedAt: now, endedHow: 'recalled', handoffNote: null },
    ]);
    expect(decision === null ? [] : effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-claimed'] },
      { type: 'addLabels', labels: ['wecena-ready'] },
      { type: 'unassign', logins: ['camille'] },
      { type: 'setStatusComment' },
      { type: 'notify' },
    ]);
    expect(decision === null ? '' : bodyOf(decision, 'notify')).toBe(
      '@camille, your sponsor has called you back to a client mission, so your claim on this issue ended and it is offered again. Please leave a short hand-off note here for the next volunteer: where the work stands, what remains.',
    );
    expect(decision === null ? '' : bodyOf(decision, 'setStatusComment')).toContain(
      '- @camille was called back to a client mission on 2026-03-05: no note.',
    );
  });

  it('does nothing without an open claim', () => {
    expect(decideRecall(taskOf(), CONFIG, '2026-03-05T15:00:00Z')).toBeNull();
  });
});
