import type { ApplicationContext } from '../../dialogs/domain/applicationForm.js';
import { settings } from '../support/programmeFixture.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';

export { settings };
/** A fixed clock: no assertion depends on today's date. */
export const now = new Date('2026-10-01T08:00:00Z');
export const context: ApplicationContext = { settings, locale: 'fr', now };
export const keys = (fields: readonly { key: string }[]) => fields.map((field) => field.key);

/** Every field answered, for a development project asking the three volets. */
export const complete: Answers = {
  'project.type': 'development',
  'company.name': 'Mécanique Cévenole',
  'company.siret': '73282932000074',
  'company.legalForm': 'SAS',
  'company.creationDate': '2015-03-12',
  'company.nafCode': '25.62B',
  'company.address': '12 avenue Jules Guesde',
  'company.commune': { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
  'company.headcount': 12,
  'company.turnover': 1_800_000,
  'company.balanceSheet': 900_000,
  'company.independent': false,
  'company.groupShare': 40,
  'company.proceedings': 'none',
  'company.goodStanding': 'yes',
  'company.deMinimisReceived': 0,
  'project.description': 'Une deuxième machine d’usinage pour une commande aéronautique.',
  'project.aidTypes': ['financial', 'advice', 'mentoring'],
  'project.investment': 250_000,
  'project.amountRequested': 30_000,
  'project.otherFinancing': 'Prêt du Crédit Agricole',
  'project.otherFinancingAmount': 150_000,
  'project.jobsCreated': 2,
  'project.jobsKept': 5,
  'project.startDate': '2027-03-31',
  'project.mentoringNeeds': ['hr', 'quality'],
  'contact.firstName': 'Marie',
  'contact.lastName': 'Dupont',
  'contact.role': 'gérante',
  'contact.email': 'marie.dupont@exemple.fr',
  'contact.phone': '+33612345678',
  documents: ['kbis', 'rib'],
};
