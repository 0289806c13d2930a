import type { BotState, TurnContext } from 'botbuilder';
import { DRAFT_MIGRATIONS, migrateDraftAnswers, type DraftMigration } from './domain/draftMigration.js';
import type { ProfileAccessor, UserProfile } from './userProfile.js';

const NEWER_DRAFT = Symbol('alize.newerDraft');

/** Whether this turn read a draft saved by a newer version of the assistant (after a rollback). */
export function readNewerDraft(context: TurnContext): boolean {
  return context.turnState.get(NEWER_DRAFT) === true;
}

/**
 * The user profile, its application draft brought to today's form on every read: a renamed field's answer is
 * moved, a removed field's dropped, and the draft saved with the new version at the end of the turn. A draft
 * of a newer version is left untouched (the dialog says so; nothing is lost).
 */
export function migratingProfiles(
  profiles: ProfileAccessor,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
  /**
   * The state `profiles` is a property of, and the property's name: once the turn has loaded the state, the
   * profile is read from it at once, as botbuilder's accessor would (a few reads a turn, each otherwise two
   * async hops and a load).
   */
  owner?: { state: BotState; property: string },
): ProfileAccessor {
  const read = (context: TurnContext, defaultValue?: UserProfile) => {
    const loaded = owner?.state.get(context) as Record<string, unknown> | undefined;
    if (
      loaded &&
      (Object.prototype.hasOwnProperty.call(loaded, owner!.property) || defaultValue === undefined)
    )
      return loaded[owner!.property] as UserProfile | undefined;
    return defaultValue === undefined ? profiles.get(context) : profiles.get(context, defaultValue);
  };
  const accessor = {
    async get(context: TurnContext, defaultValue?: UserProfile) {
      const profile = await read(context, defaultValue);
      const draft = profile?.application;
      if (draft && typeof draft.answers === 'object' && draft.answers !== null) {
        const result = migrateDraftAnswers(draft.answers, draft.version, migrations);
        if (result.outcome === 'migrated') {
          draft.answers = result.answers;
          draft.version = result.version;
        }
        if (result.outcome === 'newer') context.turnState.set(NEWER_DRAFT, true);
      }
      return profile;
    },
    set: (context: TurnContext, value: UserProfile) => profiles.set(context, value),
    delete: (context: TurnContext) => profiles.delete(context),
  };
  return accessor as ProfileAccessor;
}
