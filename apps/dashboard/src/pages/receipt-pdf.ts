import type { ReceiptData } from '@wecena/core';
import PDFDocument from 'pdfkit';
import { formatDay, formatHoursAndMinutes, formatInstant, formatMoney } from './format';
import { toSafeHref } from './links';
import { REVIEW_STATUS_LABELS } from './review-status';
import { toWinAnsi } from './win-ansi';

export interface ReceiptPdfInput {
  receipt: ReceiptData;
  year: number;
  currency: string;
  /** When the PDF is made: printed on each page and set as its creation date, so the same data and instant give the same bytes. */
  generatedAt: Date;
}

/** 2 cm. */
const MARGIN = 57;
const LABEL_WIDTH = 130;
const BODY_SIZE = 10;
const FOOTER_SIZE = 8;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const LINK_COLOUR = '#1a4f8b';
const MUTED_COLOUR = '#555555';

type Document = PDFKit.PDFDocument;

/**
 * The receipt data as an A4 PDF, with the content of the printable page: both legal identities,
 * the gift (amount in figures and in words, nature, period, dates, valuation method), the staff
 * lent and every contribution with the address that proves it. Text is drawn in the standard
 * Helvetica (selectable, nothing embedded); every string goes through `toWinAnsi`, so a name is
 * drawn as the letters it holds and never read as PDF syntax.
 */
export function renderReceiptPdf({ receipt, year, currency, generatedAt }: ReceiptPdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const { sponsor, beneficiary } = receipt;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: toWinAnsi(`Receipt data ${year}: ${beneficiary.legalName}`),
      Subject: toWinAnsi(`Mécénat de compétences, ${sponsor.legalName} to ${beneficiary.legalName} (Cerfa 16216)`),
      Creator: 'wecena',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const bytes = collect(doc);

  title(doc, `Receipt data, ${formatDay(receipt.from)} – ${formatDay(receipt.to)}`);
  paragraph(doc, `For the receipt for gifts by companies (Cerfa 16216), from ${beneficiary.legalName} to ${sponsor.legalName}.`);

  heading(doc, 'Beneficiary');
  field(doc, 'Name', beneficiary.legalName);
  if (beneficiary.rna !== null) field(doc, 'RNA', beneficiary.rna);
  if (beneficiary.siren !== null) field(doc, 'SIREN', beneficiary.siren);
  field(doc, 'Address', beneficiary.address ?? '—');

  heading(doc, 'Donor company');
  field(doc, 'Name', sponsor.legalForm === null ? sponsor.legalName : `${sponsor.legalName} (${sponsor.legalForm})`);
  field(doc, 'SIREN', sponsor.siren);
  field(doc, 'Address', sponsor.address);

  heading(doc, 'Gift');
  field(doc, 'Amount in figures', receipt.amountInFigures);
  field(doc, 'Amount in words', receipt.amountInWords);
  field(doc, 'Nature', receipt.nature);
  field(doc, 'Period', `${formatDay(receipt.from)} – ${formatDay(receipt.to)}`);
  field(doc, 'Dates of the work', datesOf(receipt));
  field(doc, 'Valuation', receipt.valuationMethod);
  field(doc, 'Description', receipt.description);

  heading(doc, 'Staff lent');
  if (receipt.staff.length === 0) paragraph(doc, 'No reviewed contribution in this period.');
  for (const person of receipt.staff) {
    const contributions = `${person.credits} contribution${person.credits > 1 ? 's' : ''}`;
    field(doc, person.consultantName, `${contributions} · ${person.hours} · ${formatMoney(person.valuationCents, currency)}`);
  }

  heading(doc, 'The work, line by line');
  if (receipt.lines.length === 0) paragraph(doc, 'Nothing reviewed yet.');
  for (const line of receipt.lines) {
    const hours = `${formatHoursAndMinutes(line.minutes)}${line.estimated ? ' (estimate)' : ''}`;
    keepTogether(doc, 4);
    doc.moveDown(0.4);
    doc.font(BOLD).fontSize(BODY_SIZE).text(toWinAnsi(`${formatDay(line.landedOn)} · ${line.taskTitle}`), MARGIN);
    doc.font(REGULAR).text(toWinAnsi(`${line.consultantName} · ${hours} · ${formatMoney(line.valuationCents, currency)} · ${REVIEW_STATUS_LABELS[line.reviewStatus]}`));
    const href = toSafeHref(line.proofUrl);
    doc.fillColor(href === null ? MUTED_COLOUR : LINK_COLOUR).text(toWinAnsi(line.proofUrl), { link: href }).fillColor('black');
  }

  footers(doc, `wecena · receipt data ${year} · generated on ${formatInstant(generatedAt)}`);
  doc.end();
  return bytes;
}

function collect(doc: Document): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** The distinct days the counted work landed on, in order: the dates of the gift. */
function datesOf(receipt: ReceiptData): string {
  const days = [...new Set(receipt.lines.map((line) => line.landedOn))].sort();
  return days.length === 0 ? '—' : days.map((day) => formatDay(day)).join(', ');
}

function title(doc: Document, text: string): void {
  doc.font(BOLD).fontSize(16).text(toWinAnsi(text), MARGIN);
  doc.moveDown(0.3);
}

function heading(doc: Document, text: string): void {
  keepTogether(doc, 4);
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(12).text(toWinAnsi(text), MARGIN);
  doc.moveDown(0.3);
}

function paragraph(doc: Document, text: string): void {
  doc.font(REGULAR).fontSize(BODY_SIZE).text(toWinAnsi(text), MARGIN);
}

/** A label and its value side by side, the row moved whole to the next page when it does not fit. */
function field(doc: Document, label: string, value: string): void {
  const valueWidth = contentWidth(doc) - LABEL_WIDTH;
  const shownLabel = toWinAnsi(label);
  const shownValue = toWinAnsi(value);
  doc.fontSize(BODY_SIZE);
  const height = Math.max(doc.font(BOLD).heightOfString(shownLabel, { width: LABEL_WIDTH - 10 }), doc.font(REGULAR).heightOfString(shownValue, { width: valueWidth }));
  if (doc.y + height > bottomOf(doc)) doc.addPage();
  const top = doc.y;
  doc.font(BOLD).text(shownLabel, MARGIN, top, { width: LABEL_WIDTH - 10 });
  const labelBottom = doc.y;
  doc.font(REGULAR).text(shownValue, MARGIN + LABEL_WIDTH, top, { width: valueWidth });
  doc.y = Math.max(doc.y, labelBottom) + 3;
}

/** Starts a new page unless `lines` lines of body text still fit on this one. */
function keepTogether(doc: Document, lines: number): void {
  if (doc.y + lines * doc.font(REGULAR).fontSize(BODY_SIZE).currentLineHeight(true) > bottomOf(doc)) doc.addPage();
}

function contentWidth(doc: Document): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: Document): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** `text · page n of m` under each page, in the bottom margin. */
function footers(doc: Document, text: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit start a page: lift the margin while the footer is drawn.
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(FOOTER_SIZE)
      .fillColor(MUTED_COLOUR)
      .text(toWinAnsi(`${text} · page ${index + 1} of ${count}`), MARGIN, doc.page.height - bottomMargin + 20, { width: contentWidth(doc), lineBreak: false })
      .fillColor('black');
    doc.page.margins.bottom = bottomMargin;
  }
}
