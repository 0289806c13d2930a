import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../dialogs/domain/documentChecks.js';
import { readClamdAddress, type ClamdAddress } from './clamdScanner.js';

export interface DocumentConfig {
  limits: DocumentLimits;
  /** CLAMD_ADDRESS: every document is scanned by clamd before it is kept (none when empty). */
  clamd?: ClamdAddress;
}

/** DOCUMENT_MAX_BYTES (default 10 MB), DOCUMENT_MAX_COUNT (default 20) and CLAMD_ADDRESS. */
export function readDocumentConfig(
  text: (name: string) => string,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): DocumentConfig {
  const limits: DocumentLimits = {
    maxBytes: integer('DOCUMENT_MAX_BYTES', DEFAULT_DOCUMENT_LIMITS.maxBytes, 1024, 100 * 1024 * 1024),
    maxCount: integer('DOCUMENT_MAX_COUNT', DEFAULT_DOCUMENT_LIMITS.maxCount, 1, 200),
  };
  const clamd = readClamdAddress(text('CLAMD_ADDRESS'));
  if (clamd.problem) problems.push(clamd.problem);
  return { limits, ...(clamd.address ? { clamd: clamd.address } : {}) };
}
