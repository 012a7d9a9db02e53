import { html } from 'hono/html';
import type { BeneficiaryRepository, ReceivedLine, Throughput } from '../queries/beneficiary-queries';
import { formatDay, formatHoursAndMinutes, formatMoney } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderOutLink } from './review-status';

export interface BeneficiaryPageInput {
  beneficiary: { id: string; name: string; legalName: string };
  received: ReceivedLine[];
  throughput: Throughput;
  repositories: BeneficiaryRepository[];
  signedIn: LayoutInput['signedIn'];
}

function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48 ? `${Math.round(hours)} h` : `${(hours / 24).toFixed(1)} days`;
}

/** What a beneficiary received, per sponsor and year, and how fast its tasks get done. */
export function renderBeneficiaryPage({ beneficiary, received, throughput, repositories, signedIn }: BeneficiaryPageInput): Html {
  return renderLayout({
    title: beneficiary.name,
    signedIn,
    body: html`<h1>${beneficiary.name}</h1>
<p class="lede">${beneficiary.legalName}: the skills given to you, per sponsor and year, as the sponsors confirmed them. These are the figures of the receipts you issue.</p>
<h2 id="received">Received, per sponsor and year</h2>
${
  received.length === 0
    ? html`<p class="empty">Nothing received yet.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Year</th><th>Sponsor</th><th>Hours confirmed</th><th>Valuation</th><th>Waiting for review</th></tr></thead><tbody>${received.map(
        (line) => html`<tr data-sponsor="${line.sponsor.id}" data-year="${line.year}"><td data-label="Year">${line.year}</td><td data-label="Sponsor">${line.sponsor.name}</td><td data-label="Hours confirmed" class="num">${formatHoursAndMinutes(line.minutes)}</td><td data-label="Valuation" class="num">${formatMoney(line.valuationCents)}</td><td data-label="Waiting for review" class="num">${formatHoursAndMinutes(line.pendingMinutes)}</td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="throughput">Your tasks</h2>
<ul class="figures"><li><span class="value" data-figure="done">${throughput.done}</span><span class="label">tasks done</span></li>
<li><span class="value" data-figure="median">${formatHours(throughput.medianLeadHours)}</span><span class="label">median time to done</span></li>
<li><span class="value" data-figure="p90">${formatHours(throughput.p90LeadHours)}</span><span class="label">9 in 10 done within</span></li>
<li><span class="value" data-figure="waiting">${throughput.waiting.length}</span><span class="label">waiting for someone</span></li></ul>
<p class="meta">Time to done runs from when wecena first saw the issue to when it was done.</p>
${
  throughput.waiting.length === 0
    ? ''
    : html`<h2 id="waiting">Waiting for someone</h2><ul class="tasks">${throughput.waiting.map(
        (task) => html`<li>${renderOutLink(task.url, task.title)}<div class="meta"><span>ready since ${formatDay(task.readySince)}</span></div></li>`,
      )}</ul>`
}
${
  repositories.length === 0
    ? ''
    : html`<h2 id="repositories">Your repositories</h2><ul class="tasks">${repositories.map(
        (repository) => html`<li data-repository="${repository.id}"><span class="title">${repository.host}/${repository.path}</span><div class="meta"><a href="/repositories/${repository.id}/candidates">Candidates: ${repository.suitable} suitable, ${repository.nearMisses} near-misses</a></div></li>`,
      )}</ul>`
}`,
  });
}
