import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import { COMPLIANT_DECLARATIONS, DECLARATIONS_KEY } from '../../dialogs/domain/declarations.js';
import {
  ELIGIBLE_COMPANY,
  ELIGIBLE_COMPANY_CHECK,
  answerAll,
  bookValues,
  questionAsked,
} from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, settings } from '../support/botHarness.js';
import { fillApplication } from '../support/answerBook.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';
import type { VerifiedIdentity } from '../../bot/identity/verifiedIdentity.js';

const ADVISOR = { id: 'advisor-web-id', name: 'Paul', aadObjectId: '6d1f9c2e-0000-4000-8000-000000000001' };
const OWNER = { id: 'owner-1', name: 'Marie' };
const TENANT = '5a0c4f1e-0000-4000-8000-00000000cc1a';
const advisorIds = [ADVISOR.aadObjectId];
/** What the server verified for the advisor (a Teams token); the owner and anyone else: nothing. */
const verified = {
  [ADVISOR.id]: { source: 'teams', objectId: ADVISOR.aadObjectId, tenantId: TENANT },
} satisfies Record<string, VerifiedIdentity>;
const advisorBot = () =>
  createTestBot(new MemoryStorage(), 'emulator', undefined, { advisorIds, tenantId: TENANT, verified });

function as(from: { id: string; name: string; aadObjectId?: string }, text: string, conversation: string) {
  return {
    type: ActivityTypes.Message,
    text,
    from,
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
  } as Partial<Activity>;
}

async function submitOneFile(bot: ReturnType<typeof createTestBot>) {
  const owner = new ConversationDriver(bot.adapter, 'owner-conversation');
  const say = (text: string) => owner.say(as(OWNER, text, 'owner-conversation'));
  await fillApplication(say, await say(fr.t('common:menu.apply')));
  await owner.say({
    ...as(OWNER, '', 'owner-conversation'),
    text: undefined,
    value: { action: 'submitApplication', entry: 'apply' },
  });
  return owner;
}

describe('roles', () => {
  test.each([
    ['Teams, listed object id, CCI tenant', { source: 'teams', objectId: 'aad-42', tenantId: TENANT }],
    ['the web sign-in, listed object id', { source: 'web-signin', objectId: 'aad-42' }],
    ['a loopback request with ADVISOR_LOCAL=1, listed id', { source: 'local', objectId: 'aad-42' }],
  ] as [string, VerifiedIdentity][])(
    'a verified advisor (%s) gets the advisor mode',
    async (_label, identity) => {
      const bot = createTestBot(new MemoryStorage(), 'emulator', undefined, {
        advisorIds: ['AAD-42'],
        tenantId: TENANT,
        verified: { 'u-advisor': identity },
      });
      const from = { id: 'u-advisor', name: 'Paul' };
      const driver = new ConversationDriver(bot.adapter, 'c-advisor');
      const menu = await driver.say(as(from, 'bonjour', 'c-advisor'));
      expect(buttonsOf(menu)).toContain(fr.t('common:menu.advisorMode'));
      const mode = await driver.say(as(from, 'mode conseiller', 'c-advisor'));
      expect(readable(mode)).toContain(fr.t('advisor:welcome'));
      expect(buttonsOf(mode)).toContain(fr.t('advisor:menu.queue'));
    },
  );

  test.each([
    ['claims a listed id in from.id, unverified', { id: 'aad-42', name: 'X', aadObjectId: 'aad-42' }, {}],
    [
      'a Teams identity from another tenant',
      { id: 'u', name: 'X' },
      { u: { source: 'teams', objectId: 'aad-42', tenantId: 'other-tenant' } },
    ],
    [
      'a verified identity that is not listed',
      { id: 'u', name: 'X' },
      { u: { source: 'local', objectId: 'u' } },
    ],
  ] as [string, { id: string; name: string }, Record<string, VerifiedIdentity>][])(
    'someone who %s is refused politely and learns nothing about the queue',
    async (_label, from, identities) => {
      const bot = createTestBot(new MemoryStorage(), 'emulator', undefined, {
        advisorIds: ['aad-42'],
        tenantId: TENANT,
        verified: identities,
      });
      await submitOneFile(bot);
      const driver = new ConversationDriver(bot.adapter, 'c-intruder');
      const menu = await driver.say(as(from, 'bonjour', 'c-intruder'));
      expect(buttonsOf(menu)).not.toContain(fr.t('common:menu.advisorMode'));
      const reply = await driver.read(as(from, 'mode conseiller', 'c-intruder'));
      expect(reply).toContain(fr.t('advisor:refused'));
      expect(reply).not.toContain('ALZ-');
    },
  );

  test('the role is checked on every turn: rights withdrawn mid-review end the advisor mode', async () => {
    const identities: Record<string, VerifiedIdentity> = { ...verified };
    const bot = createTestBot(new MemoryStorage(), 'emulator', undefined, {
      advisorIds,
      tenantId: TENANT,
      verified: identities,
    });
    await submitOneFile(bot);
    const advisor = new ConversationDriver(bot.adapter, 'c-advisor');
    const say = (text: string) => advisor.read(as(ADVISOR, text, 'c-advisor'));
    await say('bonjour');
    await say('mode conseiller');
    await say(fr.t('advisor:menu.queue'));
    await say(fr.t('advisor:queue.all', { count: 1 }));
    delete identities[ADVISOR.id];
    const reply = await say('ALZ-2026-0001');
    expect(reply).toContain(fr.t('advisor:refused'));
    expect(reply).not.toContain('Mécanique Cévenole');
  });
});

describe('the queue in advisor mode', () => {
  test('an advisor lists received files, opens one and moves it to incomplete with a comment; the applicant is told', async () => {
    const bot = advisorBot();
    await submitOneFile(bot);
    const advisor = new ConversationDriver(bot.adapter, 'c-advisor');
    const say = (text: string) => advisor.say(as(ADVISOR, text, 'c-advisor'));
    await say('bonjour');
    await say('mode conseiller');
    const statuses = await say(fr.t('advisor:menu.queue'));
    const received = fr.t('advisor:queue.statusButton', { label: fr.t('status:label.received'), count: 1 });
    expect(buttonsOf(statuses)).toContain(received);
    const list = readable(await say(received));
    expect(list).toContain('ALZ-2026-0001');
    expect(list).toContain('Mécanique Cévenole');

    const card = await say('ALZ-2026-0001');
    const content = JSON.stringify(card[0].attachments?.[0].content);
    expect(content).toContain('Mécanique Cévenole');
    // The verdict computed at submission is the card's first fact.
    const [verdict] = (card[0].attachments?.[0].content as { body: { inlines?: { text: string }[] }[] }).body
      .filter((block) => block.inlines)
      .map((block) => block.inlines!.map((run) => run.text).join(''));
    expect(verdict).toBe(`${fr.t('committee:show.meta.verdict')}${fr.t('common:card.factSeparator')}OK`);
    const toReview = fr.t('advisor:file.move', { label: fr.t('status:label.in_review') });
    expect(content).toContain(toReview);

    expect(readable(await say(toReview))).toContain(fr.t('advisor:comment.ask'));
    expect(readable(await say('aucun'))).toContain(
      fr.t('advisor:status.changed', { reference: 'ALZ-2026-0001', label: fr.t('status:label.in_review') }),
    );

    await say(fr.t('advisor:menu.queue'));
    await say(fr.t('advisor:queue.all', { count: 1 }));
    await say('ALZ-2026-0001');
    await say(fr.t('advisor:file.move', { label: fr.t('status:label.incomplete') }));
    await say('Il manque le Kbis et la dernière liasse fiscale.');

    const file = await bot.queue.get('ALZ-2026-0001');
    expect(file?.status).toBe('incomplete');
    expect(file?.history.map((h) => [h.from, h.to, h.by, h.comment])).toEqual([
      [null, 'received', OWNER.id, undefined],
      ['received', 'in_review', ADVISOR.aadObjectId, undefined],
      ['in_review', 'incomplete', ADVISOR.aadObjectId, 'Il manque le Kbis et la dernière liasse fiscale.'],
    ]);
    expect(bot.notified.map((n) => n.change.to)).toEqual(['in_review', 'incomplete']);
    expect(bot.notified[1].application.reference).toBe('ALZ-2026-0001');
  });
});

describe('pre-screening a company on its behalf', () => {
  test('worded for a third party, ending with a code the company uses to resume the draft as its own', async () => {
    const bot = advisorBot();
    const advisor = new ConversationDriver(bot.adapter, 'c-advisor');
    const say = (text: string) => advisor.read(as(ADVISOR, text, 'c-advisor'));
    await say('bonjour');
    await say('mode conseiller');
    const first = await say(fr.t('advisor:menu.prescreen'));
    expect(first).toContain(fr.t('eligibility:intro_advisor'));
    expect(first).toContain(fr.t('eligibility:question.commune_advisor'));
    const afterCommune = await advisor.say(as(ADVISOR, 'Alès', 'c-advisor'));
    expect(readable(afterCommune)).toContain(fr.t('eligibility:question.headcount_advisor'));
    const answer = (text: string) => advisor.say(as(ADVISOR, text, 'c-advisor'));
    const upToAttestation = await answerAll(answer, afterCommune, ELIGIBLE_COMPANY_CHECK, {
      until: (question) => question.questionId === DECLARATIONS_KEY,
    });
    // The attestation, worded for the advisor: the owner's declarations on their honour.
    const attestation = ELIGIBILITY.question(DECLARATIONS_KEY)!;
    const params = attestation.promptParams!(
      { settings, locale: 'fr', now: TEST_NOW, audience: 'advisor' },
      {},
    );
    expect(readable(upToAttestation.replies)).toContain(fr.t(attestation.promptKey, params));
    expect(fr.t(attestation.promptKey, params)).not.toEqual(
      fr.t(attestation.promptKey, { ...params, context: undefined }),
    );
    const attested = await answerAll(answer, upToAttestation.replies, ELIGIBLE_COMPANY_CHECK);
    const check = { replies: attested.replies, asked: [...upToAttestation.asked, ...attested.asked] };
    const verdict = readable(check.replies);
    expect(verdict).toContain(fr.t('eligibility:verdict.OK_advisor'));
    expect(verdict).toContain(fr.t('advisor:prescreen.nextStep'));
    const handover = await say(fr.t('advisor:prescreen.handover'));
    const code = handover.match(/[A-Z2-9]{4}-[A-Z2-9]{4}/)?.[0] as string;
    expect(code).toBeDefined();

    // The company, in its own new conversation, types the code as its very first message.
    const company = new ConversationDriver(bot.adapter, 'c-company');
    const resumed = await company.say(as(OWNER, code.toLowerCase(), 'c-company'));
    const context = { settings, locale: 'fr' as const, now: TEST_NOW };
    // The attestation answered « Oui, tout est exact » stands for the four declarations.
    const declared = check.asked.includes(DECLARATIONS_KEY) ? Object.keys(COMPLIANT_DECLARATIONS) : [];
    const answered = ['commune', ...check.asked, ...declared];
    const carried = ELIGIBILITY.prefill(bookValues(ELIGIBLE_COMPANY_CHECK, ELIGIBILITY, context, answered));
    expect(Object.keys(carried).length).toBeGreaterThanOrEqual(9);
    expect(readable(resumed)).toContain(
      fr.t('applicationFlow:handover.accepted', { count: Object.keys(carried).length }),
    );
    expect(questionAsked(resumed)?.questionId).toBe('company.name');

    // The company completes the rest, never asked again what the pre-screen knew; its file records that an
    // advisor prepared it.
    const rest = await answerAll(
      (text) => company.say(as(OWNER, text, 'c-company')),
      resumed,
      ELIGIBLE_COMPANY,
    );
    expect(rest.asked.filter((key) => key in carried)).toEqual([]);
    await company.say({
      ...as(OWNER, '', 'c-company'),
      text: undefined,
      value: { action: 'submitApplication', entry: 'apply' },
    });
    const [file] = await bot.queue.list();
    expect(file).toMatchObject({ origin: 'advisor', advisorId: ADVISOR.aadObjectId, userId: OWNER.id });
    expect(file.data['company.headcount']).toBe(12);

    // A code works once: anyone typing it again is told it is not valid.
    const other = new ConversationDriver(bot.adapter, 'c-other');
    expect(await other.read(as({ id: 'other', name: 'Y' }, code, 'c-other'))).toContain(
      fr.t('applicationFlow:handover.unknown'),
    );
  });
});
