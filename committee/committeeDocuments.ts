import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../dialogs/domain/documentChecks.js';
import { cleanDocumentName } from '../storage/documentIntake.js';
import type { DocumentStore, StoredDocument } from '../storage/documentStore.js';
import { UnknownReferenceError, type ApplicationQueue } from '../storage/index.js';
import { documentRecord } from './committeeApiDocuments.js';
import { TIME_ZONE, type CommitteeText } from './committeeFormat.js';
import { documentFlags } from '../dialogs/domain/kbisAge.js';
import { formatDate } from '../dialogs/formatting.js';

export interface DocumentsCommand {
  name: 'documents';
  reference: string;
  out?: string;
  json: boolean;
}

export interface DocumentsContext {
  queue: ApplicationQueue;
  documents?: DocumentStore;
  text: CommitteeText;
  cwd: string;
  out(text: string): void;
}

/** The name a saved document gets: its id's start (two files may share a name) and its own, with the right extension. */
export function savedName(document: StoredDocument): string {
  const extension = DOCUMENT_EXTENSIONS[document.type];
  const base = cleanDocumentName(document.name).replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${document.id.slice(0, 8)}-${base}.${extension}`;
}

function line(document: StoredDocument, text: CommitteeText, submittedAt: string): string {
  const named = document.piece
    ? text.t(`documents:piece.${document.piece}`)
    : text.t('committee:documents.noPiece');
  const dated = document.issuedOn
    ? text.t('committee:documents.issuedOn', {
        piece: named,
        date: formatDate(document.issuedOn, text.locale),
      })
    : named;
  // « Kbis de plus de 3 mois », judged on the day the file was sent.
  const flags = documentFlags(document, new Date(submittedAt), TIME_ZONE).map((flag) =>
    text.t(`documents:flag.${flag}`),
  );
  const piece = [dated, ...flags].join(' — ');
  const size = text.t('committee:documents.size', {
    kilobytes: Math.max(1, Math.round(document.size / 1024)),
  });
  return `- ${document.name} — ${piece} — ${document.type}, ${size} — ${document.receivedAt}\n  sha256 ${document.sha256}`;
}

/** `documents REF [--out FOLDER] [--json]`: lists a file's documents, or saves them into a folder. */
export async function runDocuments(command: DocumentsCommand, context: DocumentsContext): Promise<void> {
  const { text, out } = context;
  const application = await context.queue.get(command.reference);
  if (!application) throw new UnknownReferenceError(command.reference);
  const listed = (await context.documents?.list(command.reference)) ?? [];
  if (command.out !== undefined) {
    const folder = path.resolve(context.cwd, command.out);
    await mkdir(folder, { recursive: true });
    for (const document of listed) {
      const read = await context.documents!.read(command.reference, document.id);
      if (read) await writeFile(path.join(folder, savedName(document)), read.bytes);
    }
    out(`${text.t('committee:documents.saved', { count: listed.length, folder })}\n`);
    return;
  }
  if (command.json) {
    const records = listed.map((document) => documentRecord(document, application.submittedAt));
    out(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  if (listed.length === 0) {
    out(`${text.t('committee:documents.none', { reference: command.reference })}\n`);
    return;
  }
  out(
    `${listed.map((document) => line(document, text, application.submittedAt)).join('\n')}\n\n${text.t('committee:documents.total', { count: listed.length })}\n`,
  );
}
