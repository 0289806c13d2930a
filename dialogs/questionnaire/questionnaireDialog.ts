import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseYesNo } from '../french/yesNo.js';
import { messageWithChoices } from '../choices.js';
import { commandKey, detectGlobalCommand } from '../globalCommands.js';
import { languageOf, type TurnLanguage } from '../translator.js';
import { answerText } from './answerText.js';
import type { AnswerValue, Answers, Display, Question } from './question.js';

/** Where a questionnaire's answers live and which question comes next; the dialog only walks. */
export interface QuestionnaireSource<C> {
  load(context: TurnContext): Promise<Answers>;
  save(context: TurnContext, key: string, value: AnswerValue): Promise<void>;
  next(answers: Answers, context: C): Question<C> | null;
  find(key: string): Question<C> | undefined;
  questionContext(context: TurnContext): C;
  progress?(answers: Answers, question: Question<C>, context: C): { index: number; total: number } | null;
}

/** How a walk ended, for the dialog that started it. */
export type QuestionnaireResult = { outcome: 'done' } | { outcome: 'paused' } | { outcome: 'advisor' };

interface Pending {
  confirm?: { value: AnswerValue; shown: string };
  choose?: { value: AnswerValue; label: string }[];
}

interface WalkState {
  current?: string;
  /** Keys answered during this walk, most recent last: *retour* goes back along it. */
  history: string[];
  failures: number;
  pending: Pending;
}

export const MAX_FAILURES = 3;

/**
 * The one generic dialog that asks a list of questions: one at a time, free French text or buttons, re-asks
 * with the reason and an example, confirms what it is unsure of, lets the user choose when an answer is
 * ambiguous, goes back on *retour*, stops on *pause*, and offers an advisor after three failed answers.
 */
export class QuestionnaireDialog<C> extends Dialog {
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

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as WalkState;
    const language = languageOf(dc.context);
    const text = answerText(activity);
    const command = detectGlobalCommand(text);
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
      const yes = parseYesNo(text, language.locale);
      if (yes.ok) {
        const { value } = state.pending.confirm;
        state.pending = {};
        if (yes.value) return this.accept(dc, state, question, value);
        await dc.context.sendActivity(language.t('questionnaire:confirmRejected'));
        return this.ask(dc, state, question, false);
      }
      // Not a yes or no: take it as a new answer to the question.
      state.pending = {};
    }

    if (state.pending.choose) {
      const candidates = state.pending.choose;
      const picked = /^\d+$/.test(text)
        ? candidates[Number(text) - 1]
        : candidates.find((c) => commandKey(c.label) === commandKey(text));
      state.pending = {};
      if (picked) return this.accept(dc, state, question, picked.value);
    }

    const meaning = this.interpret(question, text, qc, language);
    if (meaning.kind === 'answer') {
      const error = question.validate?.(meaning.value, await this.source.load(dc.context), qc);
      if (error) return this.refuse(dc, state, question, language.t(error.errorKey, error.params));
      if (!meaning.certain) {
        const shown = this.show(meaning.display, meaning.value, language);
        state.pending = { confirm: { value: meaning.value, shown } };
        const yesNo = [language.t('questionnaire:yes'), language.t('questionnaire:no')];
        await dc.context.sendActivity(
          messageWithChoices(dc.context, language.t('questionnaire:confirm', { value: shown }), yesNo),
        );
        return Dialog.EndOfTurn;
      }
      return this.accept(dc, state, question, meaning.value);
    }
    if (meaning.kind === 'choose') {
      state.pending = { choose: meaning.candidates };
      await dc.context.sendActivity(
        messageWithChoices(
          dc.context,
          language.t('questionnaire:chooseOne'),
          meaning.candidates.map((c) => c.label),
        ),
      );
      return Dialog.EndOfTurn;
    }
    return this.refuse(dc, state, question, language.t(meaning.errorKey, meaning.params));
  }

  /**
   * A clicked button sends its title: read it as the button's value first (so "Industrie, fabrication" is the
   * category, not a description to guess from), and fall back to the text itself.
   */
  private interpret(question: Question<C>, text: string, qc: C, language: TurnLanguage) {
    const key = commandKey(text);
    const clicked = (question.choices ?? []).find(
      (choice) => commandKey(language.t(choice.labelKey)) === key,
    );
    if (clicked) {
      const meaning = question.interpret(clicked.value, qc);
      if (meaning.kind !== 'invalid') return meaning;
    }
    return question.interpret(text, qc);
  }

  override async repromptDialog(context: TurnContext, instance: { state: WalkState }): Promise<void> {
    const question = instance.state.current ? this.source.find(instance.state.current) : undefined;
    if (question) await context.sendActivity(await this.prompt(context, question, false));
  }

  private async accept(dc: DialogContext, state: WalkState, question: Question<C>, value: AnswerValue) {
    await this.source.save(dc.context, question.key, value);
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
    const previous = previousKey ? this.source.find(previousKey) : undefined;
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
    await dc.context.sendActivity(await this.prompt(dc.context, question, withProgress));
    return Dialog.EndOfTurn;
  }

  private async prompt(context: TurnContext, question: Question<C>, withProgress: boolean) {
    const { t } = languageOf(context);
    const qc = this.source.questionContext(context);
    let text = t(question.promptKey, question.promptParams?.(qc));
    const progress =
      withProgress && this.source.progress
        ? this.source.progress(await this.source.load(context), question, qc)
        : null;
    if (progress) text = `${t('questionnaire:progress', progress)}\n\n${text}`;
    const titles = (question.choices ?? []).map((c) => t(c.labelKey));
    return titles.length > 0 ? messageWithChoices(context, text, titles) : { type: 'message', text };
  }

  private show(display: Display | undefined, value: AnswerValue, language: TurnLanguage): string {
    if (!display) return String(value);
    return 'literal' in display ? display.literal : language.t(display.key, display.params);
  }
}
