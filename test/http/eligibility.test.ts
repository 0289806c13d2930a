import { ELIGIBLE_COMPANY_CHECK, answerAll, withAnswers } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, buttons, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

describe('one complete eligibility check over HTTP', () => {
  const server = serverForSuite();

  test('an SME of 12 people in Alès doing machining reaches éligible', async () => {
    const owner = new HttpConversation(server.url);
    await owner.post({ type: 'conversationUpdate', membersAdded: [{ id: owner.userId }] });
    const firstReplies = await owner.say('suis-je éligible ?');
    const first = texts(firstReplies).join('\n');
    expect(first).toContain(fr.t('eligibility:question.commune'));

    // The same company, said otherwise: a commune near Alès, its activity in words (confirmed), "trois".
    const book = withAnswers(ELIGIBLE_COMPANY_CHECK, {
      commune: 'à Saint-Christol-lès-Alès',
      turnover: '1 200 000 €',
      sector: 'usinage de pièces mécaniques',
      jobs: 'trois',
    });
    const { replies: verdict, asked } = await answerAll((text) => owner.say(text), firstReplies, book);
    expect(asked).toContain('sector');
    expect(texts(verdict).join('\n')).toContain(fr.t('eligibility:verdict.OK'));
    expect(buttons(verdict)).toContain(fr.t('eligibility:next.apply'));
  });

  test('a 400-person company in Montpellier is told non éligible with both reasons', async () => {
    const owner = new HttpConversation(server.url);
    await owner.say(fr.t('common:menu.eligibility'));
    await owner.say('Montpellier');
    const verdict = texts(await owner.say('400 salariés')).join('\n');
    expect(verdict).toContain(fr.t('eligibility:verdict.NO'));
    expect(verdict).toContain('Montpellier');
    expect(verdict).toContain(fr.t('eligibility:reason.headcount.tooMany', { headcount: 400, limit: 250 }));
  });
});
