import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fillApplication } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, type Reply } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const CLIENT = fileURLToPath(new URL('../../bot/chatClient.js', import.meta.url));

/** Runs `npm run chat` against the server with these lines piped in; its whole output. */
function runChat(url: string, userId: string, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLIENT, '--url', `${url}/api/messages`, '--user', userId], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(output));
    child.stdin.end(`${lines.join('\n')}\n/quit\n`);
  });
}

/** The "label : value" lines of the recap card the web page shows (its RichTextBlocks of TextRuns). */
function factLines(replies: Reply[]): string[] {
  const card = replies.flatMap((r) => r.attachments ?? [])[0]?.content as {
    body?: Record<string, unknown>[];
  };
  return (card?.body ?? [])
    .filter((element) => element.type === 'RichTextBlock')
    .map((element) => (element.inlines as { text: string }[]).map((inline) => inline.text).join(''));
}

describe('the terminal client (npm run chat)', () => {
  const server = serverForSuite({ prefix: 'alize-chat-client-' });

  test('shows the recap card with every label and its value, and its buttons as numbered choices', async () => {
    const owner = new HttpConversation(server.url);
    const { replies } = await fillApplication(
      (text) => owner.say(text),
      await owner.say(fr.t('common:menu.apply')),
    );
    const facts = factLines(replies);
    expect(facts.length).toBeGreaterThan(10);

    // The same applicant, back in the terminal: resuming shows the recap again.
    const output = await runChat(server.url, owner.userId, [fr.t('common:menu.resume')]);
    for (const fact of facts) expect(output).toContain(fact);
    expect(output).toContain('73282932000074'.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4'));
    expect(output).toContain(`1. ${fr.t('applicationFlow:recap.submit')}`);
    expect(output).toContain(`2. ${fr.t('applicationFlow:recap.edit')}`);
  });
});
