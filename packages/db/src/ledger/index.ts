export { type AgreementFilter, type LedgerFilter, loadAgreements, loadCreditEntries, loadLedgerEntries } from './ledger-entries';
export { loadLegalIdentities } from './legal-identities';
export { type ReportSponsor, findReportSponsor } from './report-sponsor';
export { loadSponsorYearReport, yearPeriod } from './sponsor-report';
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
