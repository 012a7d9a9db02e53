import { z } from '@hono/zod-openapi';
import type { LedgerReport, LedgerSummary, ReceiptData } from '@wecena/core';
import type { SponsorHeader } from '../queries/sponsor-queries';
import { CalendarDay, Cents, Instant, Minutes, ReviewStatus, RowId } from './common-schemas';
import { SponsorSummary, presentSponsorSummary } from './sponsor-schemas';

/*
 * The core's report and receipt data (packages/core/src/reports), as they are: the API adds no
 * figure of its own, so what it answers is what the pages and the CSV show.
 */

export const ReportTotals = z
  .object({
    credits: z.int().nonnegative().openapi({ description: 'Contributions that count (every status but rejected).', example: 3 }),
    minutes: Minutes,
    valuationCents: Cents,
  })
  .openapi('ReportTotals');

export const ReportLine = z
  .object({
    creditId: RowId,
    taskId: RowId,
    taskTitle: z.string(),
    taskUrl: z.string().openapi({ description: 'The issue on its forge.' }),
    consultantId: RowId,
    consultantName: z.string(),
    sponsorId: RowId,
    beneficiaryId: RowId,
    beneficiaryName: z.string(),
    changeRequestUrl: z.string().nullable().openapi({ description: 'The merged pull or merge request; null for work a maintainer confirmed.' }),
    confirmedBy: z.string().nullable().openapi({ description: 'The maintainer who confirmed non-code work.' }),
    proofUrl: z.string().openapi({
      description: 'What proves the work on its forge: the merged pull or merge request, else the issue a maintainer confirmed it on.',
      example: 'https://github.com/cartolibre/cartolibre/pull/140',
    }),
    landedAt: Instant,
    landedOn: CalendarDay.openapi({ description: 'The UTC day the work landed: agreements and periods are read on it.' }),
    month: z.string().openapi({ example: '2026-03' }),
    minutes: Minutes.openapi({ description: 'What it counts for now: the sum of its ledger entries, zero once rejected.' }),
    valuationCents: Cents.openapi({ description: 'Its valuation now, in cents: the sum of its ledger entries, zero once rejected.' }),
    creditedMinutes: Minutes.openapi({ description: 'What it was first recorded with.' }),
    creditedValuationCents: Cents,
    estimated: z.boolean().openapi({ description: "The minutes were the task's estimate, not logged time." }),
    reviewStatus: ReviewStatus,
    lastReason: z.string().nullable(),
    reviewedBy: z.string().nullable().openapi({ description: 'Who made the latest correction: `reviewer:<id>`, `maintainer:<login>`.' }),
    reviewedAt: Instant.nullable(),
    entryIds: z.array(RowId).openapi({ description: 'The ledger entries the line sums, the credit first, for an auditor to follow.' }),
    agreementId: RowId.nullable().openapi({ description: 'The agreement (convention de mécénat) it counts under; null: none in force on its day.' }),
  })
  .openapi('ReportLine');

export const SponsorReport = z
  .object({
    sponsor: SponsorSummary,
    year: z.int().openapi({ example: 2026 }),
    from: CalendarDay,
    to: CalendarDay,
    totals: ReportTotals,
    byStatus: z.object({ pending: ReportTotals, approved: ReportTotals, adjusted: ReportTotals, rejected: ReportTotals }).openapi({
      description: 'The same lines by current review status (rejected ones count zero).',
    }),
    byMonth: z.array(z.object({ month: z.string().openapi({ example: '2026-03' }), totals: ReportTotals })).openapi({ description: 'Every month of the year, empty ones included.' }),
    byBeneficiary: z.array(z.object({ beneficiaryId: RowId, beneficiaryName: z.string(), totals: ReportTotals })),
    byConsultant: z.array(z.object({ consultantId: RowId, consultantName: z.string(), totals: ReportTotals })),
    lines: z.array(ReportLine).openapi({ description: 'Every contribution counted above, in landing order, each with the URL that proves it.' }),
    outsideAgreement: z.object({ lines: z.array(ReportLine), totals: ReportTotals }).openapi({
      description: 'Contributions with no agreement in force between the sponsor and the beneficiary on their day: listed, never counted above.',
    }),
    orphanEntryIds: z.array(RowId).openapi({ description: 'Corrections read without their credit: never counted (empty on a sound ledger).' }),
  })
  .openapi('SponsorReport');
export type SponsorReport = z.infer<typeof SponsorReport>;

export const SponsorFigures = SponsorReport.omit({ lines: true, orphanEntryIds: true })
  .extend({
    outsideAgreement: z.object({ totals: ReportTotals }).openapi({
      description: 'Contributions with no agreement in force between the sponsor and the beneficiary on their day: never counted above.',
    }),
  })
  .openapi('SponsorFigures');
export type SponsorFigures = z.infer<typeof SponsorFigures>;

const LegalRule = z.object({ statement: z.string(), sources: z.array(z.string()), appliesFromYear: z.int() }).openapi('LegalRule');

export const Receipt = z
  .object({
    year: z.int().openapi({ example: 2026 }),
    from: CalendarDay,
    to: CalendarDay,
    currency: z.string().openapi({ example: 'EUR' }),
    sponsor: z.object({ id: RowId, legalName: z.string(), legalForm: z.string().nullable(), siren: z.string().openapi({ example: '732829320' }), address: z.string() }),
    beneficiary: z.object({ id: RowId, legalName: z.string(), rna: z.string().nullable(), siren: z.string().nullable(), address: z.string().nullable() }),
    amountCents: Cents.openapi({ description: 'The reviewed value of the gift (approved and adjusted contributions under an agreement), in cents.' }),
    amountInFigures: z.string().openapi({ example: '1 234,50 €' }),
    amountInWords: z.string().openapi({ example: 'mille deux cent trente-quatre euros et cinquante centimes' }),
    nature: z.string(),
    valuationMethod: z.string(),
    description: z.string(),
    staff: z.array(
      z.object({
        consultantId: RowId,
        consultantName: z.string(),
        credits: z.int().nonnegative(),
        minutes: Minutes,
        hours: z.string().openapi({ example: '12 h 30' }),
        valuationCents: Cents,
      }),
    ),
    lines: z.array(ReportLine).openapi({ description: 'The reviewed contributions the amount sums, each with the URL that proves it.' }),
    excluded: z.object({
      pending: z.array(ReportLine).openapi({ description: 'Not reviewed yet: not in the amount.' }),
      outsideAgreement: z.array(ReportLine).openapi({ description: 'No agreement in force on their day: not in the amount.' }),
    }),
    agreementIds: z.array(RowId),
    taxReduction: LegalRule,
  })
  .openapi('Receipt', { description: 'Everything the receipt for company gifts (Cerfa 16216) asks, for one sponsor, one beneficiary and one year.' });
export type Receipt = z.infer<typeof Receipt>;

export function presentSponsorReport(sponsor: SponsorHeader, year: number, report: LedgerReport): SponsorReport {
  const { sponsorId: _sponsorId, ...figures } = report;
  return { sponsor: presentSponsorSummary(sponsor), year, ...figures };
}

export function presentSponsorFigures(sponsor: SponsorHeader, year: number, summary: LedgerSummary): SponsorFigures {
  const { sponsorId: _sponsorId, ...figures } = summary;
  return { sponsor: presentSponsorSummary(sponsor), year, ...figures };
}

export function presentReceipt(receipt: ReceiptData, year: number, currency: string): Receipt {
  return { year, currency, ...receipt, taxReduction: { ...receipt.taxReduction, sources: [...receipt.taxReduction.sources] } };
}
