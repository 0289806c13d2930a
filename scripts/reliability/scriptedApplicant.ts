import { randomUUID } from 'node:crypto';
import type { TurnLanguage } from '../../dialogs/translator.js';
import type { Phase, Prompt, PromptBook } from './promptBook.js';

/** Where the server under test is now; `after` resolves once a newer one (after a kill) is ready. */
export interface ServerTarget {
  current(): { url: string; generation: number };
  after(generation: number): Promise<void>;
}

/** A check that failed: the run reports it and exits non-zero. */
export class ReliabilityFailure extends Error {
  override name = 'ReliabilityFailure';
}

export type ApplicantKind = 'apply' | 'eligibility';

interface Reply {
  text?: string;
  channelData?: unknown;
  attachments?: { contentType?: string }[];
}

type Step =
  | { kind: 'start' }
  | { kind: 'answer'; prompt: Prompt }
  | { kind: 'chooseApply' }
  | { kind: 'resumeDraft' }
  | { kind: 'submit' }
  | { kind: 'help'; interrupted: Step };

const SUBMIT_VALUE = { action: 'submitApplication', entry: 'apply' };
const REFERENCE = /ALZ-\d{4}-\d{4,}/;
const TURN_TIMEOUT_MS = 30_000;

/**
 * One owner applying over HTTP (expectReplies) while the server may be killed at any moment. It reads each
 * reply to know which question is asked and answers it, the way a person would. An answer is acknowledged
 * when a 200 reply moves on to another step; when a turn gets no reply (the server died), the applicant waits
 * for the restarted server and types "aide" to see where the conversation stands. The bot asking again a
 * question whose answer was acknowledged is a lost answer: the run fails.
 */
export class ScriptedApplicant {
  readonly userId = `crash-user-${randomUUID()}`;
  readonly conversationId = `crash-conv-${randomUUID()}`;
  /** Acknowledged answers, by prompt id. */
  readonly acknowledged = new Map<string, Prompt>();
  reference: string | undefined;
  turns = 0;
  lostTurns = 0;
  private phase: Phase;
  private lastTexts: string[] = [];

  constructor(
    readonly index: number,
    readonly kind: ApplicantKind,
    private readonly book: PromptBook,
    private readonly target: ServerTarget,
    private readonly fr: TurnLanguage,
  ) {
    this.phase = kind === 'apply' ? 'application' : 'eligibility';
  }

  /** Application answers acknowledged so far: what the state files must hold. */
  acknowledgedApplicationPrompts(): Prompt[] {
    return [...this.acknowledged.values()].filter((prompt) => prompt.phase === 'application');
  }

  async run(): Promise<void> {
    let step: Step = { kind: 'start' };
    while (this.reference === undefined) {
      const replies = await this.send(step);
      step = replies === null ? this.afterLostTurn(step) : this.understand(step, replies);
    }
  }

  /** After the application: the conversation goes on (the menu answers). */
  async continueAfterwards(): Promise<void> {
    for (;;) {
      const replies = await this.send({ kind: 'start' }, this.fr.t('common:menu.about'));
      if (replies === null) continue;
      if (!this.lastTexts.some((text) => text.includes(this.fr.t('common:menu.prompt').slice(0, 30)))) {
        this.fail('does not show the menu after the application');
      }
      return;
    }
  }

  private afterLostTurn(step: Step): Step {
    this.lostTurns += 1;
    // Sending the file again is safe (same draft, same reference); anything else: look where we are first.
    if (step.kind === 'submit') return step;
    return { kind: 'help', interrupted: step.kind === 'help' ? step.interrupted : step };
  }

  private understand(step: Step, replies: Reply[]): Step {
    const texts = this.lastTexts;
    const reference = texts.map((text) => REFERENCE.exec(text)?.[0]).find(Boolean);
    if (reference && (step.kind === 'submit' || step.kind === 'help' || step.kind === 'answer')) {
      this.reference = reference;
      return step;
    }
    if (texts.some((text) => text.includes(this.prefix('applicationFlow:draft.found')))) {
      return { kind: 'resumeDraft' };
    }
    if (step.kind === 'help') return this.resync(step.interrupted, replies);
    const question = this.book.recognise(this.phase, replies);
    switch (step.kind) {
      case 'start':
      case 'resumeDraft':
      case 'chooseApply': {
        // Choosing to apply (or resuming the draft it made) leads to the application's questions.
        const next = question ?? this.recogniseNextPhase(replies);
        if (!next) return this.fail(`no question after "${step.kind}"`);
        return this.ask(next);
      }
      case 'answer':
        if (question?.id === step.prompt.id) return this.fail(`refused the answer to ${step.prompt.id}`);
        this.acknowledged.set(step.prompt.id, step.prompt);
        if (question) return this.ask(question);
        return this.nextPhase(texts, replies, step);
      case 'submit':
        // Every scripted applicant is the same company: the bot warns that its SIRET was already sent, and
        // "Envoyer" again is the owner's confirmation.
        if (texts.some((text) => text.includes(this.prefix('applicationFlow:warning.choose')))) return step;
        return this.fail('no reference after sending the file');
    }
  }

  /** An application question once the eligibility check is over (the phase moves on with it). */
  private recogniseNextPhase(replies: Reply[]): Prompt | undefined {
    if (this.phase !== 'eligibility') return undefined;
    const question = this.book.recognise('application', replies);
    if (question) this.phase = 'application';
    return question;
  }

  /** The end of the eligibility check (verdict) or of the form (recap card). */
  private nextPhase(texts: string[], replies: Reply[], step: Step): Step {
    if (
      this.phase === 'eligibility' &&
      texts.some((t) => t.includes(this.prefix('eligibility:verdict.nextStep')))
    ) {
      return { kind: 'chooseApply' };
    }
    const recap = replies.some((reply) =>
      (reply.attachments ?? []).some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'),
    );
    if (this.phase === 'application' && recap) return { kind: 'submit' };
    return this.fail(`unexpected reply after "${step.kind}"`);
  }

  /** After "aide": the question shown again, or, when none, the step that follows the one interrupted. */
  private resync(interrupted: Step, replies: Reply[]): Step {
    const texts = this.lastTexts;
    const question = this.book.recognise(this.phase, replies) ?? this.recogniseNextPhase(replies);
    if (question) return this.ask(question);
    const atMenu = ['common:help.atMenu', 'common:menu.prompt'].map((key) => this.prefix(key));
    if (texts.some((text) => atMenu.some((prefix) => text.includes(prefix)))) {
      // Back at the menu: only acceptable if nothing was ever acknowledged in this conversation.
      if (this.acknowledged.size > 0) this.fail('is back at the menu: the conversation lost its place');
      return { kind: 'start' };
    }
    if (interrupted.kind === 'answer' || interrupted.kind === 'chooseApply') {
      // At a step without a question (verdict, recap): go on as if the reply had arrived.
      return this.phase === 'eligibility' ? { kind: 'chooseApply' } : { kind: 'submit' };
    }
    void replies;
    return this.fail(`cannot tell where the conversation is after "${interrupted.kind}"`);
  }

  private ask(question: Prompt): Step {
    if (this.acknowledged.has(question.id)) {
      this.fail(`asks again ${question.id}, whose answer was acknowledged: an answer was lost`);
    }
    return { kind: 'answer', prompt: question };
  }

  /** Posts the step's activity; null when the server died before answering. */
  private async send(step: Step, text?: string): Promise<Reply[] | null> {
    const { url, generation } = this.target.current();
    const activity = this.activityOf(step, text);
    this.turns += 1;
    let body: string;
    let status: number;
    try {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channelId: 'emulator',
          conversation: { id: this.conversationId },
          from: { id: this.userId },
          recipient: { id: 'bot' },
          locale: 'fr-FR',
          deliveryMode: 'expectReplies',
          ...activity,
        }),
        signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') this.fail(`no reply within ${TURN_TIMEOUT_MS} ms`);
      await this.target.after(generation);
      return null;
    }
    if (status !== 200) this.fail(`HTTP ${status}: ${body.slice(0, 200)}`);
    const replies = ((body ? JSON.parse(body) : {}) as { activities?: Reply[] }).activities ?? [];
    this.lastTexts = replies.map((reply) => reply.text ?? '').filter(Boolean);
    return replies;
  }

  private activityOf(step: Step, text?: string): Record<string, unknown> {
    const message = (value: string) => ({ type: 'message', text: value });
    if (text !== undefined) return message(text);
    switch (step.kind) {
      case 'start':
        return message(this.kind === 'apply' ? this.fr.t('common:menu.apply') : 'suis-je éligible ?');
      case 'answer':
        return message(step.prompt.answer);
      case 'chooseApply':
        return message(this.fr.t('eligibility:next.apply'));
      case 'resumeDraft':
        return message(this.fr.t('applicationFlow:draft.resume'));
      case 'submit':
        return { type: 'message', value: SUBMIT_VALUE };
      case 'help':
        return message('aide');
    }
  }

  /** The start of a sentence, to recognise it; `count` picks a plural form (« 10 réponses déjà données »). */
  private prefix(key: string): string {
    return this.fr.t(key, { count: 2 }).split('{{')[0].slice(0, 30);
  }

  private fail(problem: string): never {
    throw new ReliabilityFailure(
      `conversation ${this.index} (${this.kind}) ${problem}; last replies: ${JSON.stringify(this.lastTexts).slice(0, 600)}`,
    );
  }
}
