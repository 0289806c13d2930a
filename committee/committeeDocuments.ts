import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../dialogs/domain/documentChecks.js';
import { cleanDocumentName } from '../storage/documentIntake.js';
import type { DocumentStore, StoredDocument } from '../storage/documentStore.js';
import { UnknownReferenceError, type ApplicationQueue } from '../storage/index.js';
import { documentRecord } from './committeeApiDocuments.js';
import type { CommitteeText } from './committeeFormat.js';

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

function line(document: StoredDocument, text: CommitteeText): string {
  const piece = document.piece
    ? text.t(`documents:piece.${document.piece}`)
    : text.t('committee:documents.noPiece');
  const size = text.t('committee:documents.size', {
    kilobytes: Math.max(1, Math.round(document.size / 1024)),
  });
  return `- ${document.name} — ${piece} — ${document.type}, ${size} — ${document.receivedAt}\n  sha256 ${document.sha256}`;
}

/** `documents REF [--out FOLDER] [--json]`: lists a file's documents, or saves them into a folder. */
export async function runDocuments(command: DocumentsCommand, context: DocumentsContext): Promise<void> {
  const { text, out } = context;
  if (!(await context.queue.get(command.reference))) throw new UnknownReferenceError(command.reference);
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
    out(`${JSON.stringify(listed.map(documentRecord), null, 2)}\n`);
    return;
  }
  if (listed.length === 0) {
    out(`${text.t('committee:documents.none', { reference: command.reference })}\n`);
    return;
  }
  out(
    `${listed.map((document) => line(document, text)).join('\n')}\n\n${text.t('committee:documents.total', { count: listed.length })}\n`,
  );
}
