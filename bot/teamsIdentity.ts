import type { Activity } from 'botbuilder';

/**
 * Every id a user is known by in this activity: the channel's id (`29:…` in Teams) and, in Teams, the
 * Microsoft Entra object id (`aadObjectId`), which stays the same across chats, teams and reinstalls. An
 * advisor list can name either.
 */
export function userIdsOf(activity: Pick<Partial<Activity>, 'from'>): string[] {
  const ids = [activity.from?.id, activity.from?.aadObjectId].filter(
    (id): id is string => typeof id === 'string' && id.trim() !== '',
  );
  return [...new Set(ids)];
}
