import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseYesNo } from '../french/yesNo.js';
import { messageWithChoices } from '../choices.js';
import { commandKey, routeGlobalCommand, type OpenQuestionDialog } from '../globalCommands.js';
import { languageOf, type TurnLanguage } from '../translator.js';
import { routeTurnIntent, type AskingDialog, type OpenQuestion } from '../turnIntents.js';
import { answerEvent } from './answerEvents.js';
import type { FunnelFlow } from '../domain/funnelSteps.js';
import { funnelEvents } from '../funnelEvents.js';
import { answerText } from './answerText.js';
import { progressLine } from './progressLine.js';
import type { AnswerValue, Answers, Display, Question } from './question.js';
import type { FactTargets } from './factTargets.js';
import { answersQuestion, readAnswer } from './readAnswer.js';
import { SentenceFactsStep, type FactsNext, type HeldFacts } from './sentenceFactsStep.js';

/** Where a questionnaire's answers live and which question comes next; the dialog only walks. */
export interface QuestionnaireSource<C> {
  load(context: TurnContext): Promise<Answers>;
  save(context: TurnContext, key: string, value: AnswerValue): Promise<void>;
  next(answers: Answers, context: C): Question<C> | null;
  find(key: string): Question<C> | undefined;
  questionContext(context: TurnContext): C;
  /**
   * "Question n sur N" for a question about to be asked, or null to show none (a follow-up). `walk` is what this
   * walk asked so far and the total it last showed, so a count can stay stable (never jump, never grow).
   */
  progress?(answers: Answers, question: Question<C>, context: C, walk: WalkProgress): Progress | null;
  /** The question before this one when the walk has no history of its own (a resumed draft). */
  previous?(
    context: TurnContext,
    answers: Answers,
    key: string | undefined,
  ): Promise<Question<C> | undefined>;
  /** The questions the facts of a sentence answer ("12 salariés à Alès"); none: answers are read one by one. */
  facts?: FactTargets;
}

/** What a walk has asked so far, for its progress line. */
export interface WalkProgress {
  asked: readonly string[];
  total?: number;
}

/** "Question 5 sur 14", with the step of the form when the source has steps ("Étape 2 sur 4 : Projet"). */
export interface Progress {
  index: number;
  total: number;
  step?: { index: number; total: number; labelKey: string };
}

/** `opener`: offer to describe the company in one sentence; `sentence`: a first message whose facts count. */
export interface QuestionnaireOptions {
  startAt?: string;
  opener?: boolean;
  sentence?: string;
}

/** How a walk ended, for the dialog that started it. */
export type QuestionnaireResult = { outcome: 'done' } | { outcome: 'paused' } | { outcome: 'advisor' };

interface ShownReading {
  value: AnswerValue;
  shown: string;
  also?: Answers;
}

interface Pending {
  /** The probable readings of an unsure answer, as shown on their buttons (one: a yes/no question). */
  confirm?: ShownReading[];
  choose?: { value: AnswerValue; label: string }[];
}

interface WalkState {
  current?: string;
  /** Keys answered during this walk, most recent last: *retour* goes back along it. */
  history: string[];
  failures: number;
  pending: Pending;
  /** Facts of a sentence for other questions, held, then shown once for confirmation. */
  facts?: HeldFacts;
  /** The first question is asked with the offer to describe the company in one sentence. */
  opener?: boolean;
  /** The user chose to describe the company: their next message is that sentence. */
  describing?: boolean;
  /** The total the progress line last showed. */
  total?: number;
}

export const MAX_FAILURES = 3;

/**
 * The one generic dialog that asks a list of questions: one at a time, free French text or buttons, re-asks
 * with the reason and an example, confirms what it is unsure of, lets the user choose when an answer is
 * ambiguous, goes back on *retour*, stops on *pause*, and offers an advisor after three failed answers.
 */
export class QuestionnaireDialog<C> extends Dialog implements OpenQuestionDialog, AskingDialog {
  private readonly facts: SentenceFactsStep<C>;

  /** `funnel`: each question asked counts as reached in that flow of the anonymous funnel (none: not counted). */
  constructor(
    id: string,
    private readonly source: QuestionnaireSource<C>,
    private readonly funnel?: FunnelFlow,
  ) {
    super(id);
    this.facts = new SentenceFactsStep(source);
  }

  /** `startAt`: ask this question first even if answered (*modifier*), then whatever is still missing. */
  override async beginDialog(dc: DialogContext, options?: QuestionnaireOptions): Promise<DialogTurnResult> {
    const state: WalkState = { history: [], failures: 0, pending: {} };
    dc.activeDialog!.state = state;
    const first = options?.startAt ? this.source.find(options.startAt) : undefined;
    if (first) return this.ask(dc, state, first, false);
    if (options?.sentence) {
      const { held } = await this.facts.read(dc.context, options.sentence);
      if (held.length > 0) state.facts = { facts: held, stage: 'held' };
    } else if (options?.opener && this.source.facts) state.opener = true;
    return this.askNext(dc, state);
  }

  /** A command typed as an answer the open question recognises is that answer (see routeGlobalCommand). */
  claimsAnswer(dc: DialogContext, text: string): boolean {
    const state = dc.activeDialog?.state as WalkState | undefined;
    const question = state?.current ? this.source.find(state.current) : undefined;
    if (!state || !question || state.pending.confirm || state.pending.choose) return false;
    if (state.facts && state.facts.stage !== 'held') return false;
    const { t } = languageOf(dc.context);
    return answersQuestion(question, text, this.source.questionContext(dc.context), {}, t);
  }

  /** The question waiting for its answer, for the help and the routing of requests (turnIntents.ts). */
  openQuestion(dc: DialogContext): OpenQuestion | undefined {
    const state = dc.activeDialog?.state as WalkState | undefined;
    const question = state?.current ? this.source.find(state.current) : undefined;
    if (!question) return undefined;
    return { key: question.key, exampleKey: question.exampleKey, freeText: question.freeText === true };
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as WalkState;
    const language = languageOf(dc.context);
    const text = answerText(activity);
    const command = routeGlobalCommand(dc);
    if (command === 'back') return this.goBack(dc, state, language);
    if (command === 'pause') {
      await dc.context.sendActivity(language.t('questionnaire:paused'));
      return dc.endDialog({ outcome: 'paused' } satisfies QuestionnaireResult);
    }
    const intent = routeTurnIntent(dc);
    if (intent?.kind === 'correct') return this.correct(dc, state, intent.keys, language);
    if (commandKey(text) === commandKey(language.t('common:menu.advisor'))) {
      return dc.endDialog({ outcome: 'advisor' } satisfies QuestionnaireResult);
    }

    if (state.facts && state.facts.stage !== 'held') {
      return this.afterFacts(dc, state, await this.facts.reply(dc.context, state, text, language));
    }
    const question = state.current ? this.source.find(state.current) : undefined;
    if (!question) return this.askNext(dc, state);
    const qc = this.source.questionContext(dc.context);
    const describing = state.describing === true;
    const opened = await this.facts.opener(dc.context, state, text, language);
    if (opened === 'ask') return this.ask(dc, state, question, true);
    if (opened === 'wait') return Dialog.EndOfTurn;

    if (state.pending.confirm) {
      // A draft saved before readings were lists holds a single one.
      const pending = state.pending.confirm as Pending['confirm'] | ShownReading;
      const readings: ShownReading[] = Array.isArray(pending) ? pending : [pending!];
      const picked = pickReading(readings, text);
      const yes = readings.length === 1 ? parseYesNo(text, language.locale) : undefined;
      if (picked || yes?.ok) {
        state.pending = {};
        if (picked) return this.accept(dc, state, question, picked.value, picked.also);
        if (yes?.ok && yes.value) {
          return this.accept(dc, state, question, readings[0].value, readings[0].also);
        }
        await dc.context.sendActivity(language.t('questionnaire:confirmRejected'));
        return this.ask(dc, state, question, false);
      }
      // Not a yes, a no or one of the readings: take it as a new answer to the question.
      state.pending = {};
    }

    if (state.pending.choose) {
      const picked = pickReading(
        state.pending.choose.map((c) => ({ value: c.value, shown: c.label })),
        text,
      );
      state.pending = {};
      if (picked) return this.accept(dc, state, question, picked.value);
    }

    const answers = await this.source.load(dc.context);
    const { answerText: read, held } = await this.facts.read(
      dc.context,
      text,
      question.key,
      question.freeText,
      question.fills,
    );
    if (held.length > 0) state.facts = { facts: held, stage: 'held' };
    const reading = readAnswer(question, read, answers, qc, language.t);
    if (reading.outcome === 'store') return this.accept(dc, state, question, reading.value, reading.also);
    // The other facts are shown first; this question comes again after them.
    if (reading.outcome === 'ask' && (await this.facts.show(dc.context, state, language))) {
      return Dialog.EndOfTurn;
    }
    if (reading.outcome === 'ask' && describing) {
      await dc.context.sendActivity(language.t('facts:opener.nothingFound'));
      return this.ask(dc, state, question, true);
    }
    answerEvent(dc.context, { field: question.key, outcome: reading.outcome, reason: reading.reason });
    if (reading.outcome === 'confirm') {
      const shown = reading.readings.map((r) => ({
        value: r.value,
        shown: this.show(r.display, r.value, language),
        ...(r.also ? { also: r.also } : {}),
      }));
      state.pending = { confirm: shown };
      const message =
        shown.length === 1
          ? messageWithChoices(dc.context, language.t('questionnaire:confirm', { value: shown[0].shown }), [
              language.t('questionnaire:yes'),
              language.t('questionnaire:no'),
            ])
          : messageWithChoices(
              dc.context,
              language.t('questionnaire:confirmWhich'),
              shown.map((r) => r.shown),
            );
      await dc.context.sendActivity(markQuestion(message, question.key, 'confirm'));
      return Dialog.EndOfTurn;
    }
    if (reading.outcome === 'choose') {
      state.pending = { choose: reading.candidates };
      const message = messageWithChoices(
        dc.context,
        language.t('questionnaire:chooseOne'),
        reading.candidates.map((c) => c.label),
      );
      await dc.context.sendActivity(markQuestion(message, question.key, 'choose'));
      return Dialog.EndOfTurn;
    }
    return this.refuse(dc, state, question, language.t(reading.errorKey, reading.params));
  }

  override async repromptDialog(context: TurnContext, instance: { state: WalkState }): Promise<void> {
    if (instance.state.facts && instance.state.facts.stage !== 'held') {
      instance.state.facts.stage = 'held';
      if (await this.facts.show(context, instance.state, languageOf(context))) return;
    }
    const question = instance.state.current ? this.source.find(instance.state.current) : undefined;
    if (question) await context.sendActivity(await this.prompt(context, question));
  }

  private async accept(
    dc: DialogContext,
    state: WalkState,
    question: Question<C>,
    value: AnswerValue,
    also: Answers = {},
  ) {
    await this.source.save(dc.context, question.key, value);
    // Another answer given in the same breath fills a question not answered yet, never overwrites one, unless
    // this question is where that answer is given (`fills`: "Marie Dupont" re-typed at the name question).
    const known = await this.source.load(dc.context);
    for (const [key, other] of Object.entries(also)) {
      const replaces = question.fills?.includes(key) === true;
      if (other !== undefined && (replaces || known[key] === undefined) && this.source.find(key)) {
        await this.source.save(dc.context, key, other);
      }
    }
    state.history = [...state.history.filter((k) => k !== question.key), question.key];
    state.failures = 0;
    return this.askNext(dc, state);
  }

  private async refuse(dc: DialogContext, state: WalkState, question: Question<C>, reason: string) {
    const { t } = languageOf(dc.context);
    state.failures += 1;
    const example = t(question.exampleKey);
    await dc.context.sendActivity(t('questionnaire:notUnderstood', { reason, example }));
    if (state.failures >= MAX_FAILURES) {
      state.failures = 0;
      await dc.context.sendActivity(
        messageWithChoices(dc.context, t('questionnaire:offerAdvisor'), [
          t('common:menu.advisor'),
          ...(question.choices ?? []).map((c) => t(c.labelKey)),
        ]),
      );
      return Dialog.EndOfTurn;
    }
    return this.ask(dc, state, question, false);
  }

  /**
   * "modifier le chiffre d'affaires" at another question: that answer is asked again, then the walk goes on to
   * what is still missing, which is the question that was open. No target: the answer just given.
   */
  private async correct(dc: DialogContext, state: WalkState, keys: string[], language: TurnLanguage) {
    if (keys.length === 0) return this.goBack(dc, state, language);
    const target = keys.map((key) => this.source.find(key)).find((question) => question !== undefined);
    state.pending = {};
    state.failures = 0;
    if (!target) {
      await dc.context.sendActivity(language.t('talk:correct.notHere'));
      const current = state.current ? this.source.find(state.current) : undefined;
      return current ? this.ask(dc, state, current, false) : this.askNext(dc, state);
    }
    await dc.context.sendActivity(language.t('talk:correct.going'));
    return this.ask(dc, state, target, false);
  }

  private async goBack(dc: DialogContext, state: WalkState, language: TurnLanguage) {
    const previousKey = state.history.pop();
    // A resumed draft has no history in this walk: the source knows which question came before.
    const previous = previousKey
      ? this.source.find(previousKey)
      : await this.source.previous?.(dc.context, await this.source.load(dc.context), state.current);
    state.pending = {};
    state.failures = 0;
    state.facts = undefined;
    if (!previous) {
      await dc.context.sendActivity(language.t('questionnaire:noPrevious'));
      const current = state.current ? this.source.find(state.current) : undefined;
      return current ? this.ask(dc, state, current, false) : this.askNext(dc, state);
    }
    return this.ask(dc, state, previous, true);
  }

  private async afterFacts(dc: DialogContext, state: WalkState, next: FactsNext) {
    if (next.next === 'wait') return Dialog.EndOfTurn;
    const question = next.next === 'ask' ? this.source.find(next.key) : undefined;
    return question ? this.ask(dc, state, question, true) : this.askNext(dc, state);
  }

  private async askNext(dc: DialogContext, state: WalkState): Promise<DialogTurnResult> {
    if (state.facts?.stage === 'held' && (await this.facts.show(dc.context, state, languageOf(dc.context)))) {
      return Dialog.EndOfTurn;
    }
    const answers = await this.source.load(dc.context);
    const question = this.source.next(answers, this.source.questionContext(dc.context));
    if (!question) return dc.endDialog({ outcome: 'done' } satisfies QuestionnaireResult);
    return this.ask(dc, state, question, true);
  }

  private async ask(dc: DialogContext, state: WalkState, question: Question<C>, withProgress: boolean) {
    state.current = question.key;
    if (this.funnel) funnelEvents.questionReached(dc.context, this.funnel, question.key);
    await dc.context.sendActivity(
      await this.prompt(dc.context, question, withProgress ? state : undefined, state.opener),
    );
    return Dialog.EndOfTurn;
  }

  private async prompt(context: TurnContext, question: Question<C>, walk?: WalkState, opener = false) {
    const { t } = languageOf(context);
    const qc = this.source.questionContext(context);
    const answers = await this.source.load(context);
    let text = t(question.promptKey, question.promptParams?.(qc, answers));
    const progress =
      walk && this.source.progress
        ? this.source.progress(answers, question, qc, { asked: walk.history, total: walk.total })
        : null;
    if (progress && walk) {
      walk.total = progress.total;
      text = `${progressLine(progress, languageOf(context))}\n\n${text}`;
    }
    const titles = (question.choices ?? []).map((c) => t(c.labelKey));
    if (opener) {
      text = `${t('facts:opener.offer')}\n\n${text}`;
      titles.push(t('facts:opener.describe'), t('facts:opener.oneByOne'));
    }
    const message = titles.length > 0 ? messageWithChoices(context, text, titles) : { type: 'message', text };
    return markQuestion(message, question.key);
  }

  private show(display: Display | undefined, value: AnswerValue, language: TurnLanguage): string {
    if (!display) return String(value);
    return 'literal' in display ? display.literal : language.t(display.key, display.params);
  }
}

/**
 * What the bot's message asks, for a client or a test script: `channelData.alize.questionId` is the question's
 * key (`commune`, `company.siret`), `pending` says the message confirms or chooses a reading of its answer.
 * Channels ignore channel data they do not know; nothing of the user's answer is in it.
 */
export interface QuestionChannelData {
  questionId: string;
  pending?: 'confirm' | 'choose';
}

function markQuestion(message: Partial<Activity>, questionId: string, pending?: 'confirm' | 'choose') {
  const alize: QuestionChannelData = pending ? { questionId, pending } : { questionId };
  return { ...message, channelData: { ...(message.channelData as object | undefined), alize } };
}

/** The reading whose button was clicked (its title, or its number on a plain-text channel). */
function pickReading<T extends { shown: string }>(readings: T[], text: string): T | undefined {
  const byTitle = readings.find((r) => commandKey(r.shown) === commandKey(text));
  if (byTitle || readings.length < 2 || !/^\d$/.test(text.trim())) return byTitle;
  return readings[Number(text.trim()) - 1];
}
