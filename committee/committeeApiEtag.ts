import type { StoredDocument } from '../storage/documentStore.js';
import { applicationVersion, documentsVersion, type StoredApplication } from '../storage/index.js';
import type { Parsed } from './committeeApiInput.js';

/**
 * What the ETag stands for: the file's version, followed by its documents' when it has some (the GET lists them,
 * and a piece named after submission changes the list without touching the file). The same on lowdb and Azure.
 */
export function fileTag(application: StoredApplication, documents: readonly StoredDocument[]): string {
  const version = applicationVersion(application);
  return documents.length === 0 ? version : `${version}.${documentsVersion(documents)}`;
}

/** A strong ETag, new after any stored change of the file or of its documents. */
export const etagOf = (application: StoredApplication, documents: readonly StoredDocument[]): string =>
  `"${fileTag(application, documents)}"`;

// RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, in a comma-separated list.
const ENTITY_TAG = /\s*(W\/)?"([\x21\x23-\x7e]*)"\s*(,|$)/y;
const MAX_TAGS = 20;

/**
 * `If-Match` as the versions a PATCH may change: undefined when absent or `*` (no precondition: the change is
 * made on the file as it is, what the tools written before ETags expect). Weak tags never match (§13.1.1
 * compares strongly): a list of weak tags only is a precondition no version meets.
 */
export function parseIfMatch(header: string | undefined): Parsed<readonly string[] | undefined> {
  if (header === undefined || header.trim() === '*') return { ok: true, value: undefined };
  const versions: string[] = [];
  ENTITY_TAG.lastIndex = 0;
  let tags = 0;
  while (ENTITY_TAG.lastIndex < header.length) {
    const start = ENTITY_TAG.lastIndex;
    const match = ENTITY_TAG.exec(header);
    if (!match || match.index !== start || ++tags > MAX_TAGS) return malformed();
    if (match[1] === undefined) versions.push(match[2]);
    if (match[3] === '' && ENTITY_TAG.lastIndex < header.length) return malformed();
  }
  return tags === 0 ? malformed() : { ok: true, value: versions };
}

const malformed = (): Parsed<never> => ({
  ok: false,
  problem: { error: 'invalid_if_match', messageKey: 'committeeApi:error.invalidIfMatch' },
});
