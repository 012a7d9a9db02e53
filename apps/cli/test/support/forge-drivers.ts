import { claimDueDeliveryId } from '@wecena/engine';
import type { EngineContext } from '@wecena/testkit';
import { botComment, containing, expectGithub, github, REMINDER_COMMENT_ID, STATUS_COMMENT_ID } from './github-api';
import { type Journey, useGithubJourney } from './github-journey';
import { commentCreated, issueLabelEvent, PULL_NUMBER, PULL_URL, pullRequestClosed } from './github-payloads';
import { expectGitlab, GITLAB_BOT, gitlab, note, REMINDER_NOTE_ID, STATUS_NOTE } from './gitlab-api';
import { type GitlabJourney, useGitlabJourney } from './gitlab-journey';
import { issueUpdated, MR_IID, MR_URL, mergeRequestHook, noteOnIssue } from './gitlab-payloads';
import type { JourneyBase } from './journey-harness';
import { GITLAB_MAINTAINER, MAINTAINER } from './journey-world';

/*
 * One scenario, two forges. A scenario is a list of steps in the forge-neutral words of the
 * journey; a driver turns each step into its forge's delivery (a signed GitHub webhook, a
 * tokened GitLab hook, from that forge's documented payloads) and the API calls that forge
 * must then receive (nock, exact). What the core decided is read back from the store, where
 * both forges must agree.
 */

export type ScenarioStep =
  | { do: 'ready' }
  | { do: 'claim'; who: string }
  | { do: 'spend'; who: string; duration: string }
  | { do: 'release'; who: string; note: string }
  | { do: 'merge'; who: string; mergedAt: string }
  /** The periodic sweep at `at`: the open claim is reminded of its expiry, or expires. */
  | { do: 'sweep'; at: string; expect: 'remind' | 'expire'; who: string }
  /** A maintainer confirms work with `/wecena done <duration> @who`. */
  | { do: 'done'; who: string; duration: string };

/** The task's issue as the forge shows it between steps: the same on both forges. */
export interface IssueView {
  labels: string[];
  assignees: string[];
}

export interface ForgeDriver {
  forge: 'github' | 'gitlab';
  journey(): JourneyBase;
  /** Words of one forge that the core only carries (its URLs, its people): replaced by neutral names to compare. */
  forgeWords: Readonly<Record<string, string>>;
  /** Expects the forge's API calls for the step, delivers it, drains the worker; the delivery id. */
  perform(step: ScenarioStep, issue: IssueView): Promise<string>;
}

const ISSUE = 1;
const REMINDER_MARKER = '<!-- wecena:reminder -->';

/** The open claim's id: a sweep's delivery is named after it. */
async function openClaim(journey: JourneyBase): Promise<{ id: string; expires_at: string }> {
  const open = (await journey.claims()).find((claim) => claim.ended_at === null);
  if (!open) throw new Error('the sweep step needs an open claim');
  return open;
}

/** Moves the clock, runs the sweep, and gives the id of the delivery it made for the open claim. */
async function sweepAt(journey: JourneyBase, step: Extract<ScenarioStep, { do: 'sweep' }>): Promise<string> {
  const claim = await openClaim(journey);
  journey.clock.set(new Date(step.at));
  const processed = await journey.sweep();
  const deliveryId = claimDueDeliveryId(claim.id, step.expect, new Date(claim.expires_at));
  const stored = await journey.delivery(deliveryId, 'wecena');
  if (processed !== 1 || stored?.status !== 'processed') throw new Error(`the sweep at ${step.at} did not ${step.expect} the claim: ${stored?.last_error ?? 'no delivery'}`);
  return deliveryId;
}
/** Any body: the bodies are compared from the decisions the store keeps, not here. */
const anyBody = containing();

/** The GitHub App's driver: webhooks signed with the App's secret, Octokit's calls expected. */
export function useGithubDriver(engine: EngineContext): ForgeDriver {
  const journey = useGithubJourney(engine);
  const step = (event: string, payload: object) => (journey() as Journey).step(event, payload);
  return {
    forge: 'github',
    journey,
    forgeWords: { [PULL_URL]: '<merged change request>', [MAINTAINER]: '<maintainer>' },
    async perform(scenarioStep, issue) {
      switch (scenarioStep.do) {
        case 'ready':
          github.permission(MAINTAINER, 'write');
          github.contributingGuide(true);
          github.statusCommentCreated(ISSUE, anyBody);
          return step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'] }));
        case 'claim':
          github.labelsAlreadyThere();
          github.labelRemoved(ISSUE, 'wecena-ready');
          github.labelsAdded(ISSUE, ['wecena-claimed']);
          github.assigned(ISSUE, [scenarioStep.who]);
          github.statusCommentEdited(ISSUE, anyBody);
          return step('issue_comment', commentCreated(scenarioStep.who, '/wecena claim', issue));
        case 'spend':
          github.statusCommentEdited(ISSUE, anyBody);
          return step('issue_comment', commentCreated(scenarioStep.who, `/wecena spend ${scenarioStep.duration}`, issue));
        case 'release':
          github.labelsAlreadyThere();
          github.labelRemoved(ISSUE, 'wecena-claimed');
          github.labelsAdded(ISSUE, ['wecena-ready']);
          github.unassigned(ISSUE, [scenarioStep.who]);
          github.statusCommentEdited(ISSUE, anyBody);
          return step('issue_comment', commentCreated(scenarioStep.who, `/wecena release ${scenarioStep.note}`, issue));
        case 'merge':
          github.closingIssues(PULL_NUMBER, { body: `Fixes #${ISSUE}`, numbers: [ISSUE] });
          github.labelsAlreadyThere();
          github.labelRemoved(ISSUE, 'wecena-claimed');
          github.labelRemoved(ISSUE, 'wecena-ready', 404);
          github.labelsAdded(ISSUE, ['wecena-done']);
          github.statusCommentEdited(ISSUE, anyBody);
          return step('pull_request', pullRequestClosed(scenarioStep.who, { merged: true, mergedAt: scenarioStep.mergedAt }));
        case 'sweep': {
          // A day or more later: the configuration is read again.
          github.configFile(null);
          const status = botComment(STATUS_COMMENT_ID, '<!-- wecena:status -->\n...');
          if (scenarioStep.expect === 'remind') {
            github.comments(ISSUE, [status]);
            github.commentPosted(ISSUE, containing(REMINDER_MARKER, `@${scenarioStep.who}`), REMINDER_COMMENT_ID);
          } else {
            const ours = [status, botComment(REMINDER_COMMENT_ID, `${REMINDER_MARKER}\n...`)];
            github.labelsAlreadyThere();
            github.labelRemoved(ISSUE, 'wecena-claimed');
            github.labelsAdded(ISSUE, ['wecena-ready']);
            github.unassigned(ISSUE, [scenarioStep.who]);
            github.comments(ISSUE, ours);
            expectGithub().delete(`/repos/Codertocat/Hello-World/issues/comments/${REMINDER_COMMENT_ID}`).reply(204);
            github.comments(ISSUE, ours);
            expectGithub().patch(`/repos/Codertocat/Hello-World/issues/comments/${STATUS_COMMENT_ID}`, anyBody).reply(200, {});
            github.commentPosted(ISSUE, containing(`@${scenarioStep.who}, your claim on this issue expired`));
          }
          return sweepAt(journey(), scenarioStep);
        }
        case 'done':
          github.permission(MAINTAINER, 'maintain');
          github.labelsAlreadyThere();
          github.labelRemoved(ISSUE, 'wecena-claimed');
          github.labelsAdded(ISSUE, ['wecena-done']);
          github.statusCommentEdited(ISSUE, anyBody);
          return step('issue_comment', commentCreated(MAINTAINER, `/wecena done ${scenarioStep.duration} @${scenarioStep.who}`, issue));
      }
    },
  };
}

/** The GitLab bot's driver: hooks with the secret token from the self-managed test instance, Gitbeaker's calls expected. */
export function useGitlabDriver(engine: EngineContext): ForgeDriver {
  const journey = useGitlabJourney(engine);
  const step = (event: 'Issue Hook' | 'Note Hook' | 'Merge Request Hook', payload: object) => (journey() as GitlabJourney).step(event, payload);
  return {
    forge: 'gitlab',
    journey,
    forgeWords: { [MR_URL]: '<merged change request>', [GITLAB_MAINTAINER]: '<maintainer>' },
    async perform(scenarioStep, issue) {
      switch (scenarioStep.do) {
        case 'ready':
          gitlab.accessLevel(GITLAB_MAINTAINER, 30);
          gitlab.contributingGuide(true);
          gitlab.statusNoteCreated(ISSUE, anyBody);
          return step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [] }));
        case 'claim':
          gitlab.issueRead(ISSUE, issue.assignees);
          gitlab.labelsAlreadyThere();
          gitlab.labelsRemoved(ISSUE, ['wecena-ready']);
          gitlab.labelsAdded(ISSUE, ['wecena-claimed']);
          gitlab.assigned(ISSUE, scenarioStep.who, issue.assignees);
          gitlab.statusNoteEdited(ISSUE, anyBody);
          return step('Note Hook', noteOnIssue(scenarioStep.who, '/wecena claim', issue));
        case 'spend':
          gitlab.issueRead(ISSUE, issue.assignees);
          gitlab.statusNoteEdited(ISSUE, anyBody);
          return step('Note Hook', noteOnIssue(scenarioStep.who, `/wecena spend ${scenarioStep.duration}`, issue));
        case 'release':
          gitlab.issueRead(ISSUE, issue.assignees);
          gitlab.labelsAlreadyThere();
          gitlab.labelsRemoved(ISSUE, ['wecena-claimed']);
          gitlab.labelsAdded(ISSUE, ['wecena-ready']);
          gitlab.unassigned(ISSUE, scenarioStep.who, issue.assignees);
          gitlab.statusNoteEdited(ISSUE, anyBody);
          return step('Note Hook', noteOnIssue(scenarioStep.who, `/wecena release ${scenarioStep.note}`, issue));
        case 'merge':
          // The hook names the author by id; the maintainer merges. GitLab's time log holds nothing here.
          gitlab.userById(scenarioStep.who);
          gitlab.closesIssues(MR_IID, [ISSUE]);
          gitlab.timelogs(ISSUE, MR_IID, []);
          gitlab.labelsAlreadyThere();
          gitlab.labelsRemoved(ISSUE, ['wecena-claimed', 'wecena-ready']);
          gitlab.labelsAdded(ISSUE, ['wecena-done']);
          gitlab.statusNoteEdited(ISSUE, anyBody);
          return step('Merge Request Hook', mergeRequestHook(scenarioStep.who, { by: GITLAB_MAINTAINER, mergedAt: scenarioStep.mergedAt }));
        case 'sweep': {
          gitlab.configFile(null);
          if (scenarioStep.expect === 'remind') {
            gitlab.notes(ISSUE, [STATUS_NOTE]);
            gitlab.notePosted(ISSUE, containing(REMINDER_MARKER, `@${scenarioStep.who}`), REMINDER_NOTE_ID);
          } else {
            const reminder = note(REMINDER_NOTE_ID, `${REMINDER_MARKER}\n...`, GITLAB_BOT);
            gitlab.labelsAlreadyThere();
            gitlab.labelsRemoved(ISSUE, ['wecena-claimed']);
            gitlab.labelsAdded(ISSUE, ['wecena-ready']);
            gitlab.unassigned(ISSUE, scenarioStep.who, issue.assignees);
            gitlab.notes(ISSUE, [STATUS_NOTE, reminder]);
            expectGitlab().delete(`/v4/projects/1/issues/${ISSUE}/notes/${REMINDER_NOTE_ID}`).reply(204);
            gitlab.statusNoteEdited(ISSUE, anyBody, [reminder]);
            gitlab.notePosted(ISSUE, containing(`@${scenarioStep.who}, your claim on this issue expired`));
          }
          return sweepAt(journey(), scenarioStep);
        }
        case 'done':
          gitlab.issueRead(ISSUE, issue.assignees);
          gitlab.accessLevel(GITLAB_MAINTAINER, 40);
          gitlab.labelsAlreadyThere();
          gitlab.labelsRemoved(ISSUE, ['wecena-claimed']);
          gitlab.labelsAdded(ISSUE, ['wecena-done']);
          gitlab.statusNoteEdited(ISSUE, anyBody);
          return step('Note Hook', noteOnIssue(GITLAB_MAINTAINER, `/wecena done ${scenarioStep.duration} @${scenarioStep.who}`, issue));
      }
    },
  };
}

/** The issue as the forge shows it after the step. */
export function issueAfter(step: ScenarioStep, before: IssueView): IssueView {
  switch (step.do) {
    case 'ready':
      return { labels: ['wecena-ready'], assignees: [] };
    case 'claim':
      return { labels: ['wecena-claimed'], assignees: [...before.assignees, step.who] };
    case 'release':
      return { labels: ['wecena-ready'], assignees: before.assignees.filter((login) => login !== step.who) };
    case 'spend':
      return before;
    case 'merge':
    case 'done':
      return { labels: ['wecena-done'], assignees: before.assignees };
    case 'sweep':
      return step.expect === 'expire' ? { labels: ['wecena-ready'], assignees: before.assignees.filter((login) => login !== step.who) } : before;
  }
}

/** What the core decided and recorded for one run of the scenario, in forge-neutral words. */
export interface ScenarioOutcome {
  /** Per step: the decisions stored for its delivery (issue and effects, in order). */
  decisions: { step: string; decisions: { issue: number | null; effects: unknown[] }[] }[];
  tasks: { state: string; estimate_minutes: number | null } | null;
  claims: { consultant: string; ended_how: string | null; handoff_note: string | null; claimed_at: string; expires_at: string; ended_at: string | null }[];
  timeLogs: { consultant: string; minutes: number; spent_on: string; source: string }[];
  timeTotals: Record<string, number>;
  contributions: { consultant: string; kind: string; minutes: number; estimated: boolean; valuation_cents: string; landed_at: string; change_request_url: string | null; review_status: string; recorded_by: string }[];
}

/** Runs the scenario on one forge and reads back what the core decided, its forge's words made neutral. */
export async function runScenario(driver: ForgeDriver, scenario: readonly ScenarioStep[]): Promise<ScenarioOutcome> {
  const journey = driver.journey();
  const neutral = (text: string) =>
    Object.entries(driver.forgeWords).reduce((result, [word, name]) => result.split(word).join(name), text);
  const loginOf = new Map(
    [journey.world.camille, journey.world.yanis, journey.world.lea, journey.world.noe].map((consultant) => [consultant.id, consultant.login]),
  );
  const consultant = (id: string) => loginOf.get(id) ?? `unknown consultant ${id}`;

  let issue: IssueView = { labels: [], assignees: [] };
  const decisions: ScenarioOutcome['decisions'] = [];
  for (const step of scenario) {
    const deliveryId = await driver.perform(step, issue);
    issue = issueAfter(step, issue);
    const rows = await journey.decisions(deliveryId);
    decisions.push({
      step: step.do === 'sweep' ? `sweep: ${step.expect}` : 'who' in step ? `${step.do} by ${step.who}` : step.do,
      decisions: rows.map((row) => ({ issue: row.issue_number, effects: JSON.parse(neutral(JSON.stringify(row.effects))) as unknown[] })),
    });
  }

  const timeLogs = (await journey.timeLogs()).map((log) => ({ consultant: consultant(log.consultant_id), minutes: log.minutes, spent_on: log.spent_on, source: log.source }));
  const timeTotals: Record<string, number> = {};
  for (const log of timeLogs) timeTotals[log.consultant] = (timeTotals[log.consultant] ?? 0) + log.minutes;
  return {
    decisions,
    tasks: await journey.task(ISSUE),
    claims: (await journey.claims()).map((claim) => ({
      consultant: consultant(claim.consultant_id),
      ended_how: claim.ended_how,
      handoff_note: claim.handoff_note,
      claimed_at: claim.claimed_at,
      expires_at: claim.expires_at,
      ended_at: claim.ended_at,
    })),
    timeLogs,
    timeTotals,
    contributions: (await journey.contributions()).map((row) => ({
      consultant: consultant(row.consultant_id),
      kind: row.kind,
      minutes: row.minutes,
      estimated: row.estimated,
      valuation_cents: row.valuation_cents,
      landed_at: row.landed_at,
      change_request_url: row.change_request_url === null ? null : neutral(row.change_request_url),
      review_status: row.review_status,
      recorded_by: neutral(row.recorded_by),
    })),
  };
}
