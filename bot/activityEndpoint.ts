import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { setVerifiedIdentity, type VerifiedIdentity } from './identity/verifiedIdentity.js';
import type { Logger } from './logger.js';

export interface ActivityEndpointParts {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** MicrosoftAppId is set: every request must carry a valid Bot Framework token. */
  authRequired: boolean;
  /** Who the request proves the sender is (bot/identity/requestIdentity.ts); put in the turn state. */
  identify?: (context: TurnContext, req: Request) => VerifiedIdentity | undefined;
}

const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/** As CloudAdapter.process does: ISO strings become dates, the raw text is kept next to them. */
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of DATE_FIELDS) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field] as string);
    }
  }
  return activity as unknown as Activity;
}

type ProcessActivity = (
  authHeader: string,
  activity: Activity,
  logic: (context: TurnContext) => Promise<void>,
) => Promise<InvokeResponse | undefined>;

/** What CloudAdapter.process runs inside (public in JavaScript, protected in the typings). */
const processActivityOf = (adapter: CloudAdapter): ProcessActivity => {
  const inner = (adapter as unknown as { processActivity: ProcessActivity }).processActivity;
  return inner.bind(adapter);
};

const isAuthenticationError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { name?: unknown }).name === 'AuthenticationError' ||
    (error as { statusCode?: unknown }).statusCode === 401);

/**
 * CloudAdapter.process for a body already checked by `activityProblem`, with one difference: a failure before
 * the turn starts (token missing, invalid, or impossible to verify because the signing keys are unreachable)
 * is a 401 with authentication on and a 400 without it, never a 500 carrying the error's text. Failures inside
 * the turn are the adapter's onTurnError's business; anything else is thrown to the route's last guard.
 */
export async function processActivityRequest(
  parts: ActivityEndpointParts,
  req: Request,
  res: Response,
): Promise<void> {
  const activity = withDates(req.body as Record<string, unknown>);
  let started = false;
  try {
    const invokeResponse = await processActivityOf(parts.adapter)(
      req.header('authorization') ?? '',
      activity,
      async (context) => {
        started = true;
        const identity = parts.identify?.(context, req);
        if (identity) setVerifiedIdentity(context, identity);
        await parts.runTurn(context);
      },
    );
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
    else res.end();
  } catch (error) {
    if (started) throw error;
    const unauthorized = parts.authRequired || isAuthenticationError(error);
    // The reason's class only: an error message here may quote the token or the request.
    parts.logger.warn(
      { event: unauthorized ? 'auth_refused' : 'activity_refused', reason: (error as Error)?.name },
      unauthorized ? 'request without a valid Bot Framework token' : 'activity refused',
    );
    res.status(unauthorized ? 401 : 400);
    res.header('content-type', 'application/json; charset=utf-8');
    res.send(unauthorized ? { error: 'unauthorized' } : { error: 'invalid_activity' });
  }
}
