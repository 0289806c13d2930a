import type { StoredDocument } from '../../storage/documentStore.js';
import type { NewApplication, StoredApplication } from '../../storage/index.js';

/** When the PDFs of the tests are "printed": their CreationDate and « édité le ». */
export const PRINTED_AT = new Date('2026-12-04T16:30:00.000Z');

/** A whole file as the bot submits it, with a typed `<b>` and `%PDF` that must be printed as they are. */
export function fullApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  return {
    channel: 'webchat',
    origin: 'applicant',
    userId: 'user-pdf-1',
    eligibility: {
      verdict: 'REVIEW',
      reasons: ['eligibility:reason.sector.other', 'eligibility:reason.territory.department'],
      details: [null, { commune: 'Nîmes', territory: 'Alès Agglomération' }],
    },
    checks: { costMismatch: { investment: 400000, amountRequested: 250000, otherFinancing: 100000 } },
    data: {
      'project.type': 'development',
      'company.name': 'Œuvre & Cévennes <b>SAS</b>',
      'company.siret': '732 829 320 00074',
      'company.legalForm': 'SAS',
      'company.creationDate': '2019-03-01',
      'company.commune': 'Alès',
      'company.postalCode': '30100',
      'company.headcount': 12,
      'company.turnover': 1250000,
      'project.description': '%PDF-1.7 « ligne d’usinage » — l’œuvre d’une équipe',
      'project.aidTypes': ['financial', 'mentoring'],
      'project.investment': 400000,
      'project.amountRequested': 250000,
      'project.jobsCreated': 4,
      'project.jobsKept': 6,
      'project.startDate': '2027-03-31',
      'contact.firstName': 'Hélène',
      'contact.lastName': 'Fabre',
      'contact.email': 'h.fabre@oeuvre-cevennes.fr',
      'notice.acknowledgedAt': '2026-11-20T09:00:00.000Z',
    },
    now: new Date('2026-12-04T10:15:00.000Z'),
    ...overrides,
  };
}

/** The same file as the queue gives it back (reference, status and history set). */
export function storedApplication(overrides: Partial<StoredApplication> = {}): StoredApplication {
  const { now, ...input } = fullApplication();
  const submittedAt = (now ?? new Date()).toISOString();
  return {
    ...input,
    reference: 'ALZ-2026-0007',
    status: 'received',
    submittedAt,
    history: [{ at: submittedAt, by: 'user-pdf-1', from: null, to: 'received' }],
    ...overrides,
  };
}

export function document(overrides: Partial<StoredDocument> = {}): StoredDocument {
  return {
    id: 'a'.repeat(32),
    name: 'kbis <i>2026</i>.pdf',
    type: 'application/pdf',
    size: 245760,
    sha256: 'b'.repeat(64),
    piece: 'kbis',
    receivedAt: '2026-12-02T14:00:00.000Z',
    ...overrides,
  };
}
