import 'dotenv/config';
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { cardLines, type CardContent } from './cardText.js';
import { Localizer } from './i18n.js';

/**
 * `npm run chat`: a terminal client for the running bot. It posts activities to /api/messages with
 * deliveryMode "expectReplies", so the replies come back in the HTTP response and no callback URL is needed.
 * Cards are printed as text (bot/cardText.ts: headings, facts with their values). Buttons (suggested actions,
 * card buttons) are shown as numbered choices: type the number to pick one.
 */

interface CardAction {
  type?: string;
  title?: string;
  value?: unknown;
  data?: unknown;
}
interface Attachment {
  contentType?: string;
  content?: CardContent & { buttons?: CardAction[]; actions?: CardAction[] };
}
interface Reply {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: CardAction[] };
  attachments?: Attachment[];
}

const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const endpoint = argValue('url') ?? `http://localhost:${process.env.PORT ?? 3978}/api/messages`;
const locale = argValue('locale') ?? 'fr-FR';
const userId = argValue('user') ?? `cli-${randomUUID()}`;
const conversationId = `cli-${randomUUID()}`;
const { t } = new Localizer().language(locale);

async function post(activity: Record<string, unknown>): Promise<Reply[]> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'emulator',
      serviceUrl: 'http://localhost/cli',
      conversation: { id: conversationId },
      from: { id: userId, name: 'cli' },
      recipient: { id: 'alize-bot' },
      locale,
      deliveryMode: 'expectReplies',
      ...activity,
    }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const body = (await response.json().catch(() => ({}))) as { activities?: Reply[] };
  return body.activities ?? [];
}

/** Prints the replies and returns the choices they offer, in display order. */
function show(replies: Reply[]): CardAction[] {
  const choices: CardAction[] = [];
  for (const reply of replies.filter((r) => r.type === 'message')) {
    if (reply.text) console.log(`\n${t('chatClient:bot')} ${reply.text}`);
    for (const attachment of reply.attachments ?? []) {
      const content = attachment.content ?? {};
      for (const line of cardLines(content, t('common:card.factSeparator'))) console.log(`  ${line}`);
      choices.push(...(content.buttons ?? []), ...(content.actions ?? []));
    }
    choices.push(...(reply.suggestedActions?.actions ?? []));
  }
  choices.forEach((choice, index) => console.log(`  ${index + 1}. ${choice.title ?? String(choice.value)}`));
  return choices;
}

async function main(): Promise<void> {
  console.log(t('chatClient:intro', { endpoint }));
  let choices = show(
    await post({
      type: 'conversationUpdate',
      membersAdded: [{ id: userId }],
      recipient: { id: 'alize-bot' },
    }),
  );
  // Lines are read as a stream, so answers piped in (or pasted ahead) wait their turn instead of being lost.
  const input = readline.createInterface({ input: process.stdin });
  const ask = () => process.stdout.write(`\n${t('chatClient:you')} `);
  ask();
  for await (const raw of input) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') {
      const picked = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
      const activity: Record<string, unknown> =
        picked?.type === 'Action.Submit'
          ? { type: 'message', value: picked.data ?? {} }
          : { type: 'message', text: picked ? String(picked.value ?? picked.title) : line };
      try {
        choices = show(await post(activity));
      } catch (error) {
        console.error(t('chatClient:unreachable', { endpoint, error: (error as Error).message }));
      }
    }
    ask();
  }
  input.close();
}

void main();
