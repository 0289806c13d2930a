import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { RunningApp } from '../../bot/app.js';
import { ERASED_EVENT_NAME } from '../../bot/erasedEvent.js';
import { createLogger } from '../../bot/logger.js';
import { formatDateTime } from '../../committee/committeeFormat.js';
import { fillApplication, questionAsked } from '../support/answerBook.js';
import { SUBMIT } from '../support/applicationWalk.js';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { botTexts, DirectLineClient, type DlActivity } from '../support/directLineClient.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { SETTINGS_FIXTURE, TEST_NOW } from '../support/programmeFixture.js';

const CODE = /[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/;
const EMAIL = 'marie.dupont@exemple.fr';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** One web page (a browser of the owner's), speaking Direct Line as Web Chat does. */
class WebPage {
  constructor(
    readonly client: DirectLineClient,
    /** What the bot said when the page opened (greeting, and any message waiting for the visitor). */
    readonly greeting: DlActivity[],
  ) {}

  static async open(url: string, userId?: string): Promise<WebPage> {
    const client = new DirectLineClient(url, userId);
    await client.open();
    await client.start();
    return new WebPage(client, await client.pollUntil((seen) => botTexts(seen).length >= 2));
  }

  /** What the bot answered to this message (the local Direct Line stores a turn's replies before answering). */
  async say(text: string): Promise<DlActivity[]> {
    await this.client.say(text);
    return (await this.client.poll()).filter((a) => a.from?.role === 'bot');
  }

  async submit(): Promise<DlActivity[]> {
    await this.client.post(SUBMIT);
    return (await this.client.poll()).filter((a) => a.from?.role === 'bot');
  }
}

describe('story: Marie starts on her computer, finishes on her phone, is told after a restart, then erases', () => {
  let dataDir: string;
  let port: number;
  let app: RunningApp;
  const lines: string[] = [];
  const start = async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await startTestServer(dataDir, { PORT: String(port) }, { logger: createLogger('info', sink) });
  };
  beforeAll(async () => {
    dataDir = tempDataDir('alize-story-');
    port = await freePort();
    await start();
    fs.mkdirSync(path.join(dataDir, 'programme'), { recursive: true });
    fs.copyFileSync(SETTINGS_FIXTURE, path.join(dataDir, 'programme', 'alize.settings.json'));
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const cli = async (...args: string[]) => {
    const result = await runCommitteeCli(args, dataDir, dataDir);
    expect(result.code).toBe(0);
    return result.stdout;
  };

  test('the whole story', async () => {
    // 1. On her computer, she fills the first questions, then pauses: the bot gives her a resume code.
    const computer = await WebPage.open(app.url);
    const say = (text: string) => computer.say(text);
    await fillApplication(say, await say(fr.t('common:menu.apply')), { stopAt: 'company.headcount' });
    const paused = botTexts(await say('pause')).join('\n');
    const code = CODE.exec(paused)?.[0];
    expect(code).toBeDefined();

    // 2. On her phone (another browser, another visitor id), the code brings the draft where she left it.
    const phone = await WebPage.open(app.url);
    const resumed = await phone.say(code ?? '');
    expect(botTexts(resumed).join('\n')).toContain(fr.t('resume:claimed'));
    expect(questionAsked(resumed)?.questionId).toBe('company.headcount');
    await fillApplication((text) => phone.say(text), resumed);
    const submitted = botTexts(await phone.submit()).join('\n');
    expect(submitted).toContain('ALZ-2026-0001');

    // 3. The server restarts (a deployment); the committee moves the file on from the CLI meanwhile.
    await app.close();
    await start();
    lines.splice(0);
    await cli('status', 'ALZ-2026-0001', 'in_review', '--by', 'Comité', '--comment', 'Dossier complet');
    // The server tries the phone's old conversation, which the restart forgot: kept, never "notified".
    const events = () => lines.map((line) => (JSON.parse(line) as { event?: string }).event);
    for (let waited = 0; !events().includes('notify_failed') && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(events()).toContain('notify_failed');
    expect(events()).not.toContain('notified');

    // 4. Her phone's page reconnects as the same visitor: greeted, then told.
    const back = await WebPage.open(app.url, phone.client.userId);
    const told = botTexts(back.greeting);
    expect(told[0]).toBe(fr.t(WELCOME_KEY));
    expect(told.join('\n')).toContain('Dossier complet');
    expect(told.join('\n')).toContain(
      fr.t('status:notify.intro', { reference: 'ALZ-2026-0001', label: fr.t('status:label.in_review') }),
    );

    // 5. She erases her data: the page is told to start afresh, and a reload shows nothing of the past.
    await back.say('Supprimer mes données');
    const erased = await back.say(fr.t('privacy:yes'));
    expect(erased.some((a) => a.type === 'event' && a.name === ERASED_EVENT_NAME)).toBe(true);
    const reloaded = await WebPage.open(app.url, phone.client.userId);
    reloaded.client.watermark = '';
    const transcript = JSON.stringify(await reloaded.client.poll());
    expect(transcript).not.toContain(EMAIL);
    expect(transcript).not.toContain('Dossier complet');

    // 6. The committee sees the request, with its date, and the purge keeps the open file until the decision.
    const at = formatDateTime(TEST_NOW.toISOString(), 'fr');
    expect(await cli('show', 'ALZ-2026-0001')).toContain(fr.t('committee:erasure.waiting', { at }));
    expect(await cli('purge', '--dry-run')).toContain(
      fr.t('committee:purge.erasureWaiting', {
        count: 1,
        items: fr.t('committee:purge.erasureItem', { reference: 'ALZ-2026-0001', at }),
      }),
    );
  }, 120_000);
});
