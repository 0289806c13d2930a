import { nextField, type ApplicationContext } from '../../dialogs/domain/applicationForm.js';
import { ELIGIBLE_COMPANY_FILE } from '../support/answerBook.js';
import { settings } from '../support/programmeFixture.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';

export { settings };
/** A fixed clock: no assertion depends on today's date. */
export const now = new Date('2026-10-01T08:00:00Z');
export const context: ApplicationContext = { settings, locale: 'fr', now };
export const keys = (fields: readonly { key: string }[]) => fields.map((field) => field.key);

/** The answers typed in this fixture; `complete` adds any other field the form asks this company. */
const typed: Answers = {
  'project.type': 'development',
  'company.name': 'Mécanique Cévenole',
  'company.siret': '73282932000074',
  'company.legalForm': 'SAS',
  'company.creationDate': '2015-03-12',
  'company.nafCode': '25.62B',
  // The sector button of the check, kept with the code the owner gave since.
  'company.activity': 'industry',
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
  'project.otherFinancingAmount': 220_000,
  'project.jobsCreated': 2,
  'project.jobsKept': 5,
  'project.startDate': '2027-03-31',
  'project.mentoringNeeds': ['hr', 'quality'],
  'contact.isInterlocutor': true,
  'contact.firstName': 'Marie',
  'contact.lastName': 'Dupont',
  'contact.role': 'gérante',
  'contact.email': 'marie.dupont@exemple.fr',
  'contact.phone': '+33612345678',
};

/**
 * Every field answered, for a development project asking the three volets: the values above, then whatever
 * other field the form asks this company (one added since), read from the answer book's answer to it, so a new
 * field is one line of the book, not one more here. A field the book cannot answer stops the tests, said plainly.
 */
export const complete: Answers = withFormFields(typed);

function withFormFields(answers: Answers): Answers {
  const filled = { ...answers };
  for (let field = nextField(filled, context); field; field = nextField(filled, context)) {
    const text = ELIGIBLE_COMPANY_FILE[field.key];
    if (text === undefined) throw new Error(`The answer book has no answer to the question "${field.key}"`);
    const reading = field.interpret(text, context, filled);
    if (reading.kind === 'invalid') throw new Error(`"${text}" is no answer to "${field.key}"`);
    filled[field.key] = reading.kind === 'answer' ? reading.value : reading.candidates[0].value;
  }
  return filled;
}
