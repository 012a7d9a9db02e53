import { CREDIT_CSV_COLUMNS, renderCsv, toCreditCsvCells } from '@wecena/core';
import { html } from 'hono/html';
import type { ContributionView } from '../queries/contribution-queries';
import type { SponsorConsultant, SponsorHeader } from '../queries/sponsor-queries';
import { formatDay, formatHoursAndMinutes, formatMoney } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderTabs } from './operator-tabs';
import { renderOutLink, renderReviewStatus } from './review-status';

export interface SponsorReviewPageInput {
  sponsor: SponsorHeader;
  pending: ContributionView[];
  reviewed: ContributionView[];
  csrfToken: string;
  notice: string | null;
  /** A form refused for a missing reason or bad hours: shown above the list. */
  problem: string | null;
  signedIn: LayoutInput['signedIn'];
}

/** The links between a sponsor's pages. */
export function renderSponsorTabs(sponsorId: string, current: 'review' | 'reports' | 'consultants'): Html {
  return renderTabs(
    'Sponsor',
    [
      { key: 'review', href: `/sponsors/${sponsorId}`, label: 'To review' },
      { key: 'reports', href: `/sponsors/${sponsorId}/reports`, label: 'Reports' },
      { key: 'consultants', href: `/sponsors/${sponsorId}/consultants`, label: 'Consultants' },
    ],
    current,
  );
}

function renderPendingRow(sponsorId: string, contribution: ContributionView, csrfToken: string): Html {
  const hours = (contribution.minutes / 60).toFixed(2).replace(/\.?0+$/, '');
  const action = `/sponsors/${sponsorId}/contributions/${contribution.id}`;
  return html`<li class="review" data-contribution="${contribution.id}">
<div class="pick"><input type="checkbox" form="bulk-approve" name="ids" value="${contribution.id}" id="pick-${contribution.id}" aria-label="Select ${contribution.task.title}"></div>
<div class="body">
<label for="pick-${contribution.id}" class="title">${contribution.task.title}</label>
<div class="meta"><span>${contribution.consultant.name}</span><span>for ${contribution.beneficiary.name}</span><span>landed ${formatDay(contribution.landedAt)}</span>
<span>${renderOutLink(contribution.changeRequestUrl ?? contribution.task.url, contribution.changeRequestUrl === null ? 'confirmed by a maintainer' : 'the merged change')}</span></div>
<div class="meta"><strong data-minutes="${contribution.minutes}">${formatHoursAndMinutes(contribution.minutes)}</strong>${contribution.estimated ? ' (the task’s estimate: no time was logged)' : ''}<span>${formatMoney(contribution.valuationCents)}</span></div>
<details><summary>Adjust the hours or reject</summary>
<form method="post" action="${action}/adjust" class="stack-form"><input type="hidden" name="_csrf" value="${csrfToken}">
<label>Hours given <input type="number" name="hours" min="0.25" max="200" step="0.25" value="${hours}" required></label>
<label>Why <input type="text" name="reason" required maxlength="500" placeholder="e.g. half of the time was spent on another task"></label>
<button type="submit">Adjust</button></form>
<form method="post" action="${action}/reject" class="stack-form"><input type="hidden" name="_csrf" value="${csrfToken}">
<label>Why <input type="text" name="reason" required maxlength="500" placeholder="e.g. done during client hours"></label>
<button type="submit" class="danger">Reject</button></form>
</details>
</div></li>`;
}

/** Contributions waiting for the sponsor's review: bulk approve, or adjust or reject each with a reason. */
export function renderSponsorReviewPage(input: SponsorReviewPageInput): Html {
  const { sponsor } = input;
  return renderLayout({
    title: `${sponsor.name}: to review`,
    signedIn: input.signedIn,
    body: html`<h1>${sponsor.name}</h1>
${renderSponsorTabs(sponsor.id, 'review')}
${input.notice === null ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
${input.problem === null ? '' : html`<p class="problem" role="alert">${input.problem}</p>`}
<h2 id="pending">Contributions to review (${input.pending.length})</h2>
<p class="lede">Each decision is a new entry in the ledger, with your name and reason: nothing is edited, every report can be traced back.</p>
${
  input.pending.length === 0
    ? html`<p class="empty">Nothing to review: every contribution has been reviewed.</p>`
    : html`<form id="bulk-approve" method="post" action="/sponsors/${sponsor.id}/contributions/approve"><input type="hidden" name="_csrf" value="${input.csrfToken}"></form>
<ul class="reviews">${input.pending.map((contribution) => renderPendingRow(sponsor.id, contribution, input.csrfToken))}</ul>
<p><button type="submit" form="bulk-approve">Approve selected</button></p>`
}
<h2 id="reviewed">Reviewed</h2>
<p><a class="button secondary" href="/sponsors/${sponsor.id}/contributions.csv" download>Download every contribution (CSV)</a></p>
${
  input.reviewed.length === 0
    ? html`<p class="empty">No contribution reviewed yet.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Work</th><th>Consultant</th><th>For</th><th>Hours</th><th>Valuation</th><th>Review</th></tr></thead><tbody>${input.reviewed.map(
        (contribution) => html`<tr data-contribution="${contribution.id}"><td data-label="Work">${renderOutLink(contribution.changeRequestUrl ?? contribution.task.url, contribution.task.title)}</td><td data-label="Consultant">${contribution.consultant.name}</td><td data-label="For">${contribution.beneficiary.name}</td><td data-label="Hours" class="num">${formatHoursAndMinutes(contribution.minutes)}</td><td data-label="Valuation" class="num">${formatMoney(contribution.valuationCents)}</td><td data-label="Review">${renderReviewStatus(contribution.reviewStatus)}${contribution.reason === null ? '' : html`<div class="meta">${contribution.reason}</div>`}</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}

export interface SponsorConsultantsPageInput {
  sponsor: SponsorHeader;
  consultants: SponsorConsultant[];
  /** Today (UTC): the last free day a recall proposes. */
  today: string;
  csrfToken: string;
  /** What a recall did, or why it was refused. */
  notice: string | null;
  problem: string | null;
  signedIn: LayoutInput['signedIn'];
}

function describeHandBack(claims: number): string {
  if (claims === 0) return 'They hold no open claim: nothing to hand back.';
  return `${claims === 1 ? 'Their open claim is' : `Their ${claims} open claims are`} handed back on the forge: unassigned, the task ready again, a hand-off note asked. Time already logged is kept.`;
}

/** A consultant's recall to a client, behind a summary that says what it does: the confirmation step. */
function renderRecallForm(sponsorId: string, consultant: SponsorConsultant, today: string, csrfToken: string): Html {
  return html`<details><summary>Recall to a client</summary>
<form method="post" action="/sponsors/${sponsorId}/consultants/${consultant.id}/recall" class="stack-form"><input type="hidden" name="_csrf" value="${csrfToken}">
<p class="meta">Their availability ends on the day below. ${describeHandBack(consultant.openClaims.length)}</p>
<label>Last free day <input type="date" name="on" value="${today}" required></label>
<button type="submit" class="danger">Recall ${consultant.name}</button></form></details>`;
}

/** The sponsor's consultants: cost rate (the sponsor's eyes only), availability, open claims, and the recall button. */
export function renderSponsorConsultantsPage({ sponsor, consultants, today, csrfToken, notice, problem, signedIn }: SponsorConsultantsPageInput): Html {
  return renderLayout({
    title: `${sponsor.name}: consultants`,
    signedIn,
    body: html`<h1>${sponsor.name}</h1>
${renderSponsorTabs(sponsor.id, 'consultants')}
${notice === null ? '' : html`<p class="notice" role="status">${notice}</p>`}
${problem === null ? '' : html`<p class="problem" role="alert">${problem}</p>`}
<h2>Consultants</h2>
<p class="lede">Hourly cost values the hours given (cost price); ${sponsor.defaultCostRateCents === null ? 'no default rate is set' : html`the default is ${formatMoney(sponsor.defaultCostRateCents, sponsor.currency)} an hour`}. Only your reviewers see these rates. A client needs someone back: recall them, and the tasks they hold go to the next volunteer.</p>
${
  consultants.length === 0
    ? html`<p class="empty">No consultant yet: add them with <code>wecena admin consultant add</code>.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Consultant</th><th>Hourly cost</th><th>Available</th><th>Holding</th><th></th></tr></thead><tbody>${consultants.map(
        (consultant) => html`<tr data-consultant="${consultant.id}" id="consultant-${consultant.id}"><td data-label="Consultant">${consultant.name}${consultant.active ? '' : ' (inactive)'}</td><td data-label="Hourly cost" class="num">${consultant.costRateCents === null ? 'default' : formatMoney(consultant.costRateCents, sponsor.currency)}</td><td data-label="Available">${
          consultant.windows.length === 0
            ? html`<span class="meta">no window ahead</span>`
            : consultant.windows.map((window) => html`<div>${formatDay(window.from)} – ${formatDay(window.to)}, ${formatHoursAndMinutes(window.minutesPerDay)} a day</div>`)
        }</td><td data-label="Holding">${
          consultant.openClaims.length === 0
            ? html`<span class="meta">no open claim</span>`
            : html`<ul class="plain">${consultant.openClaims.map((claim) => html`<li data-claim="${claim.id}">${renderOutLink(claim.taskUrl, claim.taskTitle)} <span class="meta">until ${formatDay(new Date(claim.expiresAt))}</span></li>`)}</ul>`
        }</td><td>${renderRecallForm(sponsor.id, consultant, today, csrfToken)}</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}

/** The columns of the contributions export, in order. */
export const CONTRIBUTIONS_CSV_COLUMNS = ['contribution_id', 'landed_on', ...CREDIT_CSV_COLUMNS] as const;

/**
 * Every contribution of the review page as CSV, by the core's rules (BOM, RFC 4180, formula
 * guard, a credit's cells those of the ledger export): one line per credit as it stands, with
 * what proves it on its forge (the merged change, else the issue a maintainer confirmed it on).
 */
export function renderContributionsCsv(contributions: readonly ContributionView[]): string {
  return renderCsv([
    CONTRIBUTIONS_CSV_COLUMNS,
    ...contributions.map((contribution) => [
      contribution.id,
      contribution.landedAt.toISOString().slice(0, 10),
      ...toCreditCsvCells({
        beneficiaryName: contribution.beneficiary.name,
        consultantName: contribution.consultant.name,
        taskTitle: contribution.task.title,
        taskUrl: contribution.task.url,
        proofUrl: contribution.changeRequestUrl ?? contribution.task.url,
        confirmedBy: contribution.confirmedBy,
        minutes: contribution.minutes,
        estimated: contribution.estimated,
        valuationCents: contribution.valuationCents,
        reviewStatus: contribution.reviewStatus,
        lastReason: contribution.reason,
      }),
    ]),
  ]);
}
