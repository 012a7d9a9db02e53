export {
  type BeneficiaryTotals,
  type ConsultantTotals,
  type LedgerReport,
  type LedgerReportInput,
  type LedgerSummary,
  type MonthTotals,
  type ReportLine,
  type ReportTotals,
  buildLedgerReport,
  compareNamed,
  findAgreement,
  monthsBetween,
  summaryOf,
  totalOf,
} from './build-report';
export {
  CREDIT_CSV_COLUMNS,
  type CreditCsvFields,
  type CsvCell,
  LEDGER_CSV_COLUMNS,
  UTF8_BOM,
  renderCsv,
  renderCsvCell,
  renderLedgerCsv,
  toCreditCsvCells,
} from './csv';
export {
  DEFAULT_APPROVAL_REASON,
  REVIEW_ACTIONS,
  type ReviewAction,
  type ReviewDecision,
  type ReviewDecisionInput,
  type ReviewEntry,
  decideReview,
} from './decide-review';
export { type CreditLine, type DerivedCredits, compareEntryIds, compareLedgerOrder, deriveCredits } from './derive-credits';
export { MAX_FRENCH_WORDS_NUMBER, amountInFrenchWords, numberInFrenchWords } from './french-words';
export type { LedgerAgreement, LedgerEntry, ReportPeriod } from './ledger-entry';
export {
  type BeneficiaryLegalIdentity,
  type ReceiptData,
  type ReceiptInput,
  SKILLS_SPONSORSHIP_NATURE,
  type SponsorLegalIdentity,
  type StaffLent,
  buildReceiptData,
  formatHours,
} from './receipt';
