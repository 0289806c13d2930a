import type { Request } from 'restify';
import { documentFlags } from '../dialogs/domain/kbisAge.js';
import { TIME_ZONE } from './committeeFormat.js';
import type { DocumentStore, StoredDocument } from '../storage/documentStore.js';
import { isDocumentId } from '../storage/documentStore.js';
import { UnknownReferenceError, type ApplicationQueue } from '../storage/index.js';

/**
 * A document as the API and `committee documents --json` list it; `flags` are judged at the file's submission
 * (`kbisOld`: a Kbis extract more than 3 months old on the day the file was sent).
 */
export function documentRecord(document: StoredDocument, submittedAt: string): Record<string, unknown> {
  return {
    id: document.id,
    name: document.name,
    type: document.type,
    size: document.size,
    sha256: document.sha256,
    piece: document.piece ?? null,
    issuedOn: document.issuedOn ?? null,
    flags: documentFlags(document, new Date(submittedAt), TIME_ZONE),
    receivedAt: document.receivedAt,
  };
}

export type DocumentReply =
  | { status: 200; json: unknown }
  | { status: 200; file: { bytes: Buffer; type: string; name: string } }
  | { status: 404; documentId: string };

/** The documents of a file that exists, as records (an unknown reference is a 404 like `show`'s). */
export async function listDocuments(
  queue: ApplicationQueue,
  documents: DocumentStore,
  reference: string,
): Promise<Record<string, unknown>[]> {
  const application = await queue.get(reference);
  if (!application) throw new UnknownReferenceError(reference);
  return (await documents.list(reference)).map((document) =>
    documentRecord(document, application.submittedAt),
  );
}

function paramOf(req: Request, name: string): string {
  const params = req.params as Record<string, unknown> | undefined;
  return typeof params?.[name] === 'string' ? params[name] : '';
}

/** `GET /api/applications/:reference/documents/:id`: the bytes, or a 404 that names the id. */
export async function documentBytes(
  queue: ApplicationQueue,
  documents: DocumentStore,
  reference: string,
  req: Request,
): Promise<DocumentReply> {
  if (!(await queue.get(reference))) throw new UnknownReferenceError(reference);
  const id = paramOf(req, 'id');
  const found = isDocumentId(id) ? await documents.read(reference, id) : undefined;
  if (!found) return { status: 404, documentId: id.slice(0, 64) };
  return { status: 200, file: { bytes: found.bytes, type: found.document.type, name: found.document.name } };
}

/** `attachment; filename="kbis.pdf"; filename*=UTF-8''kbis%20%C3%A9t%C3%A9.pdf`: any name, safely quoted. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
