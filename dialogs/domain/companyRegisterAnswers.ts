import type { Answers, AnswerValue } from '../questionnaire/question.js';
import type { LegalForm } from './applicationChoices.js';
import { communeByInseeCode } from './communes.js';
import type { RegisterCompany } from './companyRegister.js';

/*
 * What a company confirmed from the register answers: the eligibility check's questions (commune, sector,
 * creation date for a rule that asks it, the register's status) and the application's fields. Pure.
 */

/** INSEE legal categories (level III) of the legal forms the form offers; the rest is "other" (DOMAIN.md). */
const LEGAL_FORM_OF_CATEGORY: Readonly<Record<string, LegalForm>> = {
  '1000': 'EI',
  '5498': 'EURL',
  '5499': 'SARL',
  '5710': 'SAS',
  '5720': 'SASU',
  '5599': 'SA',
  '5202': 'SNC',
  '5458': 'SCOP',
};

export function legalFormOfCategory(category: string | undefined): LegalForm | undefined {
  if (!category) return undefined;
  return LEGAL_FORM_OF_CATEGORY[category] ?? 'other';
}

/** INSEE headcount bands: the smallest and largest staff of each (DOMAIN.md); NN and 00 are no employees. */
const HEADCOUNT_BANDS: Readonly<Record<string, readonly [number, number | undefined]>> = {
  NN: [0, 0],
  '00': [0, 0],
  '01': [1, 2],
  '02': [3, 5],
  '03': [6, 9],
  '11': [10, 19],
  '12': [20, 49],
  '21': [50, 99],
  '22': [100, 199],
  '31': [200, 249],
  '32': [250, 499],
  '41': [500, 999],
  '42': [1000, 1999],
  '51': [2000, 4999],
  '52': [5000, 9999],
  '53': [10000, undefined],
};

/** The staff range of a band, a starting point the owner confirms as a number (linked companies count too). */
export function headcountRange(band: string | undefined): { min: number; max?: number } | undefined {
  const range = band ? HEADCOUNT_BANDS[band] : undefined;
  if (!range) return undefined;
  return range[1] === undefined ? { min: range[0] } : { min: range[0], max: range[1] };
}

/** Closed establishment, or ceased company: it cannot apply as it stands (the `register` rule says NO). */
export const isClosed = (company: RegisterCompany): boolean =>
  company.ceased || company.establishment?.closed === true;

/** The lines of the card the owner may correct instead of confirming all: that answer is then asked. */
export const CORRECTABLE_LINES = ['name', 'address', 'activity'] as const;
export type CorrectableLine = (typeof CORRECTABLE_LINES)[number];

/** The register's status as the eligibility answers keep it (eligibilityRules.ts, rule `register`). */
export type RegisterStatus = 'active' | 'closed';

/** The commune answer, as the questions store it, when the register's INSEE code is a known commune. */
function communeAnswer(company: RegisterCompany): AnswerValue | undefined {
  const place = company.establishment;
  const commune = place?.inseeCode ? communeByInseeCode(place.inseeCode) : undefined;
  if (!commune) return undefined;
  const postalCode =
    place?.postalCode && commune.postalCodes.includes(place.postalCode)
      ? place.postalCode
      : commune.postalCodes[0];
  if (!postalCode) return undefined;
  return { inseeCode: commune.inseeCode, name: commune.name, department: commune.department, postalCode };
}

const without = (answers: Answers): Answers =>
  Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined));

/** The eligibility check's answers the register gives; a corrected line is left for the owner to answer. */
export function registerEligibilityAnswers(
  company: RegisterCompany,
  corrected: readonly CorrectableLine[] = [],
): Answers {
  return without({
    commune: corrected.includes('address') ? undefined : communeAnswer(company),
    sector: corrected.includes('activity') || !company.nafCode ? undefined : { nafCode: company.nafCode },
    creationDate: company.creationDate,
    registerStatus: (isClosed(company) ? 'closed' : 'active') satisfies RegisterStatus,
  });
}

/** The application's fields the register fills, under the form's keys (the source marker lists them). */
export function registerApplicationAnswers(
  company: RegisterCompany,
  corrected: readonly CorrectableLine[] = [],
): Answers {
  const place = company.establishment;
  const address = !corrected.includes('address');
  return without({
    'company.name': corrected.includes('name') ? undefined : company.name,
    'company.siret': place?.siret,
    'company.legalForm': legalFormOfCategory(company.legalCategory),
    'company.creationDate': company.creationDate,
    'company.nafCode': corrected.includes('activity') ? undefined : company.nafCode,
    'company.address': address ? place?.street : undefined,
    'company.commune': address ? communeAnswer(company) : undefined,
  });
}

/** The key of the file that says which answers came from the register (the committee sees it). */
export const REGISTER_PREFILL_KEY = 'company.registerPrefill';
