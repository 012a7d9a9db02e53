import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader of a PDF sees: each page's text as selecting it would copy it, its size, and the document's metadata. */
export interface PdfReading {
  pages: Array<{ text: string; widthPt: number; heightPt: number }>;
  info: Record<string, unknown>;
  /** Every page's text, whitespace (no-break spaces included) collapsed to single spaces. */
  flatText: string;
}

/** pdf.js reads the metrics of the standard fonts from its own files, which it cannot locate alone under Node. */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Reads a PDF as Firefox's viewer does (pdf.js), to check what a person would see and copy. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({ data: bytes.slice(), standardFontDataUrl: STANDARD_FONTS, verbosity: 0 }).promise;
  try {
    const pages: PdfReading['pages'] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , widthPt, heightPt] = page.view;
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
      pages.push({ text, widthPt: widthPt ?? 0, heightPt: heightPt ?? 0 });
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown>, flatText: flatten(pages.map((page) => page.text).join(' ')) };
  } finally {
    await document.destroy();
  }
}

/** Whitespace collapsed to single spaces, so that a phrase is found whichever line breaks the page set. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
