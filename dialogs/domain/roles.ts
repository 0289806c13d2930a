/** Who is speaking, as the channels tell it: the channel user id, and Teams' Azure AD object id. */
export interface Speaker {
  id?: string;
  aadObjectId?: string;
}

/**
 * An advisor is listed in the configuration by any of their ids. Teams sends a per-bot user id and the
 * stable Azure AD object id; the Web Chat sends only its own id.
 */
export function isAdvisor(advisorIds: readonly string[], speaker: Speaker | undefined): boolean {
  if (!speaker || advisorIds.length === 0) return false;
  const ids = [speaker.id, speaker.aadObjectId].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  return ids.some((id) => advisorIds.includes(id));
}

/** What the server itself verified about the speaker (the shape of bot/identity's VerifiedIdentity). */
export interface VerifiedSpeaker {
  source: string;
  objectId?: string;
  tenantId?: string;
  groups?: readonly string[];
}

export interface AdvisorRules {
  /** ADVISOR_IDS: Entra object ids of the advisors. */
  advisorIds: readonly string[];
  /** ADVISOR_GROUP_ID: an Entra group whose members are advisors (read from the ID token's `groups`). */
  advisorGroupId?: string;
}

/**
 * An advisor, from a verified identity only: its Entra object id is listed in ADVISOR_IDS, or its groups
 * include ADVISOR_GROUP_ID. Ids are GUIDs, compared without regard to case. No identity: never an advisor.
 */
export function isVerifiedAdvisor(identity: VerifiedSpeaker | undefined, rules: AdvisorRules): boolean {
  if (!identity) return false;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const { objectId, groups } = identity;
  if (objectId && rules.advisorIds.some((id) => same(id, objectId))) return true;
  const group = rules.advisorGroupId;
  return group !== undefined && group !== '' && (groups ?? []).some((g) => same(g, group));
}
