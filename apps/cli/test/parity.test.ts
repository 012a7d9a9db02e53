import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { runScenario, type ScenarioStep, useGithubDriver, useGitlabDriver } from './support/forge-drivers';

/*
 * The guard that keeps the core forge-neutral: ONE scenario, written once as data, lived on
 * GitHub (the App's webhooks, Octokit) and on GitLab (the bot's hooks, Gitbeaker), each
 * through its real receiver, worker, journey runner and ForgePort. Both must come out with
 * the same decisions (the effects stored for each delivery, in order, bodies included once
 * the forge's own URLs and people are named neutrally) and the same ledger.
 */

const SCENARIO: readonly ScenarioStep[] = [
  { do: 'ready' },
  { do: 'claim', who: 'camille-oc' },
  { do: 'spend', who: 'camille-oc', duration: '2h30' },
  { do: 'release', who: 'camille-oc', note: 'The endpoint is written on branch api-files; its test is left to write.' },
  { do: 'claim', who: 'yanis-oc' },
  { do: 'spend', who: 'yanis-oc', duration: '1h15' },
  { do: 'merge', who: 'yanis-oc', mergedAt: '2026-03-02T16:00:00Z' },
];

describeEachEngine('parity: the same scenario on GitHub and on GitLab', (engine) => {
  const githubDriver = useGithubDriver(engine);
  const gitlabDriver = useGitlabDriver(engine);

  it('ready → claim → spend → release → claim by another → merge: the same decisions and the same ledger on both forges', async () => {
    const onGithub = await runScenario(githubDriver, SCENARIO);
    const onGitlab = await runScenario(gitlabDriver, SCENARIO);

    // The effect types, step by step: what both forges were told to do, in order.
    const types = (outcome: typeof onGithub) =>
      outcome.decisions.map(({ step, decisions }) => ({ step, effects: decisions.flatMap((decision) => decision.effects.map((effect) => (effect as { type: string }).type)) }));
    expect(types(onGitlab)).toEqual(types(onGithub));
    expect(types(onGithub)).toEqual([
      { step: 'ready', effects: ['setStatusComment'] },
      { step: 'claim by camille-oc', effects: ['ensureLabels', 'removeLabels', 'addLabels', 'assign', 'setStatusComment'] },
      { step: 'spend by camille-oc', effects: ['setStatusComment'] },
      { step: 'release by camille-oc', effects: ['ensureLabels', 'removeLabels', 'addLabels', 'unassign', 'setStatusComment'] },
      { step: 'claim by yanis-oc', effects: ['ensureLabels', 'removeLabels', 'addLabels', 'assign', 'setStatusComment'] },
      { step: 'spend by yanis-oc', effects: ['setStatusComment'] },
      { step: 'merge by yanis-oc', effects: ['ensureLabels', 'removeLabels', 'addLabels', 'setStatusComment'] },
    ]);
    // The whole decisions, bodies included: the status comment says the same on both forges.
    expect(onGitlab.decisions).toEqual(onGithub.decisions);

    // The ledger and the task, row for row.
    expect(onGitlab.tasks).toEqual(onGithub.tasks);
    expect(onGithub.tasks).toEqual({ state: 'done', estimate_minutes: 180 });
    expect(onGitlab.claims).toEqual(onGithub.claims);
    expect(onGithub.claims.map((claim) => [claim.consultant, claim.ended_how])).toEqual([
      ['camille-oc', 'released'],
      ['yanis-oc', 'completed'],
    ]);
    expect(onGitlab.timeLogs).toEqual(onGithub.timeLogs);
    expect(onGithub.timeTotals).toEqual({ 'camille-oc': 150, 'yanis-oc': 75 });
    expect(onGitlab.contributions).toEqual(onGithub.contributions);
    expect(onGithub.contributions).toEqual([
      {
        consultant: 'yanis-oc',
        kind: 'credit',
        minutes: 75,
        estimated: false,
        // 1h15 at the sponsor's 52.00 € an hour: Yanis has no rate of his own.
        valuation_cents: '6500',
        landed_at: '2026-03-02T16:00:00.000Z',
        change_request_url: '<merged change request>',
        review_status: 'pending',
        recorded_by: 'wecena',
      },
    ]);
  });
});

/** The ways back and out: an expired claim relayed by another consultant, whose work a maintainer confirms. */
const EXPIRY_SCENARIO: readonly ScenarioStep[] = [
  { do: 'ready' },
  { do: 'claim', who: 'camille-oc' },
  { do: 'sweep', at: '2026-03-04T09:30:00Z', expect: 'remind', who: 'camille-oc' },
  { do: 'sweep', at: '2026-03-05T09:00:00Z', expect: 'expire', who: 'camille-oc' },
  { do: 'claim', who: 'lea-oc' },
  { do: 'spend', who: 'lea-oc', duration: '2h' },
  { do: 'done', who: 'lea-oc', duration: '3h' },
];

describeEachEngine('parity: expiry and maintainer-confirmed work on GitHub and on GitLab', (engine) => {
  const githubDriver = useGithubDriver(engine);
  const gitlabDriver = useGitlabDriver(engine);

  it('ready → claim → reminder → expiry → claim by another → spend → done by a maintainer: the same decisions and ledger', async () => {
    const onGithub = await runScenario(githubDriver, EXPIRY_SCENARIO);
    const onGitlab = await runScenario(gitlabDriver, EXPIRY_SCENARIO);

    expect(onGitlab.decisions).toEqual(onGithub.decisions);
    expect(onGitlab.tasks).toEqual(onGithub.tasks);
    expect(onGitlab.claims).toEqual(onGithub.claims);
    expect(onGithub.claims.map((claim) => [claim.consultant, claim.ended_how])).toEqual([
      ['camille-oc', 'expired'],
      ['lea-oc', 'completed'],
    ]);
    expect(onGitlab.timeLogs).toEqual(onGithub.timeLogs);
    expect(onGitlab.contributions).toEqual(onGithub.contributions);
    expect(onGithub.contributions).toEqual([
      expect.objectContaining({ consultant: 'lea-oc', kind: 'credit', minutes: 180, estimated: false, change_request_url: null, recorded_by: 'maintainer:<maintainer>' }),
    ]);
  });
});
