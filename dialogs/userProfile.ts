import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import type { Effect } from './domain/programmeSettings.js';
import type { Answers } from './questionnaire/question.js';
import type { RegisterCompany } from './domain/companyRegister.js';
import type { CorrectableLine } from './domain/companyRegisterAnswers.js';

/** An application being filled in: saved after every answer, resumed from any conversation of the user. */
export interface ApplicationDraft {
  id: string;
  /**
   * The form version the answers are keyed by (dialogs/domain/draftMigration.ts); absent on drafts saved
   * before versions, which are version 1. Brought to today's on load by `migratingProfiles`.
   */
  version?: number;
  /** Set when a CCI advisor prepared the draft and handed it over to the company. */
  advisorId?: string;
  /** The owner chose to have a person examine the file although the verdict is NO (issue 15). */
  ineligibleReview?: boolean;
  /** The warnings (same SIRET, a cost that does not add up) already shown and confirmed by the owner. */
  confirmedWarnings?: string[];
  answers: Answers;
  startedAt: string;
  updatedAt: string;
}

/** One eligibility check: its answers, and once finished, its verdict. */
export interface EligibilityRecord {
  answers: EligibilityAnswers;
  startedAt: string;
  completedAt?: string;
  verdict?: { verdict: Effect; reasons: string[] };
  /**
   * Answers to questions of the application file given during the check in a sentence ("SAS Méca-Cévennes…"),
   * confirmed by the owner, under the file's keys: the application starts with them.
   */
  carried?: Answers;
}

/** The company lookup: the company the owner confirmed (and the lines they chose to correct), or a skip. */
export interface CompanyLookupRecord {
  outcome: 'confirmed' | 'skipped';
  at: string;
  company?: RegisterCompany;
  corrected?: CorrectableLine[];
}

/** What the bot keeps about a user across conversations (user state): answers are never asked twice. */
export interface UserProfile {
  /** Set once the lookup was offered: it is not offered again (the application reuses a confirmed company). */
  companyLookup?: CompanyLookupRecord;
  eligibility?: EligibilityRecord;
  application?: ApplicationDraft;
  /** References of the files this user submitted, most recent last. */
  submitted?: { reference: string; submittedAt: string }[];
  /** « De quelle date est cet extrait Kbis ? » was just asked about this document (the next message may answer). */
  kbisDateAsked?: { owner: string; documentId: string };
}

export type ProfileAccessor = StatePropertyAccessor<UserProfile>;

export async function profileOf(accessor: ProfileAccessor, context: TurnContext): Promise<UserProfile> {
  return accessor.get(context, {});
}
