import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

const CLI = fileURLToPath(new URL('../../bot/committeeCli.js', import.meta.url));
const SUBMIT = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };

/** What the committee's tool prints, as the committee runs it. */
function committeeListJson(dataDir: string): Record<string, unknown>[] {
  const result = spawnSync(process.execPath, [CLI, 'list', '--json'], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

async function saySeeing(conversation: HttpConversation, text: string, expected: string): Promise<void> {
  const reply = texts(await conversation.say(text)).join('\n');
  expect([text, reply.includes(expected)]).toEqual([text, true]);
}

describe('a full application over HTTP', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = await startTestServer(dataDir);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('an eligible SME completes its file with a few typos, and the committee sees every value right', async () => {
    const owner = new HttpConversation(app.url);
    await owner.post({ type: 'conversationUpdate', membersAdded: [{ id: owner.userId }] });
    await owner.say('suis-je éligible ?');
    for (const answer of [
      'Alès',
      'nous sommes douze',
      '1,2 M€',
      '25.62B',
      '3',
      'aucune',
      'aucune',
      'non',
      'développement',
    ]) {
      await owner.say(answer);
    }
    expect(texts(await owner.say('oui')).join('\n')).toContain(fr.t('eligibility:verdict.OK'));
    await saySeeing(
      owner,
      fr.t('eligibility:next.apply'),
      fr.t('application:question.company.name').slice(0, 30),
    );

    await saySeeing(owner, 'Mécanique Cévenole', fr.t('application:question.company.siret').slice(0, 30));
    await saySeeing(
      owner,
      '732 829 320 00075',
      'Le numéro SIRET ne semble pas valide : vérifiez les 14 chiffres.',
    );
    await saySeeing(owner, '732 829 320 00074', fr.t('application:question.company.legalForm').slice(0, 30));
    for (const answer of ['SAS', '12/03/2015', '12 rue de la République', '900 000 €'])
      await owner.say(answer);
    await owner.say(
      'Nous voulons acheter un centre d’usinage cinq axes pour produire des pièces aéronautiques.',
    );
    await owner.say('financier et conseil');
    await saySeeing(owner, '-250 000 €', fr.t('application:question.project.investment').slice(0, 30));
    await owner.say('250 000 €');
    await saySeeing(owner, '80 000 €', fr.t('application:question.project.amountRequested').slice(0, 30));
    await owner.say('30 000 €');
    for (const answer of ['prêt bancaire du Crédit Agricole', '150 000 €', '3', '0', 'fin mars 2027']) {
      await owner.say(answer);
    }
    await owner.say("J'ai pris connaissance de ces informations");
    await owner.say('Marie');
    await owner.say('Dupont');
    await owner.say('gérante');
    await saySeeing(owner, 'marie.dupont@', fr.t('application:question.contact.email').slice(0, 20));
    await owner.say('marie.dupont@exemple.fr');
    await saySeeing(owner, '+44 20 7946 0958', fr.t('application:question.contact.phone').slice(0, 20));
    await owner.say('06 12 34 56 78');
    const recap = await owner.say('Je les enverrai plus tard');
    expect(recap[0].attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');

    // A double click: two submits of the same card at once make one file.
    const [first, second] = await Promise.all([owner.post(SUBMIT), owner.post(SUBMIT)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const confirmations = [...texts(first.replies), ...texts(second.replies)].join('\n');
    expect(confirmations).toContain('ALZ-2026-0001');
    expect(confirmations).not.toContain('ALZ-2026-0002');

    const files = committeeListJson(dataDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      reference: 'ALZ-2026-0001',
      status: 'received',
      channel: 'emulator',
      origin: 'applicant',
      userId: owner.userId,
      'eligibility.verdict': 'OK',
      'company.siret': '73282932000074',
      'company.headcount': 12,
      'company.turnover': 1_200_000,
      'company.postalCode': '30100',
      'project.jobsCreated': 3,
      'project.amountRequested': 30_000,
      'contact.email': 'marie.dupont@exemple.fr',
      'contact.phone': '+33612345678',
    });
  });
});
