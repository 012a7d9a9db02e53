import { formatDuration } from '@wecena/core';
import { html } from 'hono/html';
import type { ContributionView } from '../queries/contribution-queries';
import type { ConsultantHeader, OpenClaimView, ProposalView, TimeLogView } from '../queries/consultant-queries';
import { formatDay, formatHoursAndMinutes, formatInstant } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderOutLink, renderReviewStatus } from './review-status';

export interface ConsultantPageInput {
  consultant: ConsultantHeader;
  proposals: ProposalView[];
  claims: OpenClaimView[];
  timeLogs: TimeLogView[];
  contributions: ContributionView[];
  now: Date;
  signedIn: LayoutInput['signedIn'];
}

function renderClaims(claims: OpenClaimView[], now: Date): Html {
  if (claims.length === 0) return html`<p class="empty">You hold no task right now. Pick one of the proposals below and comment <code>/wecena claim</code> on its issue.</p>`;
  return html`<ul class="tasks">${claims.map((claim) => {
    const hoursLeft = Math.round((claim.expiresAt.getTime() - now.getTime()) / 3_600_000);
    return html`<li data-claim-task="${claim.task.id}">${renderOutLink(claim.task.url, claim.task.title)}
<div class="meta"><span>claimed ${formatInstant(claim.claimedAt)}</span><span class="${hoursLeft < 24 ? 'warn' : ''}">expires ${formatInstant(claim.expiresAt)}${hoursLeft >= 0 ? ` (in ${hoursLeft} h)` : ' (expired)'}</span></div>
<div class="meta"><span>Log time with <code>/wecena spend 2h30</code>; hand over with <code>/wecena release &lt;note&gt;</code>.</span></div></li>`;
  })}</ul>`;
}

function renderProposals(proposals: ProposalView[]): Html {
  if (proposals.length === 0) return html`<p class="empty">No proposal for you yet: the pairing runs when tasks are offered and when your availability changes.</p>`;
  return html`<ul class="tasks">${proposals.map(
    (proposal) => html`<li data-proposal-task="${proposal.task.id}">${renderOutLink(proposal.task.url, proposal.task.title)}
<div class="meta"><span>${proposal.assigned ? 'best fit for you' : 'also fits'}</span><span>${proposal.task.repository}</span><span>${proposal.task.estimateMinutes === null ? 'no estimate' : `about ${formatDuration(proposal.task.estimateMinutes)}`}</span><span>score ${Number.isInteger(proposal.score) ? proposal.score : proposal.score.toFixed(2)}</span></div>
${proposal.reasons.length === 0 ? '' : html`<ul class="reasons">${proposal.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`}</li>`,
  )}</ul>`;
}

function renderTimeLogs(logs: TimeLogView[]): Html {
  if (logs.length === 0) return html`<p class="empty">No time logged yet.</p>`;
  const total = logs.reduce((sum, log) => sum + log.minutes, 0);
  return html`<div class="table-scroll"><table class="stack"><thead><tr><th>Day</th><th>Task</th><th>Time</th><th>From</th></tr></thead><tbody>${logs.map(
    (log) => html`<tr><td data-label="Day">${formatDay(log.spentOn)}</td><td data-label="Task">${renderOutLink(log.task.url, log.task.title)}</td><td data-label="Time" class="num">${formatHoursAndMinutes(log.minutes)}</td><td data-label="From">${log.source}</td></tr>`,
  )}</tbody><tfoot><tr><th colspan="2">Total shown</th><th class="num">${formatHoursAndMinutes(total)}</th><th></th></tr></tfoot></table></div>`;
}

function renderContributions(contributions: ContributionView[]): Html {
  if (contributions.length === 0) return html`<p class="empty">No contribution yet: one is recorded when your work is merged or confirmed by a maintainer.</p>`;
  return html`<div class="table-scroll"><table class="stack"><thead><tr><th>Work</th><th>For</th><th>Hours</th><th>Review</th></tr></thead><tbody>${contributions.map(
    (contribution) => html`<tr data-contribution="${contribution.id}"><td data-label="Work">${renderOutLink(contribution.changeRequestUrl ?? contribution.task.url, contribution.task.title)}</td><td data-label="For">${contribution.beneficiary.name}</td><td data-label="Hours" class="num">${formatHoursAndMinutes(contribution.minutes)}${contribution.estimated ? ' (estimate)' : ''}</td><td data-label="Review">${renderReviewStatus(contribution.reviewStatus)}${contribution.reason === null ? '' : html`<div class="meta">${contribution.reason}</div>`}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The consultant's "what to do next": claims first (they expire), then proposals, time, contributions. */
export function renderConsultantPage(input: ConsultantPageInput): Html {
  const { consultant } = input;
  return renderLayout({
    title: consultant.name,
    signedIn: input.signedIn,
    body: html`<h1>What to do next, ${consultant.name}</h1>
<p class="lede">Lent by ${consultant.sponsor.name}. Your claims expire: finish, log your time, or hand over with a note.</p>
<h2 id="claims">Your open claims</h2>
${renderClaims(input.claims, input.now)}
<h2 id="proposals">Proposed to you</h2>
${renderProposals(input.proposals)}
<h2 id="time">Time logged</h2>
${renderTimeLogs(input.timeLogs)}
<h2 id="contributions">Your contributions</h2>
${renderContributions(input.contributions)}`,
  });
}
