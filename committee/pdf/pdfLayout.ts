import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { stripBidi } from '../../dialogs/domain/plainText.js';

/** A4 in points, 2 cm margins: the committee prints these files. */
const MARGIN = 56;
const FOOTER_GAP = 28;
export const FONT = 'AlizeSans';
export const BOLD = 'AlizeSans-Bold';
const BODY_SIZE = 10;

/**
 * DejaVu Sans, embedded (pdfkit keeps only the glyphs a file uses): the standard Helvetica draws Windows-1252
 * alone, and applicants' names are not all French (Şahin, Łukasz, Nguyễn, Παπαδόπουλος, Иванов).
 */
const fontFile = createRequire(import.meta.url);
const FONT_FILES: Readonly<Record<string, string>> = {
  [FONT]: fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  [BOLD]: fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const fontBytes = new Map<string, Buffer>();

function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(FONT_FILES)) {
    let bytes = fontBytes.get(name);
    if (!bytes) {
      bytes = readFileSync(file);
      fontBytes.set(name, bytes);
    }
    doc.registerFont(name, bytes);
  }
}

/**
 * The scripts the embedded font draws left to right with no shaping: Latin (with Vietnamese), Greek, Cyrillic,
 * and the punctuation, currency and mathematical signs of our own sentences. pdfkit does no bidirectional
 * layout or Arabic shaping, so other scripts (and emoji, which the font lacks) show as `?`, never as wrong glyphs.
 */
const DRAWN: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x52f],
  [0x1e00, 0x1fff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x22ff],
];

const drawn = (code: number): boolean => DRAWN.some(([from, to]) => code >= from && code <= to);

/**
 * Text as the embedded font draws it: the narrow no-break space of French numbers (`250 000 €`) and the thin
 * ones become a no-break space (same role), control and bidirectional characters go (applicants typed some of
 * this text), and a character of another script shows as `?`. Nothing is interpreted: pdfkit draws the string.
 */
export function pdfSafe(text: string): string {
  let safe = '';
  // eslint-disable-next-line no-control-regex
  const flat = stripBidi(text).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
  for (const char of flat.replace(/[\u202f\u2009\u2007\u2008\u200a]/g, '\u00a0')) {
    const code = char.codePointAt(0) ?? 0;
    safe += code === 10 || drawn(code) ? char : '?';
  }
  return safe;
}

export interface PdfMeta {
  title: string;
  /** `fr` or `en`: the document's language for readers and screen readers. */
  locale: string;
  /** The CreationDate: the injected clock, so that the same file gives the same bytes. */
  createdAt: Date;
}

export function createPdf(meta: PdfMeta): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: meta.locale === 'en' ? 'en-GB' : 'fr-FR',
    displayTitle: true,
    info: {
      Title: pdfSafe(meta.title),
      Producer: 'AliZé',
      Creator: 'AliZé',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  registerFonts(doc);
  doc.font(FONT).fontSize(BODY_SIZE);
  return doc;
}

const contentWidth = (doc: PDFKit.PDFDocument): number =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom;

/** A page like the current one (a landscape table runs on in landscape). */
export function nextPage(doc: PDFKit.PDFDocument, layout: 'portrait' | 'landscape' = pageLayout(doc)): void {
  doc.addPage({ size: 'A4', layout, margin: MARGIN });
}

const pageLayout = (doc: PDFKit.PDFDocument): 'portrait' | 'landscape' =>
  doc.page.layout === 'landscape' ? 'landscape' : 'portrait';

/** A new page when fewer than `height` points are left on this one. */
export function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) nextPage(doc);
}

export function heading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  // A heading is never the last line of a page: room for it and a few lines of what it heads.
  keepRoom(doc, size * 3 + 50);
  doc.moveDown(0.6);
  doc
    .font(BOLD)
    .fontSize(size)
    .text(pdfSafe(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font(FONT).fontSize(BODY_SIZE).moveDown(0.3);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, options: { bold?: boolean } = {}): void {
  // A bold paragraph introduces what follows (« Motifs : »): a little air before it.
  if (options.bold) doc.moveDown(0.4);
  doc
    .font(options.bold ? BOLD : FONT)
    .fontSize(BODY_SIZE)
    .text(pdfSafe(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.font(FONT);
}

export function bullets(doc: PDFKit.PDFDocument, items: readonly string[]): void {
  const left = doc.page.margins.left;
  for (const item of items) {
    const text = pdfSafe(item);
    // The bullet and the item's first line on the same page; the item's next lines hang under its text.
    keepRoom(doc, doc.currentLineHeight(true));
    const top = doc.y;
    doc.text('•', left + 4, top, { lineBreak: false });
    doc.text(text, left + 16, top, { width: contentWidth(doc) - 16 });
    doc.x = left;
  }
}

/** Label on the left, value on the right; a long value (a project description) runs on to the next pages. */
export function fieldRows(doc: PDFKit.PDFDocument, rows: readonly (readonly [string, string])[]): void {
  const left = doc.page.margins.left;
  const labelWidth = 165;
  const valueX = left + labelWidth + 10;
  const valueWidth = contentWidth(doc) - labelWidth - 10;
  for (const [label, value] of rows) {
    const labelText = pdfSafe(label);
    const valueText = pdfSafe(value);
    doc.font(BOLD);
    const labelHeight = doc.heightOfString(labelText, { width: labelWidth });
    doc.font(FONT);
    const firstLines = Math.min(
      doc.heightOfString(valueText, { width: valueWidth }),
      3 * doc.currentLineHeight(true),
    );
    keepRoom(doc, Math.max(labelHeight, firstLines));
    const top = doc.y;
    const page = doc.bufferedPageRange().count;
    doc.font(BOLD).text(labelText, left, top, { width: labelWidth });
    const labelBottom = doc.y;
    doc.font(FONT).text(valueText, valueX, top, { width: valueWidth });
    const samePage = doc.bufferedPageRange().count === page;
    doc.x = left;
    doc.y = (samePage ? Math.max(labelBottom, doc.y) : doc.y) + 3;
  }
}

export interface TableColumn {
  header: string;
  /** A share of the width; the shares of a table need not add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

/** A table whose header row comes again at the top of each page it runs on to. */
export function table(
  doc: PDFKit.PDFDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  size = 8,
): void {
  const left = doc.page.margins.left;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * contentWidth(doc));
  const pad = 3;
  const drawRow = (cells: readonly string[], bold: boolean): void => {
    doc.font(bold ? BOLD : FONT).fontSize(size);
    const texts = cells.map(pdfSafe);
    const height =
      Math.max(...texts.map((text, index) => doc.heightOfString(text, { width: widths[index] - 2 * pad }))) +
      2 * pad;
    if (doc.y + height > bottom(doc)) {
      nextPage(doc);
      if (!bold)
        drawRow(
          columns.map((column) => column.header),
          true,
        );
    }
    const top = doc.y;
    let x = left;
    texts.forEach((text, index) => {
      doc.text(text, x + pad, top + pad, {
        width: widths[index] - 2 * pad,
        align: columns[index].align ?? 'left',
      });
      x += widths[index];
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + contentWidth(doc), top + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  // The header never sits alone at the foot of a page: room for it and a first row, or a new page.
  doc.font(BOLD).fontSize(size);
  const headerHeight = Math.max(
    ...columns.map((column, index) =>
      doc.heightOfString(pdfSafe(column.header), { width: widths[index] - 2 * pad }),
    ),
  );
  keepRoom(doc, 2 * (headerHeight + 2 * pad) + doc.currentLineHeight(true));
  drawRow(
    columns.map((column) => column.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.font(FONT).fontSize(BODY_SIZE).moveDown(0.5);
}

/** Writes the footer of every page (« ALZ-2026-0007 — Page 1 sur 3 ») and returns the file's bytes. */
export async function finishPdf(
  doc: PDFKit.PDFDocument,
  footer: (page: number, total: number) => string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // The footer sits in the bottom margin: without this pdfkit would open a page to put it on.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .text(
        pdfSafe(footer(index - range.start + 1, range.count)),
        doc.page.margins.left,
        doc.page.height - FOOTER_GAP,
        {
          width: contentWidth(doc),
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
