import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import { RESUME_CODE_HOURS, ResumeCodeStore } from '../../storage/resumeCodes.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';
import { fillApplication, questionAsked } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { botTexts, DirectLineClient, type DlActivity } from '../support/directLineClient.js';
import { HttpConversation, tempDataDir, texts, type Reply } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const CODE = /[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/;
const PAUSED_AT = 'company.headcount';
const START = new Date('2026-11-18T10:00:00+01:00');

describe('a resume code moves the draft to another device or channel', () => {
  let now = START;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = serverForSuite({
    prefix: 'alize-resume-code-',
    each: true,
    overrides: { clock: () => now, logger: createLogger('info', sink) },
  });
  beforeEach(() => {
    now = START;
    lines.splice(0);
  });

  /** An owner in the terminal client / Emulator with a draft paused at the headcount; returns the code. */
  async function pausedDraft(owner: HttpConversation): Promise<string> {
    const say = (text: string) => owner.say(text);
    await owner.post({ type: 'conversationUpdate', membersAdded: [{ id: owner.userId }] });
    await fillApplication(say, await say(fr.t('common:menu.apply')), { stopAt: PAUSED_AT });
    const paused = texts(await say('pause')).join('\n');
    const code = CODE.exec(paused)?.[0] ?? '';
    expect(paused).toContain(fr.t('resume:atPause', { code, hours: RESUME_CODE_HOURS }));
    return code;
  }

  async function typeOnWebPage(visitor: DirectLineClient, text: string): Promise<DlActivity[]> {
    await visitor.say(text);
    return visitor.pollUntil((seen) => seen.some((a) => a.from?.role === 'bot' && a.text));
  }

  test('given at a pause, typed on the web page: the draft resumes there at its question, and leaves the first device', async () => {
    const owner = new HttpConversation(server.url);
    const code = await pausedDraft(owner);

    const visitor = new DirectLineClient(server.url);
    await visitor.open();
    await visitor.start();
    await visitor.pollUntil((seen) => botTexts(seen).length >= 2);
    // Typed as a person copies it: lower case, spaces for dashes.
    const resumed = await typeOnWebPage(visitor, code.toLowerCase().replace(/-/g, ' '));
    expect(botTexts(resumed).join('\n')).toContain(fr.t('resume:claimed'));
    expect(questionAsked(resumed)?.questionId).toBe(PAUSED_AT);

    // Single use: the code opens nothing a second time, and the first device has no draft left.
    const third = new HttpConversation(server.url);
    expect(texts(await third.say(code))).toContain(fr.t('resume:unknown'));
    expect(texts(await owner.say(fr.t('common:menu.resume'))).join('\n')).not.toContain(
      fr.t(`application:question.${PAUSED_AT}`),
    );
    // Never in a log.
    expect(lines.join('')).not.toContain(code);
    expect(lines.join('')).toContain('resume_code_issued');
  });

  test('asked for in words; expired after its validity', async () => {
    const owner = new HttpConversation(server.url);
    await pausedDraft(owner);
    const asked = texts(await owner.say('Reprendre sur un autre appareil')).join('\n');
    const code = CODE.exec(asked)?.[0] ?? '';
    expect(asked).toContain(fr.t('resume:code', { code, hours: RESUME_CODE_HOURS }));

    now = new Date(START.getTime() + (RESUME_CODE_HOURS + 1) * 3600 * 1000);
    const late = new HttpConversation(server.url);
    expect(texts(await late.say(code))).toContain(fr.t('resume:unknown'));
  });

  test('a new code replaces the previous one; a user without a draft gets none', async () => {
    const owner = new HttpConversation(server.url);
    const first = await pausedDraft(owner);
    const second = CODE.exec(texts(await owner.say('code de reprise')).join('\n'))?.[0] ?? '';
    expect(second).not.toBe(first);
    const other = new HttpConversation(server.url);
    expect(texts(await other.say(first))).toContain(fr.t('resume:unknown'));
    const nobody = new HttpConversation(server.url);
    expect(texts(await nobody.say('reprendre sur un autre appareil'))).toContain(fr.t('resume:noDraft'));
  });

  test('guessing is cut short: after five wrong codes, even the right one is refused for a while', async () => {
    const owner = new HttpConversation(server.url);
    const code = await pausedDraft(owner);
    const guesser = new HttpConversation(server.url);
    const replies: Reply[][] = [];
    for (const guess of [
      'AAAA-AAAA-AAAA',
      'BBBB-BBBB-BBBB',
      'CCCC-CCCC-CCCC',
      'DDDD-DDDD-DDDD',
      'EEEE-EEEE-EEEE',
    ])
      replies.push(await guesser.say(guess));
    expect(replies.every((r) => texts(r).includes(fr.t('resume:unknown')))).toBe(true);
    expect(texts(await guesser.say(code))).toContain(fr.t('resume:tooMany'));
    // The code itself was not spent by the refused attempt: the owner's other device can still use it.
    const device = new HttpConversation(server.url);
    expect(texts(await device.say(code))).toContain(fr.t('resume:claimed'));
  });
});

describe('npm run committee -- purge and resume codes', () => {
  test('expired codes are deleted, a live one is kept', async () => {
    const dataDir = tempDataDir('alize-resume-purge-');
    const storage = new LowdbStorage({ dir: path.join(dataDir, 'state') });
    const codes = new ResumeCodeStore(storage);
    // The CLI reads the real clock: one code from 2020, long expired, one made a minute ago.
    await codes.issue({ stateKey: 'webchat/users/old-owner' }, new Date('2020-01-01T10:00:00Z'));
    const live = await codes.issue({ stateKey: 'webchat/users/owner' }, new Date(Date.now() - 60_000));
    await storage.close();
    fs.mkdirSync(path.join(dataDir, 'programme'), { recursive: true });
    fs.copyFileSync(SETTINGS_FIXTURE, path.join(dataDir, 'programme', 'alize.settings.json'));

    const dry = await runCommitteeCli(['purge', '--dry-run'], dataDir, dataDir);
    expect(dry.stdout).toContain(fr.t('committee:purge.resumeCodesDue', { count: 1 }));
    const done = await runCommitteeCli(['purge'], dataDir, dataDir);
    expect(done.stdout).toContain(fr.t('committee:purge.resumeCodesDone', { count: 1 }));
    const again = await runCommitteeCli(['purge'], dataDir, dataDir);
    expect(again.stdout).not.toContain(fr.t('committee:purge.resumeCodesDone', { count: 1 }));

    const after = new ResumeCodeStore(new LowdbStorage({ dir: path.join(dataDir, 'state') }));
    expect(await after.claim(live.code, new Date())).toEqual({ stateKey: 'webchat/users/owner' });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('a resume code is never shown where others read along', () => {
  const server = serverForSuite({ prefix: 'alize-resume-group-' });

  test('asked for in a Teams channel: the bot says to ask in a private chat, and gives no code', async () => {
    const user = { id: '29:resume-channel-user', name: 'Marie Dupont', aadObjectId: 'aad-resume' };
    const bot = { id: '28:00000000-0000-0000-0000-00000000a11e', name: 'AliZé' };
    const mention = { type: 'mention', mentioned: bot, text: '<at>AliZé</at>' };
    const http = new HttpConversation(server.url, user.id);
    const { replies } = await http.post({
      type: 'message',
      text: '<at>AliZé</at> reprendre sur un autre appareil',
      entities: [mention],
      channelId: 'msteams',
      from: user,
      recipient: bot,
      conversation: {
        id: http.conversationId,
        conversationType: 'channel',
        isGroup: true,
        tenantId: 'tenant',
      },
      channelData: { tenant: { id: 'tenant' } },
    });
    const said = texts(replies).join('\n');
    expect(said).toContain(fr.t('resume:notHere'));
    expect(said).not.toMatch(CODE);
  });
});
