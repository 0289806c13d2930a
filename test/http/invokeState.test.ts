import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { HttpConversation, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

describe('a malformed Adaptive Card invoke', () => {
  const server = serverForSuite({ prefix: 'alize-invoke-' });

  test.each([
    ['value {}', {}],
    ['an action that is not an object', { action: 'Action.Execute' }],
  ])('with %s gets 400 and leaves the application where it was', async (_label, value) => {
    const owner = new HttpConversation(server.url);
    await owner.say(fr.t('common:menu.apply'));
    await owner.say('Développement');

    const invoke = await owner.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value,
      deliveryMode: 'normal',
    });
    expect(invoke.status).toBe(400);

    // The next answer is taken as the answer to the question asked before the invoke.
    const next = texts(await owner.say('Cévennes Plasturgie')).join('\n');
    expect(next).toContain(fr.t('application:question.company.siret'));
    expect(next).not.toContain(fr.t(WELCOME_KEY));
    expect(next).not.toContain(fr.t('common:error.apology'));
  });
});
