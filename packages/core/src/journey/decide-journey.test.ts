import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../ports/forge-port';
import {
  BOT,
  CAMILLE,
  CAMILLE_FACTS,
  CLAIMED_ISSUE,
  CONFIG,
  DOMINIQUE,
  DOMINIQUE_FACTS,
  MAINTAINER,
  NOW,
  STRANGER,
  bodyOf,
  changeRequestClosed,
  changeRequestOf,
  changeRequestOpened,
  claimOf,
  claimedTaskOf,
  commentOn,
  effectsOf,
  inputOf,
  issueChanged,
  issueOf,
  taskOf,
} from './__fixtures__/journey';
import { decideJourney, journeyNeeds } from './decide-journey';
import { NO_DECISION, type CreditSnapshot, type JourneyInput } from './journey-types';
import { STATUS_MARKER } from './status-comment';

const NEEDS_INFO_BODY = 'The export is broken.';
const DETAILS = {
  issueNumber: 12,
  issueForgeId: '9012',
  title: 'Export button does nothing on Firefox',
  url: 'https://github.com/civic/tracker/issues/12',
  estimateMinutes: 180,
  skills: ['typescript'],
  category: 'code',
} as const;

function decide(input: JourneyInput) {
  return decideJourney(input);
}

function replyTo(input: JourneyInput): string | undefined {
  return bodyOf(decide(input), 'reply');
}

describe('ready: a maintainer offers an issue', () => {
  it('runs the checklist when the ready label is added, and the task becomes ready', () => {
    const decision = decide(inputOf(issueChanged(MAINTAINER, { added: ['wecena-ready'] }), { permission: 'write' }));
    expect(decision.issueNumber).toBe(12);
    expect(decision.storeChanges).toEqual([{ type: 'upsertTask', from: null, state: 'ready', details: DETAILS }]);
    // The label is there already and needs-info is not: only the status comment is written.
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    const status = bodyOf(decision, 'setStatusComment') ?? '';
    expect(status.startsWith(STATUS_MARKER)).toBe(true);
    expect(status).toContain('Ready: a sponsored consultant can claim it with `/wecena claim`.');
    expect(status).toContain('- [x] The description says what done looks like.');
  });

  it('runs it on `/wecena ready` and adds the label, creating the wecena labels first', () => {
    const issue = issueOf({ labels: ['lang/ts'] });
    const decision = decide(inputOf(commentOn('/wecena ready', MAINTAINER, { issue }), { permission: 'admin' }));
    expect(decision.storeChanges).toEqual([{ type: 'upsertTask', from: null, state: 'ready', details: DETAILS }]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'addLabels', labels: ['wecena-ready'] },
      { type: 'setStatusComment' },
    ]);
    const ensure = decision.forgeEffects[0];
    expect(ensure?.type === 'ensureLabels' && ensure.labels.map((label) => label.name)).toEqual([
      'wecena-ready',
      'wecena-claimed',
      'wecena-done',
      'wecena-needs-info',
      'size/XS',
      'size/S',
      'size/M',
      'size/L',
    ]);
  });

  it('marks a failing issue as needing information, with the checklist ticked and unticked', () => {
    const issue = issueOf({ body: NEEDS_INFO_BODY });
    const decision = decide(inputOf(issueChanged(MAINTAINER, { issue, added: ['wecena-ready'] }), { permission: 'maintain' }));
    expect(decision.storeChanges).toEqual([
      { type: 'upsertTask', from: null, state: 'candidate', details: { ...DETAILS, estimateMinutes: null } },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-ready'] },
      { type: 'addLabels', labels: ['wecena-needs-info'] },
      { type: 'setStatusComment' },
    ]);
    const status = bodyOf(decision, 'setStatusComment') ?? '';
    expect(status).toContain('Needs information before wecena can offer it');
    expect(status).toContain(
      '- [ ] Say what done looks like: add a task list (`- [ ] ...`) or a "Done when" section to the description.',
    );
    expect(status).toContain('- [x] Nobody is assigned.');
  });

  it('offers again a withdrawn task', () => {
    const decision = decide(inputOf(commentOn('/wecena ready', MAINTAINER), { task: taskOf({ state: 'withdrawn' }), permission: 'write' }));
    expect(decision.storeChanges).toEqual([{ type: 'upsertTask', from: 'withdrawn', state: 'ready', details: DETAILS }]);
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'a triager comments /wecena ready',
      input: inputOf(commentOn('/wecena ready', STRANGER), { permission: 'triage' }),
      expected: '@sam Only maintainers of the repository (write access or more) can use `/wecena ready`.',
    },
    {
      name: 'a reader comments /wecena unready',
      input: inputOf(commentOn('/wecena unready', STRANGER), { task: taskOf(), permission: 'read' }),
      expected: '@sam Only maintainers of the repository (write access or more) can use `/wecena unready`.',
    },
    {
      name: 'nobody asked the permission',
      input: inputOf(commentOn('/wecena ready', STRANGER), { permission: null }),
      expected: '@sam Only maintainers of the repository (write access or more) can use `/wecena ready`.',
    },
    {
      name: '/wecena ready is written on a change request',
      input: inputOf(commentOn('/wecena ready', MAINTAINER, { changeRequest: changeRequestOf(CAMILLE) }), { permission: 'admin' }),
      expected: '@mara This is a change request: wecena offers issues. Mark the issue it resolves instead.',
    },
    {
      name: '/wecena claim is written on a change request',
      input: inputOf(commentOn('/wecena claim', CAMILLE, { changeRequest: changeRequestOf(CAMILLE) }), { task: taskOf() }),
      expected: '@camille `/wecena claim` works on the issue itself, not on a change request: please write it there.',
    },
    {
      name: 'a claimed task is marked ready',
      input: inputOf(commentOn('/wecena ready', MAINTAINER, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf(), permission: 'write' }),
      expected:
        '@mara This issue is claimed, so wecena cannot mark it ready. Commands that apply now: `/wecena done`, `/wecena release`, `/wecena unready`.',
    },
  ])('refuses when $name', ({ input, expected }) => {
    const decision = decide(input);
    expect(decision.storeChanges).toEqual([]);
    expect(effectsOf(decision).filter((effect) => effect.type !== 'reply')).toEqual([]);
    expect(bodyOf(decision, 'reply')).toBe(expected);
  });

  it('takes the ready label back from someone who may not offer issues, and says why', () => {
    const decision = decide(inputOf(issueChanged(STRANGER, { added: ['wecena-ready'] }), { permission: 'triage' }));
    expect(decision.storeChanges).toEqual([]);
    expect(effectsOf(decision)).toEqual([{ type: 'removeLabels', labels: ['wecena-ready'] }, { type: 'reply' }]);
    expect(bodyOf(decision, 'reply')).toBe(
      '@sam Only maintainers of the repository (write access or more) can offer an issue on wecena, so the `wecena-ready` label was removed.',
    );
  });
});

describe('edits run the checklist again', () => {
  it('withdraws a ready task whose description lost its criteria', () => {
    const issue = issueOf({ body: NEEDS_INFO_BODY });
    const decision = decide(inputOf(issueChanged(STRANGER, { issue, contentEdited: true }), { task: taskOf() }));
    expect(decision.storeChanges).toEqual([
      { type: 'upsertTask', from: 'ready', state: 'withdrawn', details: { ...DETAILS, estimateMinutes: null } },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-ready'] },
      { type: 'addLabels', labels: ['wecena-needs-info'] },
      { type: 'setStatusComment' },
    ]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Needs information before wecena can offer it');
  });

  it('offers a task that needed information once a size label is added', () => {
    const issue = issueOf({ body: '- [ ] fix the export', labels: ['wecena-needs-info', 'size/S'] });
    const decision = decide(inputOf(issueChanged(MAINTAINER, { issue, added: ['size/S'] }), { task: taskOf({ state: 'candidate' }) }));
    expect(decision.storeChanges).toEqual([
      { type: 'upsertTask', from: 'candidate', state: 'ready', details: { ...DETAILS, skills: [] } },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-needs-info'] },
      { type: 'addLabels', labels: ['wecena-ready'] },
      { type: 'setStatusComment' },
    ]);
  });

  it.each<{ name: string; input: JourneyInput }>([
    { name: 'an edit of a withdrawn task without wecena labels', input: inputOf(issueChanged(MAINTAINER, { issue: issueOf({ labels: [] }), contentEdited: true }), { task: taskOf({ state: 'withdrawn' }) }) },
    { name: 'an edit of a claimed task', input: inputOf(issueChanged(CAMILLE, { issue: CLAIMED_ISSUE, contentEdited: true }), { task: claimedTaskOf() }) },
    { name: 'an edit of an issue wecena does not know', input: inputOf(issueChanged(STRANGER, { contentEdited: true })) },
    { name: 'a label change by a bot', input: inputOf(issueChanged(BOT, { removed: ['wecena-ready'] }), { task: taskOf() }) },
    { name: 'the ready label added by a bot', input: inputOf(issueChanged(BOT, { added: ['wecena-ready'] })) },
    { name: 'a wecena label change only', input: inputOf(issueChanged(MAINTAINER, { added: ['wecena-claimed'] }), { task: taskOf() }) },
  ])('changes nothing on $name', ({ input }) => {
    expect(decide(input)).toEqual(NO_DECISION);
  });
});

describe('withdrawal', () => {
  it('withdraws a ready task when the label is removed, keeping the status comment', () => {
    const issue = issueOf({ labels: ['lang/ts'] });
    const decision = decide(inputOf(issueChanged(MAINTAINER, { issue, removed: ['wecena-ready'] }), { task: taskOf() }));
    expect(decision.storeChanges).toEqual([{ type: 'setTaskState', from: 'ready', to: 'withdrawn' }]);
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    expect(bodyOf(decision, 'setStatusComment')).toContain(
      'Withdrawn from wecena. A maintainer can offer it again with `/wecena ready`.',
    );
  });

  it('withdraws a claimed task on /wecena unready: the claim ends, the claimant is told, the labels and reminder go', () => {
    const task = claimedTaskOf({ openClaim: claimOf({ remindedAt: '2026-03-06T09:00:00Z' }) });
    const decision = decide(inputOf(commentOn('/wecena unready', MAINTAINER, { issue: CLAIMED_ISSUE }), { task, permission: 'write' }));
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'claimed', to: 'withdrawn' },
      { type: 'endClaim', claimId: 'c1', endedAt: NOW, endedHow: 'withdrawn', handoffNote: null },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'removeLabels', labels: ['wecena-claimed'] },
      { type: 'unassign', logins: ['camille'] },
      { type: 'deleteReminder' },
      { type: 'setStatusComment' },
      { type: 'notify' },
    ]);
    expect(bodyOf(decision, 'notify')).toBe(
      '@camille, a maintainer took this issue off wecena, so your claim ended. Thank you for your time; if you made progress, please leave a short note here.',
    );
  });

  it('withdraws a ready task when its issue is closed, but leaves a claimed one to its change request', () => {
    expect(decide(inputOf(issueChanged(MAINTAINER, { action: 'closed' }), { task: taskOf() })).storeChanges).toEqual([
      { type: 'setTaskState', from: 'ready', to: 'withdrawn' },
    ]);
    expect(decide(inputOf(issueChanged(MAINTAINER, { action: 'closed', issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }))).toEqual(
      NO_DECISION,
    );
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'wecena does not know the issue',
      input: inputOf(commentOn('/wecena unready', MAINTAINER), { permission: 'write' }),
      expected: '@mara This issue is not on wecena, so there is nothing to withdraw.',
    },
    {
      name: 'the task is withdrawn already',
      input: inputOf(commentOn('/wecena unready', MAINTAINER), { task: taskOf({ state: 'withdrawn' }), permission: 'write' }),
      expected: '@mara This issue is withdrawn from wecena, so wecena cannot withdraw it. Commands that apply now: `/wecena ready`.',
    },
    {
      name: 'the task is done',
      input: inputOf(commentOn('/wecena unready', MAINTAINER), { task: taskOf({ state: 'done' }), permission: 'write' }),
      expected: '@mara This issue is done, so wecena cannot withdraw it. Commands that apply now: `/wecena reject`.',
    },
  ])('refuses /wecena unready when $name', ({ input, expected }) => {
    expect(decide(input).storeChanges).toEqual([]);
    expect(replyTo(input)).toBe(expected);
  });
});

describe('claim', () => {
  it('assigns a registered consultant, labels the issue and records a claim for the claim TTL', () => {
    const decision = decide(inputOf(commentOn('/wecena claim', CAMILLE), { task: taskOf() }));
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'ready', to: 'claimed' },
      { type: 'openClaim', consultantId: 'k1', claimedAt: NOW, expiresAt: '2026-03-08T10:00:00.000Z' },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-ready'] },
      { type: 'addLabels', labels: ['wecena-claimed'] },
      { type: 'assign', logins: ['camille'] },
      { type: 'setStatusComment' },
    ]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Claimed by @camille until 2026-03-08 10:00 UTC.');
  });

  it('ends the claim with the availability window when that comes first', () => {
    const consultants = [{ ...CAMILLE_FACTS, availableUntil: '2026-03-06' }];
    const decision = decide(inputOf(commentOn('/wecena claim', CAMILLE), { task: taskOf(), consultants }));
    expect(decision.storeChanges[1]).toEqual({
      type: 'openClaim',
      consultantId: 'k1',
      claimedAt: NOW,
      expiresAt: '2026-03-07T00:00:00.000Z',
    });
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'the commenter is not a registered consultant',
      input: inputOf(commentOn('/wecena claim', STRANGER), { task: taskOf() }),
      expected:
        '@sam Only sponsored consultants registered on wecena can claim an issue. If your employer lends you through wecena, ask them to link your forge login to your profile.',
    },
    {
      name: 'wecena does not know the issue',
      input: inputOf(commentOn('/wecena claim', CAMILLE)),
      expected: '@camille This issue is not offered on wecena yet, so it cannot be claimed. A maintainer offers it with `/wecena ready`.',
    },
    {
      name: 'the task needs information',
      input: inputOf(commentOn('/wecena claim', CAMILLE), { task: taskOf({ state: 'candidate' }) }),
      expected: '@camille This issue is not offered on wecena yet, so it cannot be claimed. A maintainer offers it with `/wecena ready`.',
    },
    {
      name: 'someone else holds it',
      input: inputOf(commentOn('/wecena claim', DOMINIQUE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected:
        '@dominique This issue is already claimed by @camille until 2026-03-07 09:00 UTC. Ask them here whether they would like a hand, or pick another issue on your wecena dashboard.',
    },
    {
      name: 'the commenter holds it already',
      input: inputOf(commentOn('/wecena claim', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected: '@camille You already hold this issue, until 2026-03-07 09:00 UTC.',
    },
    {
      name: 'the consultant is at their limit of open claims',
      input: inputOf(commentOn('/wecena claim', DOMINIQUE), { task: taskOf(), consultants: [{ ...DOMINIQUE_FACTS, openClaims: 2 }] }),
      expected:
        '@dominique You already hold 2 open claims, and the limit is 2. Finish one, or hand it over with `/wecena release <note>`, before claiming another.',
    },
    {
      name: 'the repository limit is lower than the profile',
      input: inputOf(commentOn('/wecena claim', DOMINIQUE), { task: taskOf(), consultants: [{ ...DOMINIQUE_FACTS, openClaims: 2, openClaimsLimit: 5 }] }),
      expected:
        '@dominique You already hold 2 open claims, and the limit is 2. Finish one, or hand it over with `/wecena release <note>`, before claiming another.',
    },
    {
      name: 'no availability window covers today',
      input: inputOf(commentOn('/wecena claim', CAMILLE), { task: taskOf(), consultants: [{ ...CAMILLE_FACTS, availableUntil: null }] }),
      expected:
        '@camille Your availability window does not cover today, so you cannot claim an issue now. Ask your sponsor to record your availability on wecena, then claim again.',
    },
    {
      name: 'the task is done',
      input: inputOf(commentOn('/wecena claim', CAMILLE), { task: taskOf({ state: 'done' }) }),
      expected: '@camille This issue is done, so wecena cannot claim it. Commands that apply now: `/wecena reject`.',
    },
  ])('refuses when $name, in one reply', ({ input, expected }) => {
    const decision = decide(input);
    expect(decision.storeChanges).toEqual([]);
    expect(effectsOf(decision)).toEqual([{ type: 'reply' }]);
    expect(bodyOf(decision, 'reply')).toBe(expected);
  });
});

describe('spend', () => {
  it('logs time for the claimant, keyed by the comment for idempotency', () => {
    const decision = decide(inputOf(commentOn('/wecena spend 2h30', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }));
    expect(decision.storeChanges).toEqual([
      { type: 'logTime', consultantId: 'k1', minutes: 150, spentOn: '2026-03-05', source: 'command', sourceRef: 'n77', recordedAt: NOW },
    ]);
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Time logged: @camille 2h30.');
  });

  it('logs a dated entry and a correction from one comment, each with its own key', () => {
    const task = claimedTaskOf({ loggedTime: [{ consultantId: 'k1', login: 'camille', minutes: 60 }] });
    const decision = decide(inputOf(commentOn('/wecena spend 1h 2026-03-03\n/wecena spend -30m', CAMILLE, { issue: CLAIMED_ISSUE }), { task }));
    expect(decision.storeChanges).toEqual([
      { type: 'logTime', consultantId: 'k1', minutes: 60, spentOn: '2026-03-03', source: 'command', sourceRef: 'n77', recordedAt: NOW },
      { type: 'logTime', consultantId: 'k1', minutes: -30, spentOn: '2026-03-05', source: 'command', sourceRef: 'n77#1', recordedAt: NOW },
    ]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Time logged: @camille 1h30.');
  });

  it('logs time written on the change request on the task it closes', () => {
    const event = commentOn('/wecena spend 45m', CAMILLE, { changeRequest: changeRequestOf(CAMILLE) });
    const decision = decide(inputOf(event, { task: claimedTaskOf() }));
    expect(decision.issueNumber).toBe(12);
    expect(decision.storeChanges).toMatchObject([{ type: 'logTime', minutes: 45 }]);
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'the change request closes no task',
      input: inputOf(commentOn('/wecena spend 1h', CAMILLE, { changeRequest: changeRequestOf(CAMILLE) })),
      expected: '@camille This is not an issue offered on wecena, so there is no task to log time on.',
    },
    {
      name: 'nobody holds the task',
      input: inputOf(commentOn('/wecena spend 1h', CAMILLE), { task: taskOf() }),
      expected: '@camille Nobody holds this issue, so time cannot be logged on it. Claim it first with `/wecena claim`.',
    },
    {
      name: 'someone else holds it',
      input: inputOf(commentOn('/wecena spend 1h', DOMINIQUE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected: '@dominique Only `@camille`, who claimed this issue, can log time on it.',
    },
    {
      name: 'a stranger logs time',
      input: inputOf(commentOn('/wecena spend 1h', STRANGER, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected: '@sam Only `@camille`, who claimed this issue, can log time on it.',
    },
    {
      name: 'a correction would go below zero',
      input: inputOf(commentOn('/wecena spend -2h', CAMILLE, { issue: CLAIMED_ISSUE }), {
        task: claimedTaskOf({ loggedTime: [{ consultantId: 'k1', login: 'camille', minutes: 60 }] }),
      }),
      expected: '@camille You have logged 1h on this issue; a correction of -2h would take your total below zero.',
    },
    {
      name: 'the duration cannot be read',
      input: inputOf(commentOn('/wecena spend lots', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected:
        '@camille `/wecena spend lots`: "lots" is not a duration. Write it like 2h30, 1.5h, 90m or 1d (a day counts 7h). Usage: `/wecena spend <duration> [YYYY-MM-DD]`',
    },
    {
      name: 'the date is after today',
      input: inputOf(commentOn('/wecena spend 1h 2026-03-06', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected:
        '@camille `/wecena spend 1h 2026-03-06`: "2026-03-06" is in the future (today is 2026-03-05). Usage: `/wecena spend <duration> [YYYY-MM-DD]`',
    },
  ])('refuses when $name', ({ input, expected }) => {
    const decision = decide(input);
    expect(decision.storeChanges).toEqual([]);
    expect(effectsOf(decision)).toEqual([{ type: 'reply' }]);
    expect(bodyOf(decision, 'reply')).toBe(expected);
  });
});

describe('release', () => {
  it('ends the claim with the note, unassigns and offers the task again', () => {
    const task = claimedTaskOf({
      openClaim: claimOf({ remindedAt: '2026-03-06T09:00:00Z' }),
      loggedTime: [{ consultantId: 'k1', login: 'camille', minutes: 90 }],
    });
    const body = '/wecena release\nTests are in the branch `fix-12`; the fix remains. Ask @mara for access.';
    const decision = decide(inputOf(commentOn(body, CAMILLE, { issue: CLAIMED_ISSUE }), { task }));
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'claimed', to: 'ready' },
      {
        type: 'endClaim',
        claimId: 'c1',
        endedAt: NOW,
        endedHow: 'released',
        handoffNote: 'Tests are in the branch `fix-12`; the fix remains. Ask @mara for access.',
      },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-claimed'] },
      { type: 'addLabels', labels: ['wecena-ready'] },
      { type: 'unassign', logins: ['camille'] },
      { type: 'deleteReminder' },
      { type: 'setStatusComment' },
    ]);
    const status = bodyOf(decision, 'setStatusComment') ?? '';
    expect(status).toContain('Ready: a sponsored consultant can claim it');
    expect(status).toContain('- @camille released it on 2026-03-05:\n  > Tests are in the branch \\`fix-12\\`; the fix remains. Ask @&#8203;mara for access.');
    expect(status).toContain('Time logged: @camille 1h30.');
  });

  it('logs time and releases from one comment', () => {
    const decision = decide(inputOf(commentOn('/wecena spend 1h\n/wecena release Half done.', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }));
    expect(decision.storeChanges.map((change) => change.type)).toEqual(['setTaskState', 'logTime', 'endClaim']);
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'nobody holds the task',
      input: inputOf(commentOn('/wecena release Not for me.', CAMILLE), { task: taskOf() }),
      expected: '@camille Nobody holds this issue, so there is nothing to release.',
    },
    {
      name: 'someone else holds it',
      input: inputOf(commentOn('/wecena release Let me.', DOMINIQUE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected:
        '@dominique Only `@camille`, who claimed this issue, can release it. A maintainer can take the issue off wecena with `/wecena unready`.',
    },
    {
      name: 'the note is missing',
      input: inputOf(commentOn('/wecena release', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf() }),
      expected:
        '@camille `/wecena release`: A handoff note is required. Say where the work stands, for whoever takes the issue next. Usage: `/wecena release <handoff note>`',
    },
  ])('refuses when $name', ({ input, expected }) => {
    const decision = decide(input);
    expect(decision.storeChanges).toEqual([]);
    expect(bodyOf(decision, 'reply')).toBe(expected);
  });
});

describe('merge of a change request', () => {
  it('credits the claimant with the time logged, and the task is done', () => {
    const task = claimedTaskOf({
      openClaim: claimOf({ remindedAt: '2026-03-06T09:00:00Z' }),
      loggedTime: [{ consultantId: 'k1', login: 'camille', minutes: 150 }],
    });
    const decision = decide(inputOf(changeRequestClosed(CAMILLE, true), { task }));
    expect(decision.issueNumber).toBe(12);
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'claimed', to: 'done' },
      { type: 'endClaim', claimId: 'c1', endedAt: NOW, endedHow: 'completed', handoffNote: null },
      {
        type: 'recordCredit',
        consultantId: 'k1',
        changeRequestUrl: 'https://github.com/civic/tracker/pull/13',
        confirmedBy: null,
        minutes: 150,
        estimated: false,
        landedAt: '2026-03-05T09:30:00Z',
        recordedBy: 'wecena',
        sourceRef: 'https://github.com/civic/tracker/pull/13',
      },
    ]);
    // The issue's labels are not in the event: removals and additions go out whatever they are.
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-claimed', 'wecena-ready'] },
      { type: 'addLabels', labels: ['wecena-done'] },
      { type: 'deleteReminder' },
      { type: 'setStatusComment' },
    ]);
    const status = bodyOf(decision, 'setStatusComment') ?? '';
    expect(status).toContain('Done: thank you @camille!');
    expect(status).toContain('Credited: 2h30, for [the merged change request](https://github.com/civic/tracker/pull/13).');
  });

  it('credits the estimate, flagged, when no time was logged', () => {
    const decision = decide(inputOf(changeRequestClosed({ ...CAMILLE, login: 'Camille' }, true), { task: claimedTaskOf({ state: 'in_review' }) }));
    expect(decision.storeChanges[2]).toMatchObject({ type: 'recordCredit', minutes: 180, estimated: true });
    expect(bodyOf(decision, 'setStatusComment')).toContain('Credited: 3h (the estimate: no time was logged)');
  });

  it('credits nobody when someone else authored it, and says so in the status comment', () => {
    const decision = decide(inputOf(changeRequestClosed(DOMINIQUE, true), { task: claimedTaskOf() }));
    expect(decision.storeChanges).toEqual([]);
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    expect(bodyOf(decision, 'setStatusComment')).toContain(
      'A change request by `@dominique` closed this issue while `@camille` held the claim, so no credit was recorded. A maintainer can credit the work with `/wecena done <duration> @login`.',
    );
  });

  it.each<{ name: string; input: JourneyInput }>([
    { name: 'closed without merge', input: inputOf(changeRequestClosed(CAMILLE, false), { task: claimedTaskOf() }) },
    { name: 'closing no task', input: inputOf(changeRequestClosed(CAMILLE, true)) },
    { name: 'delivered again after the credit', input: inputOf(changeRequestClosed(CAMILLE, true), { task: taskOf({ state: 'done' }) }) },
    { name: 'closing a task nobody claimed', input: inputOf(changeRequestClosed(CAMILLE, true), { task: taskOf() }) },
  ])('changes nothing when $name', ({ input }) => {
    expect(decide(input)).toEqual(NO_DECISION);
  });
});

describe('review of a change request', () => {
  it("moves the claimant's task to in_review when their change request asks for review, and says so", () => {
    const decision = decide(inputOf(changeRequestOpened(CAMILLE), { task: claimedTaskOf() }));
    expect(decision.issueNumber).toBe(12);
    expect(decision.storeChanges).toEqual([{ type: 'setTaskState', from: 'claimed', to: 'in_review' }]);
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    const status = bodyOf(decision, 'setStatusComment') ?? '';
    expect(status).toContain('Claimed by @camille, whose change request is under review: the claim does not run out while it is open.');
    expect(status).toContain('Under review: [the change request](https://github.com/civic/tracker/pull/13).');
  });

  it.each<{ name: string; input: JourneyInput }>([
    { name: 'someone else opens one', input: inputOf(changeRequestOpened(DOMINIQUE), { task: claimedTaskOf() }) },
    { name: 'the author is not known yet', input: inputOf(changeRequestOpened(null), { task: claimedTaskOf() }) },
    { name: 'a second one opens while under review', input: inputOf(changeRequestOpened(CAMILLE), { task: claimedTaskOf({ state: 'in_review' }) }) },
    { name: 'the task is not claimed', input: inputOf(changeRequestOpened(CAMILLE), { task: taskOf() }) },
    { name: 'it closes no task', input: inputOf(changeRequestOpened(CAMILLE)) },
    { name: "someone else's closes unmerged", input: inputOf(changeRequestClosed(DOMINIQUE, false), { task: claimedTaskOf({ state: 'in_review' }) }) },
  ])('changes nothing when $name', ({ input }) => {
    expect(decide(input)).toEqual(NO_DECISION);
  });

  it('gives the task back to the claimant when their change request closes unmerged, with a full claim period ahead', () => {
    const task = claimedTaskOf({ state: 'in_review', openClaim: claimOf({ remindedAt: '2026-03-04T09:00:00Z', expiresAt: '2026-03-05T09:00:00Z' }) });
    const decision = decide(inputOf(changeRequestClosed(CAMILLE, false), { task }));
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'in_review', to: 'claimed' },
      { type: 'extendClaim', claimId: 'c1', expiresAt: '2026-03-08T10:00:00.000Z' },
    ]);
    expect(effectsOf(decision)).toEqual([{ type: 'deleteReminder' }, { type: 'setStatusComment' }]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Claimed by @camille until 2026-03-08 10:00 UTC.');
  });

  it('keeps a later expiry as it is when the change request closes unmerged', () => {
    const task = claimedTaskOf({ state: 'in_review', openClaim: claimOf({ expiresAt: '2026-03-20T09:00:00Z' }) });
    const decision = decide(inputOf(changeRequestClosed(CAMILLE, false), { task }));
    expect(decision.storeChanges).toEqual([{ type: 'setTaskState', from: 'in_review', to: 'claimed' }]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Claimed by @camille until 2026-03-20 09:00 UTC.');
  });
});

const CREDIT: CreditSnapshot = {
  id: 'cr1',
  consultantId: 'k1',
  login: 'camille',
  minutes: 150,
  estimated: false,
  changeRequestUrl: 'https://github.com/civic/tracker/pull/13',
  confirmedBy: null,
  recordedAt: '2026-03-01T10:00:00Z',
  reversal: null,
};

describe('done: a maintainer confirms work', () => {
  it('credits the claimant with the time given, confirmed by the maintainer', () => {
    const decision = decide(inputOf(commentOn('/wecena done 3h', MAINTAINER, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf(), permission: 'write' }));
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'claimed', to: 'done' },
      { type: 'endClaim', claimId: 'c1', endedAt: NOW, endedHow: 'completed', handoffNote: null },
      {
        type: 'recordCredit',
        consultantId: 'k1',
        changeRequestUrl: null,
        confirmedBy: 'mara',
        minutes: 180,
        estimated: false,
        landedAt: NOW,
        recordedBy: 'maintainer:mara',
        sourceRef: 'n77',
      },
    ]);
    expect(effectsOf(decision)).toEqual([
      { type: 'ensureLabels' },
      { type: 'removeLabels', labels: ['wecena-claimed'] },
      { type: 'addLabels', labels: ['wecena-done'] },
      { type: 'setStatusComment' },
    ]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Credited: 3h, confirmed by @mara.');
  });

  it('credits a named consultant on a ready task nobody claimed', () => {
    const decision = decide(inputOf(commentOn('/wecena done 1d @Dominique', MAINTAINER), { task: taskOf(), permission: 'maintain' }));
    expect(decision.storeChanges).toEqual([
      { type: 'setTaskState', from: 'ready', to: 'done' },
      expect.objectContaining({ type: 'recordCredit', consultantId: 'k2', minutes: 420, confirmedBy: 'mara' }),
    ]);
    expect(bodyOf(decision, 'setStatusComment')).toContain('Done: thank you @dominique!');
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'the commenter is no maintainer',
      input: inputOf(commentOn('/wecena done 3h', CAMILLE, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf(), permission: 'triage' }),
      expected: '@camille Only maintainers of the repository (write access or more) can use `/wecena done`.',
    },
    {
      name: 'the named login is no consultant',
      input: inputOf(commentOn('/wecena done 3h @sam', MAINTAINER), { task: taskOf(), permission: 'write' }),
      expected: '@mara `@sam` is not registered on wecena as a sponsored consultant, so no credit can be recorded for them.',
    },
    {
      name: 'nobody holds the task and nobody is named',
      input: inputOf(commentOn('/wecena done 3h', MAINTAINER), { task: taskOf(), permission: 'write' }),
      expected: '@mara Nobody holds this issue: name the consultant to credit, as in `/wecena done 3h @login`.',
    },
    {
      name: 'the task is done already',
      input: inputOf(commentOn('/wecena done 3h', MAINTAINER), { task: taskOf({ state: 'done', credits: [CREDIT] }), permission: 'write' }),
      expected: '@mara This issue is done, so wecena cannot confirm it done. Commands that apply now: `/wecena reject`.',
    },
    {
      name: 'wecena does not know the issue',
      input: inputOf(commentOn('/wecena done 3h @camille', MAINTAINER), { permission: 'write' }),
      expected:
        '@mara This issue is not offered on wecena yet, so wecena cannot confirm it done. Commands that apply now: `/wecena ready`, `/wecena unready`.',
    },
  ])('refuses when $name', ({ input, expected }) => {
    const decision = decide(input);
    expect(decision.storeChanges).toEqual([]);
    expect(bodyOf(decision, 'reply')).toBe(expected);
  });
});

describe('reject: a maintainer withdraws credit', () => {
  const done = taskOf({ state: 'done', credits: [CREDIT] });

  it('records a reversal within the review window and says why in the status comment', () => {
    const decision = decide(
      inputOf(commentOn('/wecena reject The change was reverted: it broke the build.', MAINTAINER), { task: done, permission: 'admin' }),
    );
    expect(decision.storeChanges).toEqual([
      {
        type: 'recordReversal',
        creditId: 'cr1',
        reason: 'The change was reverted: it broke the build.',
        recordedBy: 'maintainer:mara',
        recordedAt: NOW,
      },
    ]);
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    expect(bodyOf(decision, 'setStatusComment')).toContain(
      'Done. The credit was withdrawn by @mara: The change was reverted: it broke the build.',
    );
  });

  it.each<{ name: string; input: JourneyInput; expected: string }>([
    {
      name: 'the review window has closed',
      input: inputOf(commentOn('/wecena reject Spam.', MAINTAINER), { task: done, permission: 'write', now: '2026-03-08T10:00:00Z' }),
      expected:
        '@mara The review window for this credit closed on 2026-03-08 10:00 UTC; its sponsor reviews it from now on. Write to the wecena operator to dispute it.',
    },
    {
      name: 'the credit was reversed already',
      input: inputOf(commentOn('/wecena reject Spam.', MAINTAINER), {
        task: taskOf({ state: 'done', credits: [{ ...CREDIT, reversal: { reason: 'Spam.', by: 'mara', at: NOW } }] }),
        permission: 'write',
      }),
      expected: '@mara No credit is recorded for this issue, so there is nothing to reject.',
    },
    {
      name: 'the task is not done',
      input: inputOf(commentOn('/wecena reject Spam.', MAINTAINER, { issue: CLAIMED_ISSUE }), { task: claimedTaskOf(), permission: 'write' }),
      expected:
        '@mara This issue is claimed, so wecena cannot reject its credit. Commands that apply now: `/wecena done`, `/wecena release`, `/wecena unready`.',
    },
    {
      name: 'the commenter is no maintainer',
      input: inputOf(commentOn('/wecena reject Spam.', STRANGER), { task: done, permission: 'read' }),
      expected: '@sam Only maintainers of the repository (write access or more) can use `/wecena reject`.',
    },
  ])('refuses when $name', ({ input, expected }) => {
    const decision = decide(input);
    expect(decision.storeChanges).toEqual([]);
    expect(bodyOf(decision, 'reply')).toBe(expected);
  });
});

describe('help and replies', () => {
  function listed(input: JourneyInput): string[] {
    const body = replyTo(input) ?? '';
    return [...body.matchAll(/^- `\/wecena (?<name>\w+)/gm)].map((match) => match.groups?.name ?? '');
  }

  it.each<{ name: string; input: JourneyInput; expected: string[] }>([
    { name: 'a stranger', input: inputOf(commentOn('/wecena help', STRANGER), { permission: 'read' }), expected: ['help'] },
    { name: 'a maintainer', input: inputOf(commentOn('/wecena help', MAINTAINER), { permission: 'write' }), expected: ['ready', 'unready', 'done', 'reject', 'help'] },
    { name: 'a consultant', input: inputOf(commentOn('/wecena help', DOMINIQUE), { task: claimedTaskOf() }), expected: ['claim', 'help'] },
    { name: 'the claimant', input: inputOf(commentOn('/wecena help', CAMILLE), { task: claimedTaskOf() }), expected: ['claim', 'release', 'spend', 'help'] },
  ])('lists for $name the commands they may use', ({ input, expected }) => {
    expect(listed(input)).toEqual(expected);
    expect(replyTo(input)?.startsWith(`@${input.event.kind === 'comment_created' ? input.event.author.login : ''}\n\n#### wecena commands`)).toBe(true);
  });

  it('merges every answer of one comment into one reply', () => {
    const decision = decide(inputOf(commentOn('/wecena claim\n/wecena frob\n/wecena spend 1h', STRANGER), { task: taskOf() }));
    expect(effectsOf(decision)).toEqual([{ type: 'reply' }]);
    expect(bodyOf(decision, 'reply')).toBe(
      [
        '@sam',
        '',
        '- `/wecena frob`: "frob" is not a wecena command. The commands are `ready`, `unready`, `claim`, `release`, `spend`, `done`, `reject`, `help`; write `/wecena help` to see what each one does.',
        '- Only sponsored consultants registered on wecena can claim an issue. If your employer lends you through wecena, ask them to link your forge login to your profile.',
        '- Nobody holds this issue, so time cannot be logged on it. Claim it first with `/wecena claim`.',
      ].join('\n'),
    );
  });

  it.each<{ name: string; input: JourneyInput }>([
    { name: 'a comment without command', input: inputOf(commentOn('Thanks, looks good!', CAMILLE), { task: taskOf() }) },
    { name: 'a bot comment', input: inputOf(commentOn('/wecena claim', BOT), { task: taskOf() }) },
    { name: 'a quoted command', input: inputOf(commentOn('> /wecena claim\n\nDid you mean this?', CAMILLE), { task: taskOf() }) },
  ])('stays silent on $name', ({ input }) => {
    expect(decide(input)).toEqual(NO_DECISION);
  });
});

describe('journeyNeeds', () => {
  it.each<{ name: string; input: JourneyInput; expected: ReturnType<typeof journeyNeeds> }>([
    { name: 'the ready label added', input: inputOf(issueChanged(MAINTAINER, { added: ['Wecena-Ready'] })), expected: { permission: true, consultantLogins: [] } },
    { name: 'the ready label added by a bot', input: inputOf(issueChanged(BOT, { added: ['wecena-ready'] })), expected: { permission: false, consultantLogins: [] } },
    { name: 'an edit', input: inputOf(issueChanged(MAINTAINER, { contentEdited: true })), expected: { permission: false, consultantLogins: [] } },
    { name: 'a claim', input: inputOf(commentOn('/wecena claim', CAMILLE)), expected: { permission: false, consultantLogins: ['camille'] } },
    { name: 'a spend', input: inputOf(commentOn('/wecena spend 1h', CAMILLE)), expected: { permission: false, consultantLogins: ['camille'] } },
    { name: 'a ready', input: inputOf(commentOn('/wecena ready', MAINTAINER)), expected: { permission: true, consultantLogins: ['mara'] } },
    { name: 'a help', input: inputOf(commentOn('/wecena help', STRANGER)), expected: { permission: true, consultantLogins: ['sam'] } },
    {
      name: 'a done naming someone',
      input: inputOf(commentOn('/wecena done 3h @camille', MAINTAINER)),
      expected: { permission: true, consultantLogins: ['mara', 'camille'] },
    },
    { name: 'a plain comment', input: inputOf(commentOn('Nice.', CAMILLE)), expected: { permission: false, consultantLogins: [] } },
    { name: 'a bot comment', input: inputOf(commentOn('/wecena ready', BOT)), expected: { permission: false, consultantLogins: [] } },
    { name: 'a merge', input: inputOf(changeRequestClosed(CAMILLE, true)), expected: { permission: false, consultantLogins: [] } },
    { name: 'a change request opened', input: inputOf(changeRequestOpened(CAMILLE)), expected: { permission: false, consultantLogins: [] } },
  ])('asks for $name: $expected', ({ input, expected }) => {
    expect(journeyNeeds(input.event, CONFIG)).toEqual(expected);
  });
});

describe('decideJourney on arbitrary comments', () => {
  it('never throws, and answers at most once', () => {
    const fragment = fc.oneof(
      fc.constantFrom('/wecena ', 'ready', 'unready', 'claim', 'release ', 'spend ', 'done ', 'reject ', 'help', '@camille', '@', '-', '2h30', '-3h', '1d', '2026-03-01', '2026-13-40'),
      fc.constantFrom('\n', '\r\n', '```', '> ', '    ', '<!--', '-->', '`', '<b>', '@mara'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const tasks = [null, taskOf(), claimedTaskOf(), taskOf({ state: 'done', credits: [CREDIT] }), taskOf({ state: 'withdrawn' }), taskOf({ state: 'candidate' })];
    const permissions: Array<Permission | null> = [null, 'read', 'write', 'admin'];
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 30 }),
        fc.constantFrom(...tasks),
        fc.constantFrom(...permissions),
        fc.constantFrom(CAMILLE, DOMINIQUE, STRANGER, MAINTAINER),
        fc.boolean(),
        (fragments, task, permission, author, onChangeRequest) => {
          const body = fragments.join('');
          const event = commentOn(body, author, onChangeRequest ? { changeRequest: changeRequestOf(author) } : { issue: CLAIMED_ISSUE });
          const decision = decideJourney(inputOf(event, { task, permission }));
          expect(decision.forgeEffects.filter((effect) => effect.type === 'reply').length).toBeLessThanOrEqual(1);
          expect(decision.forgeEffects.filter((effect) => effect.type === 'setStatusComment').length).toBeLessThanOrEqual(1);
          if (decision.issueNumber === null) expect(decision.storeChanges).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('claim and release in one comment', () => {
  it('stores nothing and leaves the issue as it was', () => {
    const decision = decideJourney(inputOf(commentOn('/wecena claim\n/wecena release Wrong issue, sorry.', CAMILLE), { task: taskOf() }));
    expect(decision.storeChanges).toEqual([]);
    expect(effectsOf(decision)).toEqual([{ type: 'setStatusComment' }]);
    expect(bodyOf(decision, 'setStatusComment')).not.toContain('Hand-off notes');
  });
});
