import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  /** Each page's text, its lines joined by "\n" in reading order. */
  pages: string[];
  /** Every page's text, one after the other. */
  text: string;
  /** The document's Info dictionary (Title, CreationDate…). */
  info: Record<string, unknown>;
}

/**
 * What a reader of the PDF sees: its text read back with pdfjs-dist (Mozilla's PDF reader, as in Firefox), so
 * a test checks the words and figures the committee reads, not how pdfkit wrote them.
 */
export async function pdfText(bytes: Buffer): Promise<PdfContent> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      pages.push(lines.join('\n'));
    }
    const { info } = await document.getMetadata();
    return { pages, text: pages.join('\n'), info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** Spaces as a reader compares them: the no-break ones of French figures (`250 000 €`) as plain spaces. */
export function flatSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/** The whole text as one line (a sentence the PDF wrapped reads whole again), no-break spaces as spaces. */
export function flatText(content: PdfContent): string {
  return flatSpaces(content.text).replace(/\s+/g, ' ');
}

/** A sentence of ours as `flatText` reads it. */
export function flat(sentence: string): string {
  return flatSpaces(sentence).replace(/\s+/g, ' ');
}
