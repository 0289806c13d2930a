/** The kinds of supporting document the committee accepts, recognised by their first bytes, never by the name. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The file name extension each type is saved with (the committee opens the file with the right program). */
export const DOCUMENT_EXTENSIONS: Readonly<Record<DocumentType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export interface DocumentLimits {
  /** DOCUMENT_MAX_BYTES: the largest document accepted. */
  maxBytes: number;
  /** DOCUMENT_MAX_COUNT: the most documents one file (draft or submitted) keeps. */
  maxCount: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxBytes: 10 * 1024 * 1024, maxCount: 20 };

/** How many first bytes `sniffDocumentType` needs. */
export const SNIFF_BYTES = 8;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  return head.length >= signature.length && signature.every((byte, index) => head[index] === byte);
}

/**
 * The type the bytes really are: `%PDF-`, JPEG's SOI marker FF D8 FF, or PNG's eight-byte signature. An executable
 * renamed `kbis.pdf` starts with `MZ` or `\x7fELF` and is recognised as none of them.
 */
export function sniffDocumentType(head: Uint8Array): DocumentType | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'image/png';
  return undefined;
}

/** Why a document is refused; each has its sentence under `documents:refusal.<reason>`. */
export type DocumentRefusalReason = 'empty' | 'tooBig' | 'wrongType' | 'tooMany' | 'infected' | 'scanFailed';

export interface DocumentRefusal {
  reason: DocumentRefusalReason;
  /** Numbers the sentence shows (the limit in megabytes, the most documents). */
  params: Record<string, number>;
}

/** What is known of an upload before it is stored. */
export interface DocumentCandidate {
  size: number;
  head: Uint8Array;
  sha256: string;
}

/** What the file already holds. */
export interface KeptDocument {
  id: string;
  sha256: string;
}

export type DocumentCheck =
  | { outcome: 'accept'; type: DocumentType }
  | { outcome: 'duplicate'; id: string }
  | { outcome: 'refuse'; refusal: DocumentRefusal };

/** Megabytes as the sentence says them, to a tenth (10 485 760 bytes → 10; 65 536 → 0.1). */
export function megabytes(bytes: number): number {
  return Math.max(0.1, Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/**
 * Whether a document may join a file: not empty, within the size limit, a PDF, JPEG or PNG by its bytes, and room
 * left in the file. The same bytes sent twice are kept once: the second copy is the first one's id.
 */
export function checkDocument(
  candidate: DocumentCandidate,
  kept: readonly KeptDocument[],
  limits: DocumentLimits,
): DocumentCheck {
  const refuse = (reason: DocumentRefusalReason, params: Record<string, number> = {}): DocumentCheck => ({
    outcome: 'refuse',
    refusal: { reason, params },
  });
  if (candidate.size === 0) return refuse('empty');
  if (candidate.size > limits.maxBytes) return refuse('tooBig', { max: megabytes(limits.maxBytes) });
  const type = sniffDocumentType(candidate.head);
  if (type === undefined) return refuse('wrongType');
  const same = kept.find((document) => document.sha256 === candidate.sha256);
  if (same) return { outcome: 'duplicate', id: same.id };
  if (kept.length >= limits.maxCount) return refuse('tooMany', { max: limits.maxCount });
  return { outcome: 'accept', type };
}
