import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDate } from '../../dialogs/formatting.js';
import { UnknownReferenceError } from '../../storage/index.js';
import type { CommitteeText } from '../committeeLabels.js';
import type { CommitteePdf } from './committeePdf.js';

export interface PdfCommand {
  name: 'pdf';
  reference: string;
  out?: string;
}

export interface DossierCommand {
  name: 'dossier';
  /** YYYY-MM-DD, checked by the parser; by default the next committee date. */
  date?: string;
  out?: string;
}

export interface PdfCommandContext {
  pdf?: CommitteePdf;
  text: CommitteeText;
  cwd: string;
  out(text: string): void;
}

const kilobytes = (bytes: Buffer): number => Math.max(1, Math.round(bytes.length / 1024));

/**
 * `pdf REF [--out FICHIER]` and `dossier [--date AAAA-MM-JJ] [--out FICHIER]`: the PDF is written to the file
 * (by default its own name in the working directory), never to the terminal.
 */
export async function runPdfCommand(
  command: PdfCommand | DossierCommand,
  context: PdfCommandContext,
): Promise<void> {
  const { pdf, text, out } = context;
  if (!pdf) throw new Error('the pdf commands need the programme settings');
  if (command.name === 'pdf') {
    const file = await pdf.file(command.reference);
    if (!file) throw new UnknownReferenceError(command.reference);
    const target = path.resolve(context.cwd, command.out ?? file.name);
    await writeFile(target, file.bytes);
    out(
      `${text.t('pdf:cli.fileSaved', { reference: command.reference, file: target, kilobytes: kilobytes(file.bytes) })}\n`,
    );
    return;
  }
  const dossier = await pdf.dossier(command.date);
  const target = path.resolve(context.cwd, command.out ?? dossier.name);
  await writeFile(target, dossier.bytes);
  out(
    `${text.t('pdf:cli.dossierSaved', {
      date: formatDate(dossier.date, text.locale),
      count: dossier.references.length,
      file: target,
      kilobytes: kilobytes(dossier.bytes),
    })}\n`,
  );
}
