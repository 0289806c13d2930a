import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { fileCard } from '../../dialogs/advisor/fileCard.js';
import type { StoredApplication } from '../../storage/index.js';
import { ELIGIBLE_COMPANY_FILE, fillApplication, withAnswers } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { HttpConversation, startTestServer, tempDataDir, type Reply } from '../support/httpBot.js';

const RLO = '\u202e';
const MARKUP_NAME = `**[Gagnez](https://evil.example)** <img src=x onerror=alert(1)> www.evil.example ${RLO}gnp.exe`;
const STRIPPED_NAME = MARKUP_NAME.replace(RLO, '');
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Every element of a card whose `type` is one of these. */
function elementsOf(node: unknown, types: string[]): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap((item) => elementsOf(item, types));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = types.includes(String(record.type)) ? [record] : [];
  return [...own, ...Object.values(record).flatMap((value) => elementsOf(value, types))];
}

describe('applicant text is plain text', () => {
  let dataDir: string;
  let app: RunningApp;
  let recap: Reply[] = [];
  const replies: Reply[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir('alize-plain-');
    app = await startTestServer(dataDir);
    const owner = new HttpConversation(app.url);
    const say = async (text: string) => {
      const turn = await owner.say(text);
      replies.push(...turn);
      return turn;
    };
    const book = withAnswers(ELIGIBLE_COMPANY_FILE, { 'company.name': MARKUP_NAME });
    recap = (await fillApplication(say, await say(fr.t('common:menu.apply')), { book })).replies;
    const submitted = await owner.post({
      type: 'message',
      value: { action: 'submitApplication', entry: 'apply' },
    });
    replies.push(...submitted.replies);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('every message the bot sends says textFormat plain, so no Markdown or HTML is rendered', () => {
    const messages = replies.filter((reply) => reply.type === 'message');
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => (m as { textFormat?: string }).textFormat !== 'plain')).toEqual([]);
  });

  test('bidirectional controls are removed before the value is stored', async () => {
    const [stored] = await app.queue.list();
    expect(stored.data['company.name']).toBe(STRIPPED_NAME);
  });

  test('the recap card shows the value in TextRuns only, never in Markdown text', () => {
    const card = recap.flatMap((reply) => reply.attachments ?? [])[0]?.content;
    expect(elementsOf(card, ['FactSet'])).toEqual([]);
    const markdownTexts = elementsOf(card, ['TextBlock']).map((block) => String(block.text));
    expect(markdownTexts.some((text) => text.includes('evil.example'))).toBe(false);
    const runs = elementsOf(card, ['TextRun']).map((run) => String(run.text));
    expect(runs.some((text) => text.includes(STRIPPED_NAME))).toBe(true);
  });

  test("the advisor's file card of a file stored with markup and bidi controls shows neither as such", () => {
    const stored: StoredApplication = {
      reference: 'ALZ-2026-0042',
      status: 'received',
      submittedAt: '2026-11-20T09:00:00.000Z',
      channel: 'webchat',
      origin: 'applicant',
      userId: 'someone',
      eligibility: { verdict: 'OK', reasons: [] },
      data: { 'company.name': MARKUP_NAME, 'contact.email': 'a@b.fr' },
      history: [
        {
          at: '2026-11-20T09:00:00.000Z',
          by: `x${RLO}y`,
          from: null,
          to: 'received',
          comment: '[ici](http://x)',
        },
      ],
    };
    const card = fileCard(stored, [], fr).content as unknown;
    expect(elementsOf(card, ['FactSet'])).toEqual([]);
    const texts = elementsOf(card, ['TextBlock']).map((block) => String(block.text));
    expect(texts.some((text) => text.includes('evil.example') || text.includes('http://x'))).toBe(false);
  });

  test('the CLI shows the stored file without bidirectional controls', async () => {
    await app.queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: 'old-file',
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': `Cévennes ${RLO}gnp.exe`, 'contact.lastName': `Du\u2066pont` },
        conversationReference: {},
        now: new Date('2026-11-21T09:00:00Z'),
      },
      'stored-before-the-fix',
    );
    const [listed, shown] = await Promise.all([
      runCommitteeCli(['list'], dataDir, dataDir),
      runCommitteeCli(['show', 'ALZ-2026-0002'], dataDir, dataDir),
    ]);
    expect(listed.stdout).toContain('Cévennes gnp.exe');
    expect(BIDI.test(listed.stdout)).toBe(false);
    expect(shown.stdout).toContain('Dupont');
    expect(BIDI.test(shown.stdout)).toBe(false);
  });
});
