import fs from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger.js';
import { fillApplication, questionAsked } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

const SUBMIT = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };

/** What a user types that identifies a person or a company: none of it may reach a log line. */
const PERSONAL = [
  'Mécanique Cévenole',
  '732 829 320 00074',
  '73282932000074',
  '732 829 320 00075',
  '73282932000075',
  '12 rue de la République',
  'marie.dupont@exemple.fr',
  'marie.dupont@',
  '06 12 34 56 78',
  '+33612345678',
  '0612345678',
  'Marie',
  'Dupont',
  'gérante',
  'centre d’usinage',
  'Crédit Agricole',
];

describe('the server logs of a full application', () => {
  test('hold no name, e-mail, phone, SIRET or address typed by the user, even at trace level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const dataDir = tempDataDir('alize-logs-');
    let answered = 0;
    const app = await startTestServer(dataDir, {}, { logger: createLogger('trace', sink) });
    try {
      const owner = new HttpConversation(app.url);
      await owner.post({ type: 'conversationUpdate', membersAdded: [{ id: owner.userId }] });
      // Wrong values first, as people type them: refused values are personal data too.
      const wrongFirst: Record<string, string> = {
        'company.siret': '732 829 320 00075',
        'contact.email': 'marie.dupont@',
        'contact.phone': '0612345678 ou le soir',
      };
      let last = await owner.say(fr.t('common:menu.apply'));
      const say = async (text: string) => {
        const asked = questionAsked(last);
        if (asked && !asked.pending && wrongFirst[asked.questionId])
          await owner.say(wrongFirst[asked.questionId]);
        return (last = await owner.say(text));
      };
      answered = (await fillApplication(say, last)).asked.length;
      const done = texts((await owner.post(SUBMIT)).replies).join('\n');
      expect(done).toMatch(/ALZ-2026-\d{4}/);
      await owner.post({ type: 'message', text: 'Je suis Marie Dupont, joignable au 06 12 34 56 78' });
      await app.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }

    // The run was logged (one line per turn at least), so the check below has something to look at.
    const turns = lines.filter((line) => line.includes('"event":"turn"'));
    expect(turns.length).toBeGreaterThanOrEqual(answered);
    const leaks = PERSONAL.filter((value) => lines.some((line) => line.includes(value)));
    expect(leaks).toEqual([]);
  });
});
