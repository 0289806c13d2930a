import type { Activity, TurnContext } from 'botbuilder';
import { derivedJobs } from '../domain/factTargets.js';
import {
  extractFacts,
  withoutFacts,
  type FactKind,
  type FactValue,
  type SentenceFact,
} from '../domain/sentenceFacts.js';
import { parseYesNo } from '../french/yesNo.js';
import { messageWithChoices } from '../choices.js';
import { commandKey } from '../globalCommands.js';
import { siretFound, type SiretFound } from '../siretFound.js';
import type { TurnLanguage } from '../translator.js';
import type { Answers, AnswerValue } from './question.js';
import type { QuestionnaireSource } from './questionnaireDialog.js';
import { readAnswer } from './readAnswer.js';

/** Facts of a sentence waiting to be confirmed: held until the question in hand is settled, then shown. */
export interface HeldFacts {
  facts: SentenceFact[];
  stage: 'held' | 'confirm' | 'correct';
  /** What the confirmation showed, in order: the buttons of "which one to correct". */
  shown?: { kind: FactKind; title: string }[];
  /** The check's jobs total is not derived from created and kept jobs (one of them was corrected). */
  noDerived?: boolean;
}

/** What the questionnaire does next: ask whatever is missing, ask one question, or wait for the reply. */
export type FactsNext = { next: 'askNext' } | { next: 'ask'; key: string } | { next: 'wait' };

interface Proposal {
  kind: FactKind;
  key: string;
  value: AnswerValue;
  carried: boolean;
  shownValue: FactValue;
  hidden: boolean;
}

const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

/** The question id of the messages about facts (`channelData.alize`), with `pending` confirm or choose. */
export const FACTS_QUESTION_ID = 'facts';

function mark(message: Partial<Activity>, pending: 'confirm' | 'choose'): Partial<Activity> {
  const alize = { questionId: FACTS_QUESTION_ID, pending };
  return { ...message, channelData: { ...(message.channelData as object | undefined), alize } };
}

/**
 * Several facts understood in one message: what a sentence gives for questions other than the one asked is
 * shown once ("J'ai noté : 12 salariés, Alès… C'est exact ?"), then stored as if each had been answered, after
 * the same validation as its own question (a value its question would refuse or confirm is not taken).
 */
export class SentenceFactsStep<C> {
  constructor(
    private readonly source: QuestionnaireSource<C>,
    private readonly onSiret: SiretFound = siretFound,
  ) {}

  private target(kind: FactKind): { key: string; carried: boolean } | undefined {
    const targets = this.source.facts;
    const own = targets?.own[kind];
    if (own && this.source.find(own)) return { key: own, carried: false };
    const carried = targets?.carried?.keys[kind];
    return carried ? { key: carried, carried: true } : undefined;
  }

  /**
   * A message typed at `currentKey`: the text that question should read (the fact found for it, or the message
   * without the facts of other questions; all of it for a free text such as the project's description), and
   * the facts held for the questions not answered yet.
   */
  /**
   * `fills`: the answers the current question itself reads in the same breath ("une avance de 30 000 €" at the
   * volets): left to it, never held and confirmed a second time.
   */
  async read(
    context: TurnContext,
    text: string,
    currentKey?: string,
    freeText = false,
    fills: readonly string[] = [],
  ) {
    const targets = this.source.facts;
    if (!targets) return { answerText: text, held: [] as SentenceFact[] };
    const { text: normalized, facts } = extractFacts(text, targets.factContext(context));
    if (facts.length === 0) return { answerText: text, held: facts };
    const answers = await this.source.load(context);
    const carried = targets.carried ? await targets.carried.load(context) : {};
    const unanswered = facts.filter((fact) => {
      const target = this.target(fact.kind);
      return target !== undefined && (target.carried ? carried : answers)[target.key] === undefined;
    });
    const current = unanswered.find((fact) => {
      const target = this.target(fact.kind);
      return target !== undefined && target.key === currentKey && !target.carried;
    });
    // Without a fact of its own, the question reads the whole text, and with it what it `fills`.
    const open = current
      ? unanswered
      : unanswered.filter((fact) => {
          const target = this.target(fact.kind);
          return target?.carried === true || !fills.includes(target?.key ?? '');
        });
    const derived =
      currentKey !== undefined && currentKey === targets.own.jobs
        ? derivedJobs(Object.fromEntries(open.map((fact) => [fact.kind, fact.value])))
        : undefined;
    const held = open.filter((fact) => fact !== current);
    const answerText =
      current?.answer ??
      (derived !== undefined ? String(derived) : undefined) ??
      (held.length > 0 && !freeText ? withoutFacts(normalized, held) : text);
    return { answerText, held };
  }

  /** The facts as their questions would store them, in order, each read with the answers before it. */
  private async proposals(context: TurnContext, held: HeldFacts): Promise<Proposal[]> {
    const answers: Answers = { ...(await this.source.load(context)) };
    const carriedFacts = this.source.facts?.carried;
    const carried: Answers = { ...(carriedFacts ? await carriedFacts.load(context) : {}) };
    const qc = this.source.questionContext(context);
    const facts: (SentenceFact & { hidden?: boolean })[] = [...held.facts];
    const derived = held.noDerived
      ? undefined
      : derivedJobs(Object.fromEntries(held.facts.map((fact) => [fact.kind, fact.value])));
    if (derived !== undefined)
      facts.push({ kind: 'jobs', value: derived, answer: String(derived), spans: [], hidden: true });
    const list: Proposal[] = [];
    for (const fact of facts) {
      const target = this.target(fact.kind);
      if (!target) continue;
      const known = target.carried ? carried : answers;
      if (known[target.key] !== undefined) continue;
      const question = target.carried ? undefined : this.source.find(target.key);
      const reading = target.carried
        ? carriedFacts?.read(context, target.key, fact.answer, carried)
        : question && readAnswer(question, fact.answer, answers, qc);
      if (reading?.outcome !== 'store') continue;
      known[target.key] = reading.value;
      list.push({
        kind: fact.kind,
        key: target.key,
        value: reading.value,
        carried: target.carried,
        shownValue: fact.value,
        hidden: fact.hidden === true,
      });
    }
    return list;
  }

  private shown(proposal: { kind: FactKind; shownValue: FactValue }, language: TurnLanguage): string {
    const { kind, shownValue: value } = proposal;
    const { t } = language;
    const params: Record<string, unknown> =
      kind === 'commune' && typeof value === 'object'
        ? { commune: value.name }
        : kind === 'legalForm'
          ? { form: t(`application:choice.legalForm.${String(value)}`) }
          : kind === 'siret'
            ? { siret: formatSiret(String(value)) }
            : kind === 'nafCode'
              ? { code: value }
              : kind === 'companyName'
                ? { name: value }
                : kind === 'turnover' || kind === 'amountRequested'
                  ? { amount: value }
                  : { count: value };
    return t(`facts:shown.${kind}`, params);
  }

  /** Shows the held facts for confirmation; false when none of them is still to take. */
  async show(context: TurnContext, state: { facts?: HeldFacts }, language: TurnLanguage): Promise<boolean> {
    const held = state.facts;
    if (!held) return false;
    const visible = (await this.proposals(context, held)).filter((proposal) => !proposal.hidden);
    if (visible.length === 0) {
      state.facts = undefined;
      return false;
    }
    held.stage = 'confirm';
    held.shown = visible.map((proposal) => ({ kind: proposal.kind, title: this.shown(proposal, language) }));
    await this.sendConfirm(context, held, language);
    return true;
  }

  private async sendConfirm(context: TurnContext, held: HeldFacts, language: TurnLanguage) {
    const { t } = language;
    const facts = (held.shown ?? []).map((shown) => shown.title).join(', ');
    const message = messageWithChoices(context, t('facts:confirm', { facts }), [
      t('questionnaire:yes'),
      t('facts:correct'),
    ]);
    await context.sendActivity(mark(message, 'confirm'));
  }

  private async sendWhich(context: TurnContext, held: HeldFacts, language: TurnLanguage) {
    const { t } = language;
    const titles = [...(held.shown ?? []).map((shown) => shown.title), t('facts:ignoreAll')];
    await context.sendActivity(mark(messageWithChoices(context, t('facts:which'), titles), 'choose'));
  }

  /** Stores what is still valid of the facts, as answers to their questions; returns what was stored. */
  private async store(context: TurnContext, held: HeldFacts): Promise<Proposal[]> {
    const proposals = await this.proposals(context, held);
    for (const proposal of proposals) {
      if (proposal.carried) await this.source.facts?.carried?.save(context, proposal.key, proposal.value);
      else await this.source.save(context, proposal.key, proposal.value);
      if (proposal.kind === 'siret' && typeof proposal.value === 'string')
        await this.onSiret(context, proposal.value);
    }
    return proposals;
  }

  /** The reply to the confirmation or to "which one to correct". */
  async reply(
    context: TurnContext,
    state: { facts?: HeldFacts },
    text: string,
    language: TurnLanguage,
  ): Promise<FactsNext> {
    const held = state.facts!;
    const { t, locale } = language;
    const key = commandKey(text);
    const yesNo = parseYesNo(text, locale);
    if (
      held.stage === 'confirm' &&
      (key === commandKey(t('questionnaire:yes')) || (yesNo.ok && yesNo.value))
    ) {
      await this.store(context, held);
      state.facts = undefined;
      await context.sendActivity(t('facts:noted'));
      return { next: 'askNext' };
    }
    const shown = held.shown ?? [];
    const number = held.stage === 'correct' && /^\d+$/.test(key) ? shown[Number(key) - 1] : undefined;
    const picked =
      number ??
      (held.stage === 'correct' ? shown.find((entry) => commandKey(entry.title) === key) : undefined);
    if (picked) return this.drop(context, state, picked.kind);
    // A correction typed rather than chosen: "non, 14 salariés".
    const targets = this.source.facts;
    const correction = targets ? extractFacts(text, targets.factContext(context)).facts : [];
    if (correction.length > 0) {
      const kinds = new Set(correction.map((fact) => fact.kind));
      const merged: HeldFacts = {
        ...held,
        facts: [...held.facts.filter((fact) => !kinds.has(fact.kind)), ...correction],
      };
      const stored = await this.store(context, merged);
      state.facts = undefined;
      const corrected = stored.filter((proposal) => kinds.has(proposal.kind) && !proposal.hidden);
      if (corrected.length > 0) {
        const facts = corrected.map((proposal) => this.shown(proposal, language)).join(', ');
        await context.sendActivity(t('facts:corrected', { facts }));
      }
      return { next: 'askNext' };
    }
    if (held.stage === 'confirm') {
      if (key === commandKey(t('facts:correct')) || (yesNo.ok && !yesNo.value)) {
        if (shown.length === 1) return this.drop(context, state, shown[0].kind);
        held.stage = 'correct';
        await this.sendWhich(context, held, language);
        return { next: 'wait' };
      }
      await context.sendActivity(t('facts:confirmAgain'));
      await this.sendConfirm(context, held, language);
      return { next: 'wait' };
    }
    if (key === commandKey(t('facts:ignoreAll'))) {
      state.facts = undefined;
      await context.sendActivity(t('facts:ignored'));
      return { next: 'askNext' };
    }
    await this.sendWhich(context, held, language);
    return { next: 'wait' };
  }

  /** The fact to correct is left out, the others are stored, and its question is asked now (when it is ours). */
  private async drop(context: TurnContext, state: { facts?: HeldFacts }, kind: FactKind): Promise<FactsNext> {
    const held = state.facts!;
    const jobs = kind === 'jobsCreated' || kind === 'jobsKept' || kind === 'jobs';
    await this.store(context, {
      ...held,
      facts: held.facts.filter((fact) => fact.kind !== kind),
      noDerived: held.noDerived || jobs,
    });
    state.facts = undefined;
    const target = this.target(kind);
    return target && !target.carried ? { next: 'ask', key: target.key } : { next: 'askNext' };
  }

  /**
   * The reply to the first question asked with the opener's buttons: "Décrire en une phrase" asks for the
   * sentence (the next message is read as it), "Question par question" asks the question again; any other
   * reply is an answer to the question.
   */
  async opener(
    context: TurnContext,
    state: { opener?: boolean; describing?: boolean; current?: string },
    text: string,
    language: TurnLanguage,
  ): Promise<'ask' | 'wait' | undefined> {
    state.describing = false;
    if (!state.opener) return undefined;
    state.opener = false;
    const key = commandKey(text);
    if (key === commandKey(language.t('facts:opener.oneByOne'))) return 'ask';
    if (key !== commandKey(language.t('facts:opener.describe'))) return undefined;
    state.describing = true;
    const alize = { questionId: state.current ?? FACTS_QUESTION_ID };
    await context.sendActivity({
      type: 'message',
      text: language.t('facts:opener.prompt'),
      channelData: { alize },
    });
    return 'wait';
  }
}
