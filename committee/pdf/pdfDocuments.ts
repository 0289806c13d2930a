import { missingPieces } from '../../dialogs/domain/documentPieces.js';
import type { StoredDocument } from '../../storage/documentStore.js';
import type { CommitteeText } from '../committeeFormat.js';
import { bullets, heading, paragraph, table } from './pdfLayout.js';
import { longDay } from './pdfValues.js';

const capitalised = (text: string, locale: string): string =>
  text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

function pieceName(piece: string | undefined, text: CommitteeText): string {
  const key = `documents:piece.${piece ?? ''}`;
  if (piece === undefined) return text.t('committee:documents.noPiece');
  return capitalised(text.hasKey(key) ? text.t(key) : piece, text.locale);
}

/** The documents received (name as the applicant sent it, piece, size, day) and the required pieces missing. */
export function documentsSection(
  doc: PDFKit.PDFDocument,
  documents: readonly StoredDocument[],
  required: readonly string[],
  text: CommitteeText,
): void {
  const { t } = text;
  heading(doc, t('pdf:documents.title'));
  if (documents.length === 0) paragraph(doc, t('pdf:documents.none'));
  else {
    table(
      doc,
      [
        { header: t('pdf:documents.header.name'), width: 4 },
        { header: t('pdf:documents.header.piece'), width: 3 },
        { header: t('pdf:documents.header.size'), width: 1.4, align: 'right' },
        { header: t('pdf:documents.header.receivedAt'), width: 2 },
      ],
      documents.map((document) => [
        document.name,
        pieceName(document.piece, text),
        t('committee:documents.size', { kilobytes: Math.max(1, Math.round(document.size / 1024)) }),
        longDay(document.receivedAt, text),
      ]),
      9,
    );
  }
  const missing = missingPieces(
    required,
    documents.map((document) => document.piece),
  );
  if (missing.length === 0) {
    paragraph(doc, t('pdf:documents.allReceived'));
    return;
  }
  paragraph(doc, t('pdf:documents.missing'), { bold: true });
  bullets(
    doc,
    missing.map((piece) => pieceName(piece, text)),
  );
}
