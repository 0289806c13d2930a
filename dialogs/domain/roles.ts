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
