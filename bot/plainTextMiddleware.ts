import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { stripBidi, stripBidiDeep } from '../dialogs/domain/plainText.js';

/**
 * Applicant-typed text is plain text everywhere. Coming in: bidirectional controls are removed from the text
 * and the card values, before any dialog stores them. Going out: every message is sent with
 * `textFormat: plain`, so Web Chat and Teams render no Markdown or HTML of an applicant's value (links, images,
 * elements) shown to an advisor; our own sentences use no Markdown. Cards build applicant values from TextRuns,
 * which carry no Markdown either (dialogs/plainCard.ts).
 */
export class PlainTextMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (typeof activity.text === 'string') activity.text = stripBidi(activity.text);
    if (activity.value !== undefined) activity.value = stripBidiDeep(activity.value);
    context.onSendActivities(async (_context, activities, sendNext) => {
      for (const sent of activities) plainOutgoing(sent);
      return sendNext();
    });
    await next();
  }
}

function plainOutgoing(activity: Partial<Activity>): void {
  if (activity.type !== 'message') return;
  activity.textFormat ??= 'plain';
  if (typeof activity.text === 'string') activity.text = stripBidi(activity.text);
  if (activity.attachments) activity.attachments = stripBidiDeep(activity.attachments);
}
