import { FIELD_REGISTRY } from '../dialogs/domain/fieldRegistry.js';
import { APPLICATION_DATA_KEYS, APPLICATION_STATUSES } from '../storage/index.js';
import { BODY_FIELDS, MAX_LENGTH } from './committeeApiInput.js';

/** JSON Schema 2020-12 objects, as OpenAPI 3.1 takes them. */
export type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const REFERENCE_PATTERN = '^ALZ-\\d{4}-\\d{4,}$';

/**
 * An error answer: `{ error, message, ...details }`, `message` in French (English with Accept-Language: en).
 * Closed (no other key), so a test fails when the API starts sending a detail this document does not name.
 */
function problem(
  code: string,
  description: string,
  details: Record<string, Schema> = {},
  optional: readonly string[] = [],
): Schema {
  return {
    type: 'object',
    description,
    required: ['error', 'message', ...Object.keys(details).filter((key) => !optional.includes(key))],
    properties: {
      error: { const: code },
      message: { type: 'string', minLength: 1, description: 'The sentence to show, "Erreur : …"' },
      ...details,
    },
    additionalProperties: false,
  };
}

const STATUS_CHANGE: Schema = {
  type: 'object',
  description: 'One line of the audit trail; `from` is null for the submission itself.',
  required: ['at', 'by', 'from', 'to'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    by: { type: 'string', description: 'Who made the change (a pseudonym for an applicant).' },
    from: { oneOf: [ref('Status'), { type: 'null' }] },
    to: ref('Status'),
    comment: { type: 'string' },
    fromLabel: { type: ['string', 'null'], description: 'The label of `from` (« reçu »).' },
    toLabel: { type: 'string', description: 'The label of `to` (« en cours d’examen »).' },
    kind: {
      enum: ['correctionRequest', 'documentAdded'],
      description:
        'Not a status change: the applicant asked for a correction (`comment` says what), or added a document ' +
        'after submission (`documentId`, `piece`).',
    },
    documentId: {
      type: 'string',
      description: 'The document added (`kind` documentAdded): its id in …/documents.',
    },
    piece: {
      type: 'string',
      description: 'Which required piece the document is, when known (`kbis`, `rib`…).',
    },
  },
  additionalProperties: false,
};

const APPLICATION_RECORD: Schema = {
  type: 'object',
  description:
    'A file as `npm run committee -- show REF --json` prints it: flat keys as in DOMAIN.md (`company.siret`…), ' +
    'keys without a value absent; the form values are those the applicant gave (null once anonymised).',
  required: ['reference', 'status', 'submittedAt', 'channel', 'origin', 'userId', 'history'],
  properties: {
    reference: ref('Reference'),
    status: ref('Status'),
    submittedAt: { type: 'string', format: 'date-time' },
    channel: { type: 'string', examples: ['webchat', 'msteams'] },
    origin: { enum: ['applicant', 'advisor'] },
    userId: { type: 'string', description: 'A pseudonym, never the channel user id.' },
    advisorId: { type: 'string' },
    statusLabel: { type: 'string', description: 'The label of `status` (« reçu »), in French or English.' },
    originLabel: { type: 'string', description: 'The label of `origin`.' },
    'eligibility.verdict': { enum: ['OK', 'REVIEW', 'NO'] },
    'eligibility.verdictLabel': {
      type: 'string',
      description: '« éligible », « à examiner », « non éligible ».',
    },
    'eligibility.reasons': { type: 'array', items: { type: 'string' } },
    'eligibility.reasonLabels': {
      type: 'array',
      items: { type: 'string' },
      description: 'The committee label of each reason, in the same order.',
    },
    'retention.erasureRequestedAt': {
      type: 'string',
      format: 'date-time',
      description:
        'When the applicant asked for erasure ("supprimer mes données"); the file is anonymised at the purge once decided.',
    },
    'retention.anonymisedAt': {
      type: 'string',
      format: 'date-time',
      description: 'When the file was anonymised.',
    },
    'eligibility.checkVerdict': {
      enum: ['OK', 'REVIEW', 'NO'],
      description: 'What the eligibility check said; `eligibility.verdict` is computed again at submission.',
    },
    flags: {
      type: 'array',
      items: { enum: ['ineligible', 'ineligibleReview', 'duplicateSiret', 'costMismatch'] },
      description:
        'Points to look at: a NO verdict, sent to be examined as ineligible, a SIRET of another file, ' +
        'a cost that is not the advance plus the other financing.',
    },
    'flags.duplicateOf': { type: 'array', items: ref('Reference'), description: 'Files of the same SIRET.' },
    'flags.costGap': {
      type: 'number',
      description: 'Euros: investment minus (advance asked + other financing).',
    },
    ...Object.fromEntries(APPLICATION_DATA_KEYS.map((key) => [key, { description: 'A form value.' }])),
    ...Object.fromEntries(
      FIELD_REGISTRY.fields
        .filter((field) => field.choiceLabelKeys)
        .map((field) => [
          `${field.key}${field.kind === 'list' ? 'Labels' : 'Label'}`,
          field.kind === 'list'
            ? { type: 'array', items: { type: 'string' }, description: `The labels of \`${field.key}\`.` }
            : { type: 'string', description: `The label of the code in \`${field.key}\` (« Reprise »).` },
        ]),
    ),
    history: { type: 'array', minItems: 1, items: ref('StatusChange') },
    documents: { ...ref('DocumentList'), description: 'The supporting documents (GET …/documents/{id}).' },
  },
  additionalProperties: { description: 'A form value of a field added since (still a DOMAIN.md key).' },
};

const textField = (field: keyof typeof MAX_LENGTH, description: string): Schema => ({
  type: 'string',
  pattern: '\\S',
  maxLength: MAX_LENGTH[field],
  description: `${description} Trimmed; blank is refused.`,
});

/** `components.schemas` of the committee API's document. */
export const COMMITTEE_SCHEMAS: Record<string, Schema> = {
  Reference: { type: 'string', pattern: REFERENCE_PATTERN, examples: ['ALZ-2026-0007'] },
  Status: { enum: [...APPLICATION_STATUSES] },
  StatusChange: STATUS_CHANGE,
  ApplicationRecord: APPLICATION_RECORD,
  ApplicationList: {
    type: 'array',
    description: 'One page of files, in reference order (year, then sequence).',
    items: ref('ApplicationRecord'),
  },
  StatusChangeRequest: {
    type: 'object',
    required: ['status'],
    properties: {
      status: textField('status', 'The new status; the answer to an unknown one lists the allowed ones.'),
      comment: textField('comment', 'Kept in the history.'),
      by: textField('by', 'Who decides; defaults to `committee-api`.'),
    },
    propertyNames: { enum: [...BODY_FIELDS] },
  },
  Document: {
    type: 'object',
    description: 'A supporting document, as `committee documents REF --json` lists it.',
    required: ['id', 'name', 'type', 'size', 'sha256', 'piece', 'receivedAt'],
    properties: {
      id: { type: 'string', pattern: '^[a-f0-9]{32}$' },
      name: { type: 'string', description: 'The name the applicant’s file had (plain text).' },
      type: {
        enum: ['application/pdf', 'image/jpeg', 'image/png'],
        description: 'From the bytes, not the name.',
      },
      size: { type: 'integer', minimum: 1 },
      sha256: { type: 'string', pattern: '^[a-f0-9]{64}$' },
      piece: {
        oneOf: [{ type: 'string' }, { type: 'null' }],
        description:
          'Which required piece (`kbis`, `balanceSheets`, `urssafCertificate`, `taxCertificate`, `rib`, `quotes`, `other`); null until said.',
      },
      receivedAt: { type: 'string', format: 'date-time' },
    },
    additionalProperties: false,
  },
  DocumentList: { type: 'array', items: ref('Document'), description: 'Oldest first.' },
  UnknownDocument: problem('unknown_document', 'The file has no document with this id.', {
    id: { type: 'string' },
  }),
  Unauthorized: problem('unauthorized', 'No token, or not the right one.'),
  UnknownReference: problem('unknown_reference', 'No file has this reference.', {
    reference: { type: 'string' },
  }),
  InvalidBody: problem(
    'invalid_body',
    'The body is not `{ status, comment?, by? }`.',
    { field: { type: 'string', description: 'The field at fault, when one is.' } },
    ['field'],
  ),
  UnknownStatus: problem('unknown_status', 'Not a status; `allowed` lists those the file may take.', {
    status: { type: 'string' },
    allowed: { type: 'array', items: ref('Status') },
  }),
  IllegalTransition: problem('illegal_transition', 'The file cannot go there from its status.', {
    reference: ref('Reference'),
    from: ref('Status'),
    to: ref('Status'),
    allowed: { type: 'array', items: ref('Status'), description: 'Empty from a final status.' },
  }),
  UnknownParameter: problem('unknown_parameter', 'A query parameter this route does not take.', {
    parameter: { type: 'string' },
  }),
  RepeatedParameter: problem('repeated_parameter', 'A query parameter given more than once.', {
    parameter: { type: 'string' },
  }),
  InvalidParameter: problem(
    'invalid_parameter',
    'A `limit` out of bounds, a cursor not of ours, a bad `headers`, a `date` that is not YYYY-MM-DD.',
    {
      parameter: { enum: ['limit', 'cursor', 'headers', 'date'] },
    },
  ),
  NoCommitteeDate: problem(
    'no_committee_date',
    'No `date` given, and no committee date to come in the settings.',
  ),
  InvalidIfMatch: problem('invalid_if_match', 'An If-Match that is not a list of quoted ETags nor `*`.'),
  PreconditionFailed: problem(
    'precondition_failed',
    'The file changed since the ETag of If-Match was read: nothing was changed. Read it again.',
    { reference: ref('Reference') },
  ),
  UnsupportedMediaType: problem('unsupported_media_type', 'A body that is not JSON.'),
  Busy: problem('busy', 'Another program holds the files; try again after Retry-After seconds.'),
  InternalError: problem('internal_error', 'Logged on the server, without details here.'),
  TooManyRequests: problem('too_many_requests', 'Too many requests from this address.', {
    retryAfterSeconds: { type: 'integer', minimum: 1 },
  }),
  ServerError: {
    type: 'object',
    description:
      "The web server's own answer, before the committee API sees the request: JSON that does not parse " +
      "(`invalid_json`), a body over MAX_BODY_BYTES (`body_too_large`). `code` is the web server's name of the " +
      'refusal; the sentence is in French, or English with Accept-Language: en.',
    required: ['code', 'error', 'message'],
    properties: {
      code: { type: 'string' },
      error: {
        type: 'string',
        enum: ['invalid_json', 'body_too_large', 'not_found', 'method_not_allowed', 'bad_request'],
      },
      message: { type: 'string' },
    },
    additionalProperties: false,
  },
};
