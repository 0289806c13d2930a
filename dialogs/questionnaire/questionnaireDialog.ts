import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseYesNo } from '../french/yesNo.js';
import { messageWithChoices } from '../choices.js';
import { commandKey, routeGlobalCommand, type OpenQuestionDialog } from '../globalCommands.js';
import { languageOf, type TurnLanguage } from '../translator.js';
import { answerEvent } from './answerEvents.js';
import { answerText } from './answerText.js';
import type { AnswerValue, Answers, Display, Question } from './question.js';
import { answersQuestion, readAnswer } from './readAnswer.js';

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
  /** The total the progress line last showed. */
  total?: number;
}

export const MAX_FAILURES = 3;

/**
 * The one generic dialog that asks a list of questions: one at a time, free French text or buttons, re-asks
 * with the reason and an example, confirms what it is unsure of, lets the user choose when an answer is
 * ambiguous, goes back on *retour*, stops on *pause*, and offers an advisor after three failed answers.
 */
export class QuestionnaireDialog<C> extends Dialog implements OpenQuestionDialog {
  constructor(
    id: string,
    private readonly source: QuestionnaireSource<C>,
  ) {
    super(id);
  }

  /** `startAt`: ask this question first even if answered (*modifier*), then whatever is still missing. */
  override async beginDialog(dc: DialogContext, options?: { startAt?: string }): Promise<DialogTurnResult> {
    const state: WalkState = { history: [], failures: 0, pending: {} };
    dc.activeDialog!.state = state;
    const first = options?.startAt ? this.source.find(options.startAt) : undefined;
    return first ? this.ask(dc, state, first, false) : this.askNext(dc, state);
  }

  /** A command typed as an answer the open question recognises is that answer (see routeGlobalCommand). */
  claimsAnswer(dc: DialogContext, text: string): boolean {
    const state = dc.activeDialog?.state as WalkState | undefined;
    const question = state?.current ? this.source.find(state.current) : undefined;
    if (!state || !question || state.pending.confirm || state.pending.choose) return false;
    const { t } = languageOf(dc.context);
    return answersQuestion(question, text, this.source.questionContext(dc.context), {}, t);
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
    if (commandKey(text) === commandKey(language.t('common:menu.advisor'))) {
      return dc.endDialog({ outcome: 'advisor' } satisfies QuestionnaireResult);
    }

    const question = state.current ? this.source.find(state.current) : undefined;
    if (!question) return this.askNext(dc, state);
    const qc = this.source.questionContext(dc.context);

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
    const reading = readAnswer(question, text, answers, qc, language.t);
    if (reading.outcome === 'store') return this.accept(dc, state, question, reading.value, reading.also);
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

  private async goBack(dc: DialogContext, state: WalkState, language: TurnLanguage) {
    const previousKey = state.history.pop();
    // A resumed draft has no history in this walk: the source knows which question came before.
    const previous = previousKey
      ? this.source.find(previousKey)
      : await this.source.previous?.(dc.context, await this.source.load(dc.context), state.current);
    state.pending = {};
    state.failures = 0;
    if (!previous) {
      await dc.context.sendActivity(language.t('questionnaire:noPrevious'));
      const current = state.current ? this.source.find(state.current) : undefined;
      return current ? this.ask(dc, state, current, false) : this.askNext(dc, state);
    }
    return this.ask(dc, state, previous, true);
  }

  private async askNext(dc: DialogContext, state: WalkState): Promise<DialogTurnResult> {
    const answers = await this.source.load(dc.context);
    const question = this.source.next(answers, this.source.questionContext(dc.context));
    if (!question) return dc.endDialog({ outcome: 'done' } satisfies QuestionnaireResult);
    return this.ask(dc, state, question, true);
  }

  private async ask(dc: DialogContext, state: WalkState, question: Question<C>, withProgress: boolean) {
    state.current = question.key;
    await dc.context.sendActivity(await this.prompt(dc.context, question, withProgress ? state : undefined));
    return Dialog.EndOfTurn;
  }

  private async prompt(context: TurnContext, question: Question<C>, walk?: WalkState) {
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
      text = `${progressLine(progress, t)}\n\n${text}`;
    }
    const titles = (question.choices ?? []).map((c) => t(c.labelKey));
    const message = titles.length > 0 ? messageWithChoices(context, text, titles) : { type: 'message', text };
    return markQuestion(message, question.key);
  }

  private show(display: Display | undefined, value: AnswerValue, language: TurnLanguage): string {
    if (!display) return String(value);
    return 'literal' in display ? display.literal : language.t(display.key, display.params);
  }
}

function progressLine({ step, ...count }: Progress, t: TurnLanguage['t']): string {
  if (!step) return t('questionnaire:progress', count);
  return t('questionnaire:progressStep', {
    ...count,
    step: step.index,
    steps: step.total,
    stepName: t(step.labelKey),
  });
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
