import fs from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger.js';
import { FULL_APPLICATION } from '../support/applicationScript.js';
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
    const app = await startTestServer(dataDir, {}, { logger: createLogger('trace', sink) });
    try {
      const owner = new HttpConversation(app.url);
      await owner.post({ type: 'conversationUpdate', membersAdded: [{ id: owner.userId }] });
      await owner.say(fr.t('common:menu.apply'));
      for (const [answer, key] of FULL_APPLICATION) {
        // Wrong values first, as people type them: refused values are personal data too.
        if (key === 'company.siret') await owner.say('732 829 320 00075');
        if (key === 'contact.email') await owner.say('marie.dupont@');
        if (key === 'contact.phone') await owner.say('0612345678 ou le soir');
        await owner.say(answer);
      }
      const done = texts((await owner.post(SUBMIT)).replies).join('\n');
      expect(done).toMatch(/ALZ-2026-\d{4}/);
      await owner.post({ type: 'message', text: 'Je suis Marie Dupont, joignable au 06 12 34 56 78' });
      await app.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }

    // The run was logged (one line per turn at least), so the check below has something to look at.
    const turns = lines.filter((line) => line.includes('"event":"turn"'));
    expect(turns.length).toBeGreaterThanOrEqual(FULL_APPLICATION.length);
    const leaks = PERSONAL.filter((value) => lines.some((line) => line.includes(value)));
    expect(leaks).toEqual([]);
  });
});
