import type { TurnContext } from 'botbuilder';
import type { RegisterCompany } from './domain/companyRegister.js';
import {
  REGISTER_PREFILL_KEY,
  registerApplicationAnswers,
  registerEligibilityAnswers,
  type CorrectableLine,
} from './domain/companyRegisterAnswers.js';
import type { Answers } from './questionnaire/question.js';
import type { CompanyLookupRecord, ProfileAccessor, UserProfile } from './userProfile.js';

/**
 * Stores a company the owner confirmed: the lookup record, the answers of the eligibility check in progress
 * and those of the draft in progress, each only where nothing was answered yet (a typed answer wins).
 */
export async function applyConfirmedCompany(
  profiles: ProfileAccessor,
  context: TurnContext,
  company: RegisterCompany,
  corrected: CorrectableLine[],
  now: Date,
): Promise<void> {
  const profile = await profiles.get(context, {});
  const record: CompanyLookupRecord = { outcome: 'confirmed', at: now.toISOString(), company, corrected };
  profile.companyLookup = record;
  if (profile.eligibility && !profile.eligibility.completedAt) {
    const added = fillMissing(
      profile.eligibility.answers as Answers,
      registerEligibilityAnswers(company, corrected),
    );
    profile.eligibility = { ...profile.eligibility, answers: added.answers };
  }
  if (profile.application) {
    profile.application = {
      ...profile.application,
      answers: withRegisterAnswers(profile.application.answers, record),
      updatedAt: now.toISOString(),
    };
  }
  await profiles.set(context, profile);
}

function fillMissing(answers: Answers, found: Answers): { answers: Answers; keys: string[] } {
  const keys = Object.keys(found).filter((key) => answers[key] === undefined);
  return { answers: { ...answers, ...Object.fromEntries(keys.map((key) => [key, found[key]])) }, keys };
}

/**
 * A draft's answers with what a confirmed lookup gives added where missing, and the source marker listing the
 * keys that came from the register (the committee sees it; a key answered again later leaves the list).
 */
export function withRegisterAnswers(answers: Answers, record: UserProfile['companyLookup']): Answers {
  if (record?.outcome !== 'confirmed' || !record.company) return answers;
  const added = fillMissing(answers, registerApplicationAnswers(record.company, record.corrected ?? []));
  if (added.keys.length === 0) return added.answers;
  const before = Array.isArray(answers[REGISTER_PREFILL_KEY])
    ? (answers[REGISTER_PREFILL_KEY] as string[])
    : [];
  return { ...added.answers, [REGISTER_PREFILL_KEY]: [...new Set([...before, ...added.keys])] };
}

/** The source marker without a key the owner has just answered themselves. */
export function withoutRegisterSource(answers: Answers, key: string): Answers {
  const marker = answers[REGISTER_PREFILL_KEY];
  if (!Array.isArray(marker) || !marker.includes(key)) return answers;
  return { ...answers, [REGISTER_PREFILL_KEY]: marker.filter((entry) => entry !== key) };
}
