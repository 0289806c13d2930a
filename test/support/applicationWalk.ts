import { randomUUID } from 'node:crypto';
import {
  ELIGIBLE_COMPANY,
  ELIGIBLE_COMPANY_CHECK,
  answerAll,
  answerFor,
  questionAsked,
} from './answerBook.js';
import { fr, settings } from './botHarness.js';
import { texts, type HttpConversation, type Reply } from './httpBot.js';
import { fillApplication } from './answerBook.js';

/** One user in one conversation, whichever server(s) answer (HttpConversation, MultiServerConversation). */
export interface ChatConversation {
  readonly userId: string;
  post(activity: Record<string, unknown>): Promise<{ status: number; replies: Reply[] }>;
  say(text: string): Promise<Reply[]>;
}

/** "Envoyer" on the recap card: Web Chat posts the card's data as the message value. */
export const SUBMIT = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };

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

/** Wrong answers typed first, each refused with its reason (the locale key) and the question asked again. */
const TYPOS: Record<string, [string, string, object?][]> = {
  'company.siret': [['732 829 320 00075', 'application:error.siretChecksum']],
  'project.investment': [['-250 000 €', 'questionnaire:error.negative']],
  'project.amountRequested': [['80 000 €', 'application:error.amountOutOfBounds', settings.advance]],
  'contact.email': [['marie.dupont@', 'application:error.emailNoDomain']],
  'contact.phone': [['+44 20 7946 0958', 'application:error.phoneNotFrench']],
};

/** Greets, then answers the eligibility check from the answer book; returns the verdict's replies. */
export async function walkEligibility(
  conversation: ChatConversation,
  book = ELIGIBLE_COMPANY_CHECK,
): Promise<string> {
  await conversation.post({ type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }] });
  const first = await conversation.say('suis-je éligible ?');
  const { replies } = await answerAll((text) => conversation.say(text), first, book);
  return texts(replies).join('\n');
}

/**
 * After an OK verdict: the whole application file from the answer book, with a few typos each refused with its
 * reason and the question asked again, up to the recap card (returned). The committee's record is EXPECTED_FILE.
 */
export async function walkApplication(
  conversation: ChatConversation,
  book = ELIGIBLE_COMPANY,
): Promise<Reply[]> {
  let replies = await conversation.say(fr.t('eligibility:next.apply'));
  for (let turn = 0; turn < 80; turn++) {
    const asked = questionAsked(replies);
    if (!asked) return replies;
    for (const [wrong, errorKey, params] of asked.pending ? [] : (TYPOS[asked.questionId] ?? [])) {
      const refused = await conversation.say(wrong);
      expect([
        wrong,
        texts(refused)
          .join('\n')
          .includes(fr.t(errorKey, params as Record<string, unknown>)),
      ]).toEqual([wrong, true]);
      expect(questionAsked(refused)?.questionId).toBe(asked.questionId);
    }
    replies = await conversation.say(answerFor(book, asked));
  }
  throw new Error('No recap after 80 answers');
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

/**
 * A new applicant fills the whole file over HTTP and sends it from a channel whose connector is at `serviceUrl`
 * (kept with the file: status notifications go back there). Returns the submission's replies.
 */
export async function submitFromChannel(owner: HttpConversation, serviceUrl: string): Promise<Reply[]> {
  await fillApplication((text) => owner.say(text), await owner.say(fr.t('common:menu.apply')));
  const submitted = await owner.post({ ...SUBMIT, serviceUrl });
  return submitted.replies;
}
