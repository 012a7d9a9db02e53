export { type AgreementFilter, type CreditCursor, type LedgerFilter, loadAgreements, loadCreditEntries, loadLedgerEntries, loadLedgerEntriesPage } from './ledger-entries';
export { loadLegalIdentities } from './legal-identities';
export { type ReportSponsor, findReportSponsor } from './report-sponsor';
export { type ReportLinesPage, loadSponsorYearLinesPage, loadSponsorYearReport, yearPeriod } from './sponsor-report';
export { loadSponsorYearSummary } from './sponsor-summary';
export {
  type BulkApprovalInput,
  type BulkApprovalResult,
  type ReviewInput,
  type ReviewOutcome,
  type ReviewResult,
  approveContributions,
  reviewContribution,
} from './review-contribution';
