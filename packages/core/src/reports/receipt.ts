import type { LegalRule } from '../valuation/legal-references';
import { COST_PRICE_RULE, SALARY_CAP_RULE, TAX_REDUCTION_RULE } from '../valuation/legal-references';
import { formatEuros } from '../valuation/format-euros';
import { type LedgerReport, type ReportLine, buildLedgerReport } from './build-report';
import { amountInFrenchWords } from './french-words';
import type { LedgerAgreement, LedgerEntry, ReportPeriod } from './ledger-entry';

/** The giver as the receipt names it: the company and its SIREN. */
export interface SponsorLegalIdentity {
  id: string;
  legalName: string;
  legalForm: string | null;
  siren: string;
  /** Lines separated by newlines. */
  address: string;
}

/** The receiver as the receipt names it. */
export interface BeneficiaryLegalIdentity {
  id: string;
  legalName: string;
  rna: string | null;
  siren: string | null;
  address: string | null;
}

/**
 * What the gift is, for the "nature du don" of the Cerfa 16216 (form 2041-MEC-SD, the receipt for
 * companies' gifts under CGI art. 238 bis): not cash nor listed shares but a gift in kind, the
 * company lending "des moyens en personnel, des services, des compétences"
 * (BOI-BIC-RICI-20-30-10-20, § 5), which is what mécénat de compétences names.
 */
export const SKILLS_SPONSORSHIP_NATURE = 'don en nature — mise à disposition de personnel (mécénat de compétences)';

/** One person lent, with the time and value of their work over the period. */
export interface StaffLent {
  consultantId: string;
  consultantName: string;
  credits: number;
  minutes: number;
  /** "12 h 30", with no-break spaces. */
  hours: string;
  valuationCents: number;
}

export interface ReceiptData extends ReportPeriod {
  sponsor: SponsorLegalIdentity;
  beneficiary: BeneficiaryLegalIdentity;
  /** The reviewed value of the gift (approved and adjusted credits under an agreement), in cents. */
  amountCents: number;
  /** "1 234,50 €", with no-break spaces. */
  amountInFigures: string;
  /** "mille deux cent trente-quatre euros et cinquante centimes". */
  amountInWords: string;
  nature: typeof SKILLS_SPONSORSHIP_NATURE;
  /** How the gift was valued, with the rules' sources. */
  valuationMethod: string;
  description: string;
  staff: StaffLent[];
  /** The reviewed lines the amount sums, each with the forge URL that proves it. */
  lines: ReportLine[];
  /** Work the amount leaves out, for the reviewer to act on before issuing the receipt. */
  excluded: {
    /** Not reviewed yet: approve, adjust or reject them first. */
    pending: ReportLine[];
    /** No agreement in force between the two on the day it landed. */
    outsideAgreement: ReportLine[];
  };
  /** The agreements the lines count under. */
  agreementIds: string[];
  /** For information: the sponsor's tax reduction rule. */
  taxReduction: LegalRule;
}

export interface ReceiptInput extends ReportPeriod {
  entries: readonly LedgerEntry[];
  agreements: readonly LedgerAgreement[];
  sponsor: SponsorLegalIdentity;
  beneficiary: BeneficiaryLegalIdentity;
}

/**
 * Everything the beneficiary needs to fill the receipt for a company's gifts (Cerfa 16216) for
 * one sponsor, one beneficiary and one period: both legal identities, the period, the amount in
 * figures and in words, the nature of the gift, its valuation method, a description and the
 * staff lent. Only reviewed work counts (approved or adjusted, under an agreement in force on
 * its day): pending and uncovered work is listed apart, never added.
 */
export function buildReceiptData(input: ReceiptInput): ReceiptData {
  const report: LedgerReport = buildLedgerReport({
    entries: input.entries,
    agreements: input.agreements,
    sponsorId: input.sponsor.id,
    beneficiaryId: input.beneficiary.id,
    from: input.from,
    to: input.to,
  });
  const reviewed = report.lines.filter((line) => line.reviewStatus === 'approved' || line.reviewStatus === 'adjusted');
  const amountCents = reviewed.reduce((total, line) => total + line.valuationCents, 0);
  const staff = staffOf(reviewed);
  const totalMinutes = staff.reduce((total, person) => total + person.minutes, 0);
  return {
    from: input.from,
    to: input.to,
    sponsor: input.sponsor,
    beneficiary: input.beneficiary,
    amountCents,
    amountInFigures: formatEuros(amountCents),
    amountInWords: amountInFrenchWords(amountCents),
    nature: SKILLS_SPONSORSHIP_NATURE,
    valuationMethod: `Prix de revient : rémunérations et charges sociales patronales des heures données (${COST_PRICE_RULE.sources.join(' ; ')}), la rémunération retenue plafonnée, par salarié, à trois fois le plafond annuel de la sécurité sociale de l'année (${SALARY_CAP_RULE.sources.join(' ; ')}).`,
    description:
      `Mise à disposition gratuite de ${countOf(staff.length, 'salarié')} de ${input.sponsor.legalName} ` +
      `auprès de ${input.beneficiary.legalName}, du ${frenchDate(input.from)} au ${frenchDate(input.to)} : ` +
      `${formatHours(totalMinutes)} de travail sur ${countOf(reviewed.length, 'contribution')}, ` +
      `${reviewed.length > 1 ? 'chacune prouvée' : 'prouvée'} par une demande de modification fusionnée ou une confirmation du mainteneur sur la forge du projet.`,
    staff,
    lines: reviewed,
    excluded: {
      pending: report.lines.filter((line) => line.reviewStatus === 'pending'),
      outsideAgreement: report.outsideAgreement.lines.filter((line) => line.reviewStatus !== 'rejected'),
    },
    agreementIds: [...new Set(reviewed.map((line) => line.agreementId).filter((id): id is string => id !== null))],
    taxReduction: TAX_REDUCTION_RULE,
  };
}

function staffOf(lines: readonly ReportLine[]): StaffLent[] {
  const byConsultant = new Map<string, StaffLent>();
  for (const line of lines) {
    const person = byConsultant.get(line.consultantId) ?? {
      consultantId: line.consultantId,
      consultantName: line.consultantName,
      credits: 0,
      minutes: 0,
      hours: '',
      valuationCents: 0,
    };
    byConsultant.set(line.consultantId, {
      ...person,
      credits: person.credits + 1,
      minutes: person.minutes + line.minutes,
      valuationCents: person.valuationCents + line.valuationCents,
    });
  }
  return [...byConsultant.values()]
    .map((person) => ({ ...person, hours: formatHours(person.minutes) }))
    .sort((a, b) => (a.consultantName < b.consultantName ? -1 : a.consultantName > b.consultantName ? 1 : 0));
}

/**
 * A no-break space: the PDF's WinAnsi fonts have it (not the narrow U+202F French typography
 * prefers), and it keeps a figure with its unit when a page or PDF wraps the line.
 */
const NO_BREAK_SPACE = '\u00a0';

/** 750 → "12 h 30", 60 → "1 h", 5 → "0 h 05", each space a no-break one: the duration never splits across lines. */
export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const whole = `${hours}${NO_BREAK_SPACE}h`;
  return rest === 0 ? whole : `${whole}${NO_BREAK_SPACE}${String(rest).padStart(2, '0')}`;
}

/** 2 → "2 salariés", 1 → "1 salarié", the number held to its noun by a no-break space. */
function countOf(count: number, noun: string): string {
  return `${count}${NO_BREAK_SPACE}${noun}${count > 1 ? 's' : ''}`;
}

/** 2026-03-02 → 02/03/2026. */
function frenchDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
