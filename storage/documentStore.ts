import type { DocumentType } from '../dialogs/domain/documentChecks.js';

/** What the file's JSON, the CLI and the API say about one supporting document. */
export interface StoredDocument {
  /** Unique within its file; also the stored object's name. */
  id: string;
  /** The name the applicant's file had (shown as plain text, never used as a path). */
  name: string;
  type: DocumentType;
  size: number;
  sha256: string;
  /** Which required piece it is (`kbis`, `balanceSheets`…), once known. */
  piece?: string;
  /** A Kbis: the day of the extract (YYYY-MM-DD), as the applicant gave it. */
  issuedOn?: string;
  /** ISO 8601. */
  receivedAt: string;
}

export interface NewDocument {
  document: StoredDocument;
  bytes: Buffer;
}

/**
 * Supporting documents, grouped by owner: a draft's key while the application is being filled, its reference
 * (`ALZ-2026-0007`) once submitted. A document is listed only once its bytes are wholly stored, so a crash
 * mid-write never shows the committee half a file. Never served publicly: only the committee's tools read it.
 */
export interface DocumentStore {
  list(owner: string): Promise<StoredDocument[]>;
  read(owner: string, id: string): Promise<NewDocument | undefined>;
  /** Stores the bytes then the description; the caller has checked them. */
  put(owner: string, entry: NewDocument): Promise<void>;
  /**
   * Sets or changes which piece a document is and, for a Kbis, the day of the extract (kept while the piece
   * stays the same, dropped when it changes).
   */
  label(owner: string, id: string, piece: string, issuedOn?: string): Promise<StoredDocument | undefined>;
  /** Moves every document of a draft to its reference at submission. */
  move(from: string, to: string): Promise<number>;
  /** Erasure and retention: removes every document of the owner; how many there were. */
  removeAll(owner: string): Promise<number>;
}

const OWNER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const ID = /^[a-f0-9]{32}$/;

/** An owner is a folder or blob prefix: letters, digits, `.`, `_`, `-`, never `..` or a slash. */
export function assertOwner(owner: string): void {
  if (!OWNER.test(owner) || owner.includes('..')) throw new RangeError('invalid document owner');
}

export function isDocumentId(id: string): boolean {
  return ID.test(id);
}

/** The description after `label`: the new piece, and the extract's day given now or kept from before. */
export function relabelled(document: StoredDocument, piece: string, issuedOn?: string): StoredDocument {
  const { issuedOn: before, ...rest } = document;
  const kept = issuedOn ?? (piece === document.piece ? before : undefined);
  return { ...rest, piece, ...(kept ? { issuedOn: kept } : {}) };
}
