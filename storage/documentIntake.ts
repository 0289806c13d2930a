import { createHash, randomBytes } from 'node:crypto';
import {
  checkDocument,
  SNIFF_BYTES,
  type DocumentLimits,
  type DocumentRefusal,
} from '../dialogs/domain/documentChecks.js';
import type { DocumentStore, StoredDocument } from './documentStore.js';
import { KeyedSerialQueue } from './keyedSerialQueue.js';

/** An antivirus verdict (ClamAV's clamd, or none configured). */
export type DocumentScanner = (bytes: Buffer) => Promise<'clean' | 'infected'>;

export interface DocumentUpload {
  name: string;
  bytes: Buffer;
  piece?: string;
  /** A Kbis whose day the applicant's words gave. */
  issuedOn?: string;
}

export type IntakeResult =
  | { outcome: 'stored'; document: StoredDocument }
  | { outcome: 'duplicate'; document: StoredDocument }
  | { outcome: 'refused'; refusal: DocumentRefusal };

export interface IntakeOptions {
  limits: DocumentLimits;
  scanner?: DocumentScanner;
  now?: () => Date;
}

const NAME_MAX = 200;

/** A name fit to show and to save under: no folders, no control characters, not too long. */
export function cleanDocumentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, NAME_MAX) || 'document';
}

/**
 * Checks an upload and keeps it: size, type by its bytes, the same bytes kept once, the most per file, then the
 * antivirus when there is one. One owner's uploads take turns, so two at once cannot both take the last place.
 */
export class DocumentIntake {
  private readonly turns = new KeyedSerialQueue();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: IntakeOptions,
  ) {}

  add(owner: string, upload: DocumentUpload): Promise<IntakeResult> {
    return this.turns.run(owner, () => this.addNow(owner, upload));
  }

  private async addNow(owner: string, upload: DocumentUpload): Promise<IntakeResult> {
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const kept = await this.store.list(owner);
    const check = checkDocument(
      { size: upload.bytes.length, head: upload.bytes.subarray(0, SNIFF_BYTES), sha256 },
      kept,
      this.options.limits,
    );
    if (check.outcome === 'refuse') return { outcome: 'refused', refusal: check.refusal };
    if (check.outcome === 'duplicate') {
      const document = kept.find((entry) => entry.id === check.id)!;
      return { outcome: 'duplicate', document };
    }
    if (this.options.scanner) {
      let verdict: 'clean' | 'infected';
      try {
        verdict = await this.options.scanner(upload.bytes);
      } catch {
        return { outcome: 'refused', refusal: { reason: 'scanFailed', params: {} } };
      }
      if (verdict === 'infected') return { outcome: 'refused', refusal: { reason: 'infected', params: {} } };
    }
    const document: StoredDocument = {
      id: randomBytes(16).toString('hex'),
      name: cleanDocumentName(upload.name),
      type: check.type,
      size: upload.bytes.length,
      sha256,
      ...(upload.piece ? { piece: upload.piece } : {}),
      ...(upload.piece && upload.issuedOn ? { issuedOn: upload.issuedOn } : {}),
      receivedAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
    await this.store.put(owner, { document, bytes: upload.bytes });
    return { outcome: 'stored', document };
  }
}
