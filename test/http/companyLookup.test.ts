import { COMPANY_LOOKUP_QUESTION } from '../../dialogs/companyLookupDialog.js';
import type { RunningApp } from '../../bot/app.js';
import { ELIGIBLE_COMPANY, answerAll, questionAsked, withAnswers } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { FOUND_SIRET, SLOW_SIRET } from '../support/companyRegisterFixtures.js';
import { startLocalRegister, type LocalRegister } from '../support/companyRegisterServer.js';
import { HttpConversation, startTestServer, tempDataDir, texts, type Reply } from '../support/httpBot.js';

const BOOK = withAnswers(ELIGIBLE_COMPANY, { [COMPANY_LOOKUP_QUESTION]: FOUND_SIRET });
const SUBMIT = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };

describe('the company lookup over HTTP, against a local register', () => {
  let register: LocalRegister;
  let app: RunningApp;
  beforeAll(async () => {
    register = await startLocalRegister();
    app = await startTestServer(tempDataDir(), { COMPANY_LOOKUP: 'on', COMPANY_LOOKUP_URL: register.url });
  });
  afterAll(async () => {
    await app.close();
    await register.close();
  });

  test('the owner confirms the card, and the file reaches the committee without the company questions', async () => {
    const owner = new HttpConversation(app.url);
    const first = await owner.say(fr.t('common:menu.eligibility'));
    expect(questionAsked(first)?.questionId).toBe(COMPANY_LOOKUP_QUESTION);
    const card = await owner.say(FOUND_SIRET);
    expect(texts(card).join('\n')).toContain(fr.t('companyLookup:card.title'));
    const check = await answerAll((text) => owner.say(text), card, BOOK);
    expect(check.asked).not.toContain('commune');
    const apply = await owner.say(fr.t('eligibility:next.apply'));
    const filled = await answerAll((text) => owner.say(text), apply, BOOK);
    expect(filled.asked).not.toContain('company.name');
    expect(filled.asked).not.toContain('company.siret');
    const { replies } = await owner.post(SUBMIT);
    expect(texts(replies as Reply[]).join('\n')).toMatch(/ALZ-\d{4}-\d{4}/);
    const [file] = await app.queue.list();
    expect(file.data['company.siret']).toBe(FOUND_SIRET);
    expect(file.data['company.registerPrefill']).toContain('company.name');
    expect(register.received.map((query) => query.get('q'))).toEqual([FOUND_SIRET]);
  });

  test('a register slower than 3 s: the owner is answered within the time-out, and asked the commune', async () => {
    const owner = new HttpConversation(app.url);
    await owner.say(fr.t('common:menu.eligibility'));
    const replies = await owner.say(SLOW_SIRET);
    expect(texts(replies).join('\n')).toContain(fr.t('companyLookup:unavailable'));
    expect(questionAsked(replies)?.questionId).toBe('commune');
  });
});

describe('COMPANY_LOOKUP=off over HTTP', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestServer(tempDataDir(), { COMPANY_LOOKUP: 'off' });
  });
  afterAll(() => app.close());

  test('the check starts with the commune, as before the lookup', async () => {
    const owner = new HttpConversation(app.url);
    const first = await owner.say(fr.t('common:menu.eligibility'));
    expect(questionAsked(first)?.questionId).toBe('commune');
  });
});
