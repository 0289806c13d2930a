/** Keys that could reach an object's prototype if some library merged the body with Object.assign. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON reviver for request bodies: drops prototype-pollution keys at every depth. */
export function safeJsonReviver(key: string, value: unknown): unknown {
  return FORBIDDEN_KEYS.has(key) ? undefined : value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): boolean =>
  typeof value === 'string' && value.length > 0 && value.length <= 512;

/**
 * What the Bot Framework endpoint requires of a body before handing it to the adapter, which would otherwise
 * throw (a 500) on some malformed shapes. Returns the problem, or null when the activity is acceptable.
 */
export function activityProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || body.type.length === 0 || body.type.length > 64) {
    return 'activity.type must be a non-empty string';
  }
  if (!isObject(body.conversation) || !isId(body.conversation.id))
    return 'activity.conversation.id is required';
  if (!isObject(body.from) || !isId(body.from.id)) return 'activity.from.id is required';
  if (body.recipient !== undefined && (!isObject(body.recipient) || !isId(body.recipient.id))) {
    return 'activity.recipient.id must be a non-empty string';
  }
  if (!isId(body.channelId)) return 'activity.channelId is required';
  const expectReplies = body.deliveryMode === 'expectReplies';
  if (!expectReplies && !(typeof body.serviceUrl === 'string' && /^https?:\/\//.test(body.serviceUrl))) {
    return 'activity.serviceUrl is required unless deliveryMode is "expectReplies"';
  }
  if (body.text !== undefined && body.text !== null && typeof body.text !== 'string') {
    return 'activity.text must be a string';
  }
  if (body.locale !== undefined && body.locale !== null && typeof body.locale !== 'string') {
    return 'activity.locale must be a string';
  }
  if (body.attachments !== undefined && body.attachments !== null && !Array.isArray(body.attachments)) {
    return 'activity.attachments must be an array';
  }
  // Handlers walk these lists member by member (ids compared, mentions read): a null member or a list that is
  // not an array would throw inside the turn, which then resets the conversation.
  for (const list of ['membersAdded', 'membersRemoved'] as const) {
    const members = body[list];
    if (
      members !== undefined &&
      (!Array.isArray(members) || !members.every((m) => isObject(m) && isId(m.id)))
    ) {
      return `activity.${list} must be an array of accounts with an id`;
    }
  }
  if (
    body.entities !== undefined &&
    body.entities !== null &&
    (!Array.isArray(body.entities) || !body.entities.every(isObject))
  ) {
    return 'activity.entities must be an array of objects';
  }
  for (const date of ['timestamp', 'localTimestamp'] as const) {
    const value = body[date];
    if (
      value !== undefined &&
      value !== null &&
      (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    ) {
      return `activity.${date} must be an ISO date string`;
    }
  }
  return null;
}
