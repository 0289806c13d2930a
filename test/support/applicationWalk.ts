import { randomUUID } from 'node:crypto';
import { fr } from './botHarness.js';
import { texts, type Reply } from './httpBot.js';

/** One user in one conversation, whichever server(s) answer (HttpConversation, MultiServerConversation). */
export interface ChatConversation {
  readonly userId: string;
  post(activity: Record<string, unknown>): Promise<{ status: number; replies: Reply[] }>;
  say(text: string): Promise<Reply[]>;
}

/** "Envoyer" on the recap card: Web Chat posts the card's data as the message value. */
export const SUBMIT = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };

/** The eligibility answers of test/http/application.test.ts, each typed the way an owner would. */
export const ELIGIBILITY_ANSWERS = [
  'Alès',
  'nous sommes douze',
  '1,2 M€',
  '25.62B',
  '3',
  'aucune',
  'aucune',
  'non',
  'développement',
];

/** What the committee must see of the file that walk produces (DOMAIN.md keys). */
export const EXPECTED_FILE = {
  status: 'received',
  channel: 'emulator',
  origin: 'applicant',
  'eligibility.verdict': 'OK',
  'company.siret': '73282932000074',
  'company.headcount': 12,
  'company.turnover': 1_200_000,
  'company.postalCode': '30100',
  'project.jobsCreated': 3,
  'project.amountRequested': 30_000,
  'contact.email': 'marie.dupont@exemple.fr',
  'contact.phone': '+33612345678',
};

export async function saySeeing(
  conversation: ChatConversation,
  text: string,
  expected: string,
): Promise<void> {
  const reply = texts(await conversation.say(text)).join('\n');
  expect([text, reply.includes(expected)]).toEqual([text, true]);
}

/** Greets, then answers the eligibility check; returns the verdict's replies. */
export async function walkEligibility(conversation: ChatConversation): Promise<string> {
  await conversation.post({ type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }] });
  await conversation.say('suis-je éligible ?');
  for (const answer of ELIGIBILITY_ANSWERS) await conversation.say(answer);
  return texts(await conversation.say('oui')).join('\n');
}

/**
 * After an OK verdict: the whole application file with a few typos, up to the recap card (returned). The
 * same answers as test/http/application.test.ts, so the committee's record is EXPECTED_FILE.
 */
export async function walkApplication(conversation: ChatConversation): Promise<Reply[]> {
  const question = (key: string, length = 30): string => fr.t(`application:question.${key}`).slice(0, length);
  await saySeeing(conversation, fr.t('eligibility:next.apply'), question('company.name'));
  await saySeeing(conversation, 'Mécanique Cévenole', question('company.siret'));
  await saySeeing(conversation, '732 829 320 00075', fr.t('application:error.siretChecksum'));
  await saySeeing(conversation, '732 829 320 00074', question('company.legalForm'));
  for (const answer of ['SAS', '12/03/2015', '12 rue de la République', '900 000 €'])
    await conversation.say(answer);
  await conversation.say(
    'Nous voulons acheter un centre d’usinage cinq axes pour produire des pièces aéronautiques.',
  );
  await conversation.say('financier et conseil');
  await saySeeing(conversation, '-250 000 €', question('project.investment'));
  await conversation.say('250 000 €');
  await saySeeing(conversation, '80 000 €', question('project.amountRequested'));
  await conversation.say('30 000 €');
  for (const answer of ['prêt bancaire du Crédit Agricole', '150 000 €', '3', '0', 'fin mars 2027']) {
    await conversation.say(answer);
  }
  await conversation.say("J'ai pris connaissance de ces informations");
  await conversation.say('Marie');
  await conversation.say('Dupont');
  await conversation.say('gérante');
  await saySeeing(conversation, 'marie.dupont@', question('contact.email', 20));
  await conversation.say('marie.dupont@exemple.fr');
  await saySeeing(conversation, '+44 20 7946 0958', question('contact.phone', 20));
  await conversation.say('06 12 34 56 78');
  return conversation.say('Je les enverrai plus tard');
}

/** The same conversation spread over several servers, turn after turn in rotation (a load balancer). */
export class MultiServerConversation implements ChatConversation {
  readonly conversationId = `test-${randomUUID()}`;
  private turn = 0;
  /** Which server answered each turn, for the test to show the rotation really happened. */
  readonly servedBy: number[] = [];

  constructor(
    private readonly baseUrls: readonly string[],
    readonly userId = `user-${randomUUID()}`,
  ) {}

  /** `server`: force one server (for two turns at once on different instances). */
  async post(
    activity: Record<string, unknown>,
    server?: number,
  ): Promise<{ status: number; replies: Reply[] }> {
    const index = server ?? this.turn++ % this.baseUrls.length;
    this.servedBy.push(index);
    const response = await fetch(`${this.baseUrls[index]}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:1/unused',
        conversation: { id: this.conversationId },
        from: { id: this.userId },
        recipient: { id: 'bot' },
        locale: 'fr-FR',
        deliveryMode: 'expectReplies',
        ...activity,
      }),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as { activities?: Reply[] }) : {};
    return { status: response.status, replies: body.activities ?? [] };
  }

  async say(text: string, server?: number): Promise<Reply[]> {
    const { status, replies } = await this.post({ type: 'message', text }, server);
    if (status !== 200) throw new Error(`HTTP ${status} for "${text}"`);
    return replies;
  }
}
