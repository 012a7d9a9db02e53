import type { LedgerSummary, ReceiptData, ReportLine, ReportTotals } from '@wecena/core';
import { html } from 'hono/html';
import type { SponsorHeader } from '../queries/sponsor-queries';
import { formatDay, formatHoursAndMinutes, formatMoney } from './format';
import { renderHoursChart } from './hours-chart';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderOutLink, renderReviewStatus } from './review-status';
import { renderSponsorTabs } from './sponsor-pages';

export interface SponsorReportPageInput {
  sponsor: SponsorHeader;
  year: number;
  years: number[];
  /** The year's figures, every line counted. */
  figures: LedgerSummary;
  /** The lines shown: a page of the year's, in landing order. */
  page: { lines: ReportLine[]; outside: ReportLine[] };
  /** The address of the next page of lines; null on the last. */
  nextHref: string | null;
  /** Whether this page starts after the year's first lines. */
  later: boolean;
  signedIn: LayoutInput['signedIn'];
}

function renderTotals(totals: ReportTotals, currency: string): Html {
  return html`<td class="num" data-label="Contributions">${totals.credits}</td><td class="num" data-label="Hours">${formatHoursAndMinutes(totals.minutes)}</td><td class="num" data-label="Valuation">${formatMoney(totals.valuationCents, currency)}</td>`;
}

function renderLines(lines: ReportLine[], currency: string): Html {
  return html`<div class="table-scroll"><table class="stack"><thead><tr><th>Day</th><th>Work</th><th>Consultant</th><th>For</th><th>Hours</th><th>Valuation</th><th>Review</th></tr></thead><tbody>${lines.map(
    (line) => html`<tr data-credit="${line.creditId}"><td data-label="Day">${formatDay(line.landedOn)}</td><td data-label="Work">${renderOutLink(line.proofUrl, line.taskTitle)}</td><td data-label="Consultant">${line.consultantName}</td><td data-label="For">${line.beneficiaryName}</td><td data-label="Hours" class="num">${formatHoursAndMinutes(line.minutes)}${line.estimated ? ' (estimate)' : ''}</td><td data-label="Valuation" class="num">${formatMoney(line.valuationCents, currency)}</td><td data-label="Review">${renderReviewStatus(line.reviewStatus)}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The sponsor's year: totals, the chart and table per month, per beneficiary and consultant, every line. */
export function renderSponsorReportPage({ sponsor, year, years, figures: report, page, nextHref, later, signedIn }: SponsorReportPageInput): Html {
  const currency = sponsor.currency;
  const base = `/sponsors/${sponsor.id}/reports`;
  return renderLayout({
    title: `${sponsor.name}: reports ${year}`,
    signedIn,
    body: html`<h1>${sponsor.name}</h1>
${renderSponsorTabs(sponsor.id, 'reports')}
<form class="filters" method="get" action="${base}"><label>Year <select name="year">${years.map((option) =>
      option === year ? html`<option selected value="${option}">${option}</option>` : html`<option value="${option}">${option}</option>`,
    )}</select></label><button type="submit">Show</button> <a class="button secondary" href="${base}.csv?year=${year}" download>Download CSV</a></form>
<ul class="figures"><li class="highlight"><span class="value" data-figure="report-hours">${formatHoursAndMinutes(report.totals.minutes)}</span><span class="label">given in ${year}</span></li>
<li><span class="value" data-figure="report-valuation">${formatMoney(report.totals.valuationCents, currency)}</span><span class="label">valuation at cost price</span></li>
<li><span class="value" data-figure="report-approved">${formatHoursAndMinutes(report.byStatus.approved.minutes + report.byStatus.adjusted.minutes)}</span><span class="label">reviewed</span></li>
<li><span class="value" data-figure="report-pending">${formatHoursAndMinutes(report.byStatus.pending.minutes)}</span><span class="label">waiting for review</span></li></ul>
<h2 id="months">Per month</h2>
${renderHoursChart(report.byMonth.map((month) => ({ month: month.month, minutes: month.totals.minutes })))}
<div class="table-scroll"><table class="stack"><thead><tr><th>Month</th><th>Contributions</th><th>Hours</th><th>Valuation</th></tr></thead><tbody>${report.byMonth
      .filter((month) => month.totals.credits > 0)
      .map((month) => html`<tr data-month="${month.month}"><td data-label="Month">${month.month}</td>${renderTotals(month.totals, currency)}</tr>`)}</tbody></table></div>
<h2 id="beneficiaries">Per beneficiary</h2>
${
  report.byBeneficiary.length === 0
    ? html`<p class="empty">No contribution in ${year}.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Beneficiary</th><th>Contributions</th><th>Hours</th><th>Valuation</th><th>Receipt</th></tr></thead><tbody>${report.byBeneficiary.map(
        (line) => html`<tr data-beneficiary="${line.beneficiaryId}"><td data-label="Beneficiary">${line.beneficiaryName}</td>${renderTotals(line.totals, currency)}<td data-label="Receipt"><a href="/sponsors/${sponsor.id}/receipts/${line.beneficiaryId}/${year}">Receipt data</a></td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="consultants">Per consultant</h2>
${
  report.byConsultant.length === 0
    ? html`<p class="empty">No contribution in ${year}.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Consultant</th><th>Contributions</th><th>Hours</th><th>Valuation</th></tr></thead><tbody>${report.byConsultant.map(
        (line) => html`<tr data-consultant="${line.consultantId}"><td data-label="Consultant">${line.consultantName}</td>${renderTotals(line.totals, currency)}</tr>`,
      )}</tbody></table></div>`
}
<h2 id="lines">Every contribution</h2>
<p class="lede">Each line links to the merged change (or the issue a maintainer confirmed the work on) that proves it.${later ? html` <a href="${base}?year=${year}#lines">Back to the first ones.</a>` : ''}</p>
${page.lines.length === 0 ? html`<p class="empty">No contribution${later ? ' further on' : ''} in ${year}.</p>` : renderLines(page.lines, currency)}
${
  page.outside.length === 0
    ? ''
    : html`<h2 id="outside">Not counted: no agreement in force</h2>
<p class="problem">These contributions landed on a day with no convention de mécénat in force between you and the beneficiary: they are not counted above. Record the agreement with <code>wecena admin agreement add</code>.</p>
${renderLines(page.outside, currency)}`
}
${nextHref === null ? '' : html`<p class="pager"><a class="button secondary" href="${nextHref}">Next contributions</a> (or all of them in the CSV)</p>`}`,
  });
}

export interface ReceiptPageInput {
  receipt: ReceiptData;
  year: number;
  currency: string;
  signedIn: LayoutInput['signedIn'];
  /** Where "back" goes: the sponsor's reports or the beneficiary's page. */
  backHref: string;
}

/** Everything the Cerfa 16216 asks, on one printable page. */
export function renderReceiptPage({ receipt, year, currency, signedIn, backHref }: ReceiptPageInput): Html {
  const { sponsor, beneficiary } = receipt;
  return renderLayout({
    title: `Receipt data ${year}: ${beneficiary.legalName}`,
    signedIn,
    printable: true,
    body: html`<article class="receipt">
<p class="no-print"><a href="${backHref}">Back</a> · <a class="button secondary" href="/sponsors/${sponsor.id}/receipts/${beneficiary.id}/${year}.pdf" download>Download PDF</a> or print this page.</p>
<h1>Receipt data, ${formatDay(receipt.from)} – ${formatDay(receipt.to)}</h1>
<p class="lede">For the receipt for gifts by companies (Cerfa 16216), from ${beneficiary.legalName} to ${sponsor.legalName}.</p>
<section class="card"><h2>Beneficiary</h2><dl>
<dt>Name</dt><dd>${beneficiary.legalName}</dd>
${beneficiary.rna === null ? '' : html`<dt>RNA</dt><dd>${beneficiary.rna}</dd>`}
${beneficiary.siren === null ? '' : html`<dt>SIREN</dt><dd>${beneficiary.siren}</dd>`}
<dt>Address</dt><dd>${beneficiary.address ?? '—'}</dd></dl></section>
<section class="card"><h2>Donor company</h2><dl>
<dt>Name</dt><dd>${sponsor.legalName}${sponsor.legalForm === null ? '' : ` (${sponsor.legalForm})`}</dd>
<dt>SIREN</dt><dd data-field="siren">${sponsor.siren}</dd>
<dt>Address</dt><dd>${sponsor.address}</dd></dl></section>
<section class="card"><h2>Gift</h2><dl>
<dt>Amount in figures</dt><dd data-field="amount">${receipt.amountInFigures}</dd>
<dt>Amount in words</dt><dd data-field="amount-words">${receipt.amountInWords}</dd>
<dt>Nature</dt><dd data-field="nature">${receipt.nature}</dd>
<dt>Period</dt><dd>${formatDay(receipt.from)} – ${formatDay(receipt.to)}</dd>
<dt>Valuation</dt><dd>${receipt.valuationMethod}</dd>
<dt>Description</dt><dd data-field="description">${receipt.description}</dd></dl></section>
<h2>Staff lent</h2>
${
  receipt.staff.length === 0
    ? html`<p class="empty">No reviewed contribution in this period.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Consultant</th><th>Contributions</th><th>Hours</th><th>Valuation</th></tr></thead><tbody>${receipt.staff.map(
        (person) => html`<tr><td data-label="Consultant">${person.consultantName}</td><td data-label="Contributions" class="num">${person.credits}</td><td data-label="Hours" class="num">${person.hours}</td><td data-label="Valuation" class="num">${formatMoney(person.valuationCents, currency)}</td></tr>`,
      )}</tbody></table></div>`
}
<h2>The work, line by line</h2>
${receipt.lines.length === 0 ? html`<p class="empty">Nothing reviewed yet.</p>` : renderLines(receipt.lines, currency)}
${
  receipt.excluded.pending.length === 0
    ? ''
    : html`<h2 class="no-print">Left out: waiting for review</h2><p class="problem no-print">The sponsor has not reviewed these yet: they are not in the amount.</p><div class="no-print">${renderLines(receipt.excluded.pending, currency)}</div>`
}
${
  receipt.excluded.outsideAgreement.length === 0
    ? ''
    : html`<h2 class="no-print">Left out: no agreement in force</h2><div class="no-print">${renderLines(receipt.excluded.outsideAgreement, currency)}</div>`
}
</article>`,
  });
}
