import type { Candidate } from '@wecena/db';
import { html } from 'hono/html';
import { formatDay } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderOutLink } from './review-status';

export interface CandidatesRepository {
  id: string;
  forge: 'github' | 'gitlab';
  host: string;
  path: string;
  beneficiary: { id: string; name: string } | null;
}

/** The forge account a candidate would be marked ready as. */
export interface MarkReadyAs {
  login: string;
  forgeUserId: string;
}

export interface CandidatesPageInput {
  repository: CandidatesRepository;
  /** Best first, as `loadCandidates` ranks them. */
  candidates: Candidate[];
  /**
   * The "mark ready" buttons: `as` the forge account signed in on the repository's forge, or
   * null (a demo session, another forge) for a hint to sign in with the forge; null: none.
   */
  markReady?: { as: MarkReadyAs | null; csrfToken: string } | null;
  /** The issue just marked ready, for the notice. */
  marked?: number | null;
  signedIn: LayoutInput['signedIn'];
}

const CATEGORY_LABELS: Record<Candidate['category'], string> = {
  code: 'code',
  content: 'content',
  data: 'data',
  accessibility: 'accessibility',
  training: 'training and support',
  other: 'other work',
};

/** The readiness checklist's blocking items, in the words of a maintainer who would fix them. */
const READINESS_LABELS: Record<string, string> = {
  done_criteria: 'say what done looks like (a task list or an acceptance section)',
  estimate: 'give an estimate (a size label or "Estimate: 4h")',
  skills: 'name the skills it needs (a label)',
  not_assigned: 'unassign it',
  not_locked: 'unlock it',
  not_change_request: 'it is a pull or merge request, not an issue',
  eligible_beneficiary: 'the repository needs an eligible beneficiary',
  contributing_guide: 'add a CONTRIBUTING guide',
};

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function renderMarkReady(repository: CandidatesRepository, candidate: Candidate, markReady: CandidatesPageInput['markReady']): Html | string {
  if (markReady === null || markReady === undefined || markReady.as === null) return '';
  return html`<form class="inline" method="post" action="/repositories/${repository.id}/candidates/${candidate.issueNumber}/mark-ready"><input type="hidden" name="_csrf" value="${markReady.csrfToken}"><button type="submit">Mark ready</button></form>`;
}

function renderCandidate(candidate: Candidate, rank: number, repository: CandidatesRepository, markReady: CandidatesPageInput['markReady']): Html {
  const nearMiss = !candidate.suitable || !candidate.ready;
  return html`<li id="issue-${candidate.issueNumber}" data-issue="${candidate.issueNumber}" data-rank="${rank}">${renderOutLink(candidate.url, `#${candidate.issueNumber} ${candidate.title}`)}
<div class="meta"><span>score <strong data-score>${candidate.score}</strong></span><span class="tag">${CATEGORY_LABELS[candidate.category] ?? candidate.category}</span><span>${
    candidate.suitable && candidate.ready ? 'suitable, checklist passes' : candidate.suitable ? 'suitable, checklist fails' : 'near-miss'
  }</span>${candidate.skills.length === 0 ? '' : html`<span>needs ${candidate.skills.join(', ')}</span>`}${
    candidate.autoTaggedAt === null ? '' : html`<span>tagged by wecena ${formatDay(candidate.autoTaggedAt)}</span>`
  }${candidate.optedOutAt === null ? '' : html`<span>never tagged by wecena (a maintainer said no)</span>`}</div>
${
  candidate.reasons.length === 0
    ? ''
    : html`<ul class="reasons">${candidate.reasons.map((reason) => html`<li data-factor="${reason.factor}">${reason.text} (${signed(reason.points)})</li>`)}</ul>`
}${
    nearMiss && candidate.missing !== null ? html`<p class="missing"><strong>Missing:</strong> ${candidate.missing}</p>` : ''
  }${
    candidate.failedReadiness.length === 0
      ? ''
      : html`<p class="readiness"><strong>Before it can be offered:</strong></p><ul class="readiness">${candidate.failedReadiness.map(
          (item) => html`<li data-readiness="${item}">${READINESS_LABELS[item] ?? item}</li>`,
        )}</ul>`
  }${renderMarkReady(repository, candidate, markReady)}</li>`;
}

/** A repository's candidates, ranked, each with the reasons of its score and what a near-miss lacks. */
export function renderCandidatesPage({ repository, candidates, markReady = null, marked = null, signedIn }: CandidatesPageInput): Html {
  const suitable = candidates.filter((candidate) => candidate.suitable).length;
  return renderLayout({
    title: `Candidates of ${repository.path}`,
    signedIn,
    body: html`<h1>Candidates of ${repository.path}</h1>
<p class="lede">The open issues of ${repository.host}/${repository.path} that wecena found a volunteer could take in about a day, best first, with why. Nothing is posted on the forge until a maintainer offers an issue: the <code>wecena-ready</code> label${
      markReady?.as ? ' or the Mark ready button (wecena checks on the forge that your account has write access, then runs the readiness checklist, as the label does)' : ''
    }.</p>
${
  markReady !== null && markReady.as === null
    ? html`<p class="meta">A maintainer signed in with ${repository.host} can mark a candidate ready from here.</p>`
    : ''
}${
  marked === null || markReady?.as === null || markReady === null
    ? ''
    : html`<p class="notice" role="status">#${marked} marked ready as ${markReady.as.login}: wecena checks your access on ${repository.host} and runs the checklist; the label or what is missing appears on the issue in a moment.</p>`
}
${repository.beneficiary === null ? '' : html`<p class="meta"><a href="/beneficiaries/${repository.beneficiary.id}">${repository.beneficiary.name}</a></p>`}
<ul class="figures"><li><span class="value" data-figure="candidates">${candidates.length}</span><span class="label">candidates</span></li>
<li><span class="value" data-figure="suitable">${suitable}</span><span class="label">suitable</span></li>
<li><span class="value" data-figure="near-misses">${candidates.length - suitable}</span><span class="label">near-misses</span></li></ul>
${
  candidates.length === 0
    ? html`<p class="empty">No candidates yet: wecena has not scanned this repository, or found no open issue that fits.</p>`
    : html`<ol class="tasks candidates">${candidates.map((candidate, index) => renderCandidate(candidate, index + 1, repository, markReady))}</ol>`
}`,
  });
}
