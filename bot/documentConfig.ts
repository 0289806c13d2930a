import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../dialogs/domain/documentChecks.js';
import { readClamdAddress, type ClamdAddress } from './clamdScanner.js';

export interface DocumentConfig {
  limits: DocumentLimits;
  /** CLAMD_ADDRESS: every document is scanned by clamd before it is kept (none when empty). */
  clamd?: ClamdAddress;
  /**
   * DIRECT_LINE_ATTACHMENT_HOSTS: hosts besides the signed serviceUrl's from which Azure's Direct Line hands out
   * uploaded files (`*.blob.core.windows.net` style patterns allowed); fetched over https, without the bot's token.
   */
  directLineHosts: string[];
}

const HOST_ENTRY = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

function readHostList(raw: string, problems: string[]): string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries.filter((entry) => !HOST_ENTRY.test(entry))) {
    problems.push(
      `DIRECT_LINE_ATTACHMENT_HOSTS: "${entry}" is not a host name (e.g. europe.directline.botframework.com or *.blob.core.windows.net)`,
    );
  }
  return entries.filter((entry) => HOST_ENTRY.test(entry));
}

/** DOCUMENT_MAX_BYTES (default 10 MB), DOCUMENT_MAX_COUNT (default 20), CLAMD_ADDRESS, DIRECT_LINE_ATTACHMENT_HOSTS. */
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
  const directLineHosts = readHostList(text('DIRECT_LINE_ATTACHMENT_HOSTS'), problems);
  return { limits, directLineHosts, ...(clamd.address ? { clamd: clamd.address } : {}) };
}
