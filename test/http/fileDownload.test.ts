import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { applicantPdfName } from '../../committee/receipts/applicantPdf.js';
import { fr, TEST_NOW } from '../support/botHarness.js';
import { SUBMIT, submitFromChannel } from '../support/applicationWalk.js';
import { buttons, HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';
import { pdfText } from '../support/pdfText.js';

const LINK = /https?:\/\/\S+\/files\/[A-Za-z0-9_-]+/;

describe('the applicant downloads the PDF of their file from the chat', () => {
  const clock = { now: TEST_NOW };
  let app: RunningApp;
  let dataDir: string;
  let owner: HttpConversation;
  /** What a second click on the recap's « Envoyer », just after the confirmation, answered. */
  let clickedAgain = '';
  beforeAll(async () => {
    dataDir = tempDataDir('alize-download-');
    app = await startTestServer(dataDir, {}, { clock: () => clock.now });
    owner = new HttpConversation(app.url);
    const submitted = await submitFromChannel(owner, 'http://127.0.0.1:9');
    // The confirmation offers it at once.
    expect(buttons(submitted)).toContain(fr.t('receipts:download.button'));
    clickedAgain = texts((await owner.post(SUBMIT)).replies).join('\n');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => {
    clock.now = TEST_NOW;
  });

  const linkIn = (replies: string[]): string => {
    const link = replies.join('\n').match(LINK)?.[0];
    if (!link) throw new Error(`no link in ${JSON.stringify(replies)}`);
    return link;
  };

  test.each(['télécharger mon dossier en PDF', 'envoyez-moi le PDF'])(
    '« %s » gives a personal link serving the PDF as an attachment, never cached',
    async (request) => {
      const answer = await owner.say(request);
      const replies = texts(answer);
      const link = linkIn(replies);
      // A button opens it too.
      const actions = answer
        .flatMap((r) => r.attachments ?? [])
        .flatMap((a) => a.content.buttons as object[]);
      expect(actions).toEqual([{ type: 'openUrl', title: fr.t('receipts:download.open'), value: link }]);
      expect(replies.join('\n')).toContain(
        fr.t('receipts:download.link', { reference: 'ALZ-2026-0001', url: link, minutes: 30 }),
      );
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment;/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
        applicantPdfName('ALZ-2026-0001'),
      );
      expect((await pdfText(Buffer.from(await response.arrayBuffer()))).text).toContain('ALZ-2026-0001');
    },
  );

  test('a second click on « Envoyer » right after the confirmation says the file was sent, with its reference', () => {
    expect(clickedAgain).toContain(fr.t('applicationFlow:submit.already', { reference: 'ALZ-2026-0001' }));
  });

  test('« où en est mon dossier » offers the download too, and its button gives the link', async () => {
    const replies = await owner.say('où en est mon dossier ?');
    expect(buttons(replies)).toContain(fr.t('receipts:download.button'));
    expect(texts(await owner.say(fr.t('receipts:download.button'))).join('\n')).toMatch(LINK);
  });

  test('another user gets no link to that file: its reference is not theirs', async () => {
    const other = new HttpConversation(app.url);
    const replies = texts(await other.say('télécharger le dossier ALZ-2026-0001 en PDF')).join('\n');
    expect(replies).toContain(fr.t('status:myFiles.notYours', { reference: 'ALZ-2026-0001' }));
    expect(replies).not.toMatch(LINK);
    expect(texts(await other.say('envoyez-moi le PDF')).join('\n')).toContain(fr.t('receipts:download.none'));
  });

  test('an unknown link is a French page with 404, an expired one with 410', async () => {
    const link = linkIn(texts(await owner.say('télécharger mon dossier en PDF')));
    const unknown = await fetch(`${link.slice(0, -4)}AAAA`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    const page = await unknown.text();
    expect(page).toContain('lang="fr"');
    expect(page).toContain(fr.t('receipts:page.unknown').replace(/’/g, '’'));
    expect((await fetch(`${app.url}/files/not-a-token`)).status).toBe(404);

    clock.now = new Date(TEST_NOW.getTime() + 31 * 60_000);
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain(fr.t('receipts:page.expired'));
  });

  test('after « supprimer mes données » the links given before stop working', async () => {
    const link = linkIn(texts(await owner.say('télécharger mon dossier en PDF')));
    await owner.say('supprimer mes données');
    await owner.say(fr.t('privacy:yes'));
    expect((await fetch(link)).status).toBe(404);
  });
});
