import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { EligibilityRecord } from './userProfile.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';

/** Where a check's answers live: the owner's own profile, or an advisor's pre-screen in their conversation. */
export interface EligibilityStore {
  get(context: TurnContext): Promise<EligibilityRecord | undefined>;
  set(context: TurnContext, record: EligibilityRecord): Promise<void>;
}

/** The owner's answers, in user state: kept across conversations and reused by the application. */
export function profileEligibilityStore(profiles: ProfileAccessor): EligibilityStore {
  return {
    async get(context) {
      return (await profileOf(profiles, context)).eligibility;
    },
    async set(context, record) {
      const profile = await profileOf(profiles, context);
      profile.eligibility = record;
      await profiles.set(context, profile);
    },
  };
}

/** An advisor's pre-screen of a company, in conversation state: never mixed with the advisor's own profile. */
export function conversationEligibilityStore(
  accessor: StatePropertyAccessor<{ record?: EligibilityRecord }>,
): EligibilityStore {
  return {
    async get(context) {
      return (await accessor.get(context, {})).record;
    },
    async set(context, record) {
      await accessor.set(context, { record });
    },
  };
}
