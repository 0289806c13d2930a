import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import { ApplicationSource, newDraft } from './applicationSource.js';
import { readNewerDraft } from './draftVersions.js';
import { submitDraft, type SubmissionDeps } from './applicationSubmission.js';
import { AFTER_SUBMISSION, afterSubmissionDialog } from './afterSubmission.js';
import { messageWithChoices } from './choices.js';
import { applicableFields, plannedQuestions } from './domain/applicationForm.js';
import { fieldNamed } from './editTarget.js';
import { ELIGIBILITY, type EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { FlowOptions, FlowResult } from './flow.js';
import type { HandoverStore } from './handover.js';
import { formatDate } from './formatting.js';
import { ownerOf } from './owner.js';
import { commandKey } from './globalCommands.js';
import {
  QuestionnaireDialog,
  type QuestionnaireOptions,
  type QuestionnaireResult,
} from './questionnaire/questionnaireDialog.js';
import { knownFromCheck } from './carriedFacts.js';
import { answerText } from './questionnaire/answerText.js';
import {
  EDIT_ACTION,
  SUBMIT_ACTION,
  recapCard,
  recapGroups,
  recapText,
  supportsAdaptiveCards,
} from './recap.js';
import { languageOf } from './translator.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';
import type { CompanyLookupOptions, CompanyLookupResult } from './companyLookupDialog.js';
import { withRegisterAnswers } from './companyLookupRecord.js';
import { siretIn } from './openingSiret.js';
import { REGISTER_PREFILL_KEY } from './domain/companyRegisterAnswers.js';
import type { Answers } from './questionnaire/question.js';
import { gateMessage, readGateChoice, stopsAtGate, turnDraftVerdict } from './ineligibleGate.js';
import { correctedField, WARNING_FIELDS } from './submissionWarnings.js';
import { documentsGroup } from './recapDocuments.js';
import type { DocumentStore } from '../storage/documentStore.js';
import { draftDocumentsOwner } from '../storage/documentsAtSubmission.js';
import { funnelEvents } from './funnelEvents.js';

export const APPLY_DIALOG = 'apply';
const QUESTIONS = 'applicationQuestions';
const STEPS = 'applicationSteps';

export interface ApplyOptions extends FlowOptions {
  /** "Reprendre mon dossier": continue the draft without asking. */
  resume?: boolean;
  /** Back from *modifier*: straight to the questions still missing, then the recap. */
  afterEdit?: boolean;
  /** Ask this answer first (the one that made the verdict NO), then whatever is missing. */
  startAt?: string;
  /** The owner was just warned before sending: wait for their choice without showing the recap again. */
  waitAtRecap?: boolean;
}

type Values = { fields?: string[]; opening?: string; atGate?: boolean };
/** The answer named with *modifier* at the recap, opened at once. */
type EditTarget = { edit: string };

/**
 * The application file: choose or resume the draft, walk the form (generic questionnaire), show the recap
 * (Adaptive Card, or text), let the user modify any answer, and hand the file to the committee queue.
 */
export class ApplicationDialog extends ComponentDialog {
  private readonly source: ApplicationSource;

  constructor(
    private readonly profiles: ProfileAccessor,
    private readonly settings: ProgrammeSettings,
    private readonly clock: () => Date,
    private readonly queue: ApplicationQueue,
    private readonly handovers?: HandoverStore,
    private readonly rules: EligibilityRuleSet = ELIGIBILITY,
    /** The company lookup, offered before a new draft when this owner has not been offered it yet. */
    private readonly lookup?: Dialog,
    /** The supporting documents kept with the draft, listed in the recap (received and missing pieces). */
    private readonly documents?: DocumentStore,
    /** The e-mailed receipt and the PDF download offered at submission. */
    private readonly submission: Pick<SubmissionDeps, 'receipts' | 'offersDownload'> = {},
  ) {
    super(APPLY_DIALOG);
    if (lookup) this.addDialog(lookup);
    this.source = new ApplicationSource(profiles, settings, clock, rules);
    this.addDialog(new QuestionnaireDialog(QUESTIONS, this.source, 'application'));
    // A second click on the recap's « Envoyer » says the file was sent, with its reference, as at the menu.
    this.addDialog(
      afterSubmissionDialog((step, card) =>
        card.entry === APPLY_DIALOG && card.action === SUBMIT_ACTION
          ? step.replaceDialog(STEPS, { cardAction: SUBMIT_ACTION } satisfies ApplyOptions)
          : step.endDialog({} satisfies FlowResult),
      ),
    );
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.chooseDraft.bind(this),
        this.startQuestions.bind(this),
        this.showRecap.bind(this),
        this.onRecap.bind(this),
        this.editField.bind(this),
        this.backToRecap.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async chooseDraft(step: WaterfallStepContext<ApplyOptions>): Promise<DialogTurnResult> {
    const options = step.options ?? {};
    if (options.afterEdit) return step.next('continue');
    if (options.handoverCode) return this.claimHandover(step, options.handoverCode);
    if (options.cardAction === SUBMIT_ACTION) {
      // "Envoyer" on a recap card shown earlier: submit the draft if it is complete, or say it was sent.
      const outcome = await submitDraft(step.context, this.submissionDeps());
      if (outcome === 'warned') {
        return step.replaceDialog(STEPS, { afterEdit: true, waitAtRecap: true } satisfies ApplyOptions);
      }
      if (outcome === 'submitted' && this.submission.offersDownload)
        return step.replaceDialog(AFTER_SUBMISSION);
      if (outcome !== 'incomplete' && outcome !== 'ineligible')
        return step.endDialog({} satisfies FlowResult);
      return step.next('continue');
    }
    const profile = await profileOf(this.profiles, step.context);
    const { t } = languageOf(step.context);
    if (profile.application && !options.restart) {
      // Saved by a newer assistant (a rollback): its answers are kept, those this form knows are used.
      if (readNewerDraft(step.context)) {
        await step.context.sendActivity(t('applicationFlow:draft.newerVersion'));
      }
      if (options.resume) {
        await step.context.sendActivity(t('applicationFlow:draft.resuming'));
        return step.next('continue');
      }
      const answered = Object.keys(profile.application.answers).length;
      await step.context.sendActivity(
        messageWithChoices(step.context, t('applicationFlow:draft.found', { count: answered }), [
          t('applicationFlow:draft.resume'),
          t('applicationFlow:draft.startAgain'),
        ]),
      );
      return Dialog.EndOfTurn;
    }
    if (options.resume) {
      // The confirmation of a submission may never have reached the user (connection lost): "resume" then
      // says where that file went, rather than silently opening an empty one.
      const sent = await this.lastSent(step.context, profile.submitted);
      if (sent) {
        await step.context.sendActivity(
          t('applicationFlow:draft.alreadySent', {
            reference: sent.reference,
            date: formatDate(sent.submittedAt, languageOf(step.context).locale),
          }),
        );
        return step.endDialog({} satisfies FlowResult);
      }
      await step.context.sendActivity(t('applicationFlow:draft.none'));
    }
    // A first message that said what the company is ("SARL de 12 salariés à Alès") fills the new file; a SIRET
    // in it starts the company lookup with no question.
    if (options.opening) (step.values as Values).opening = options.opening;
    const query = options.companyQuery ?? siretIn(options.opening);
    if (this.lookup && (query || !profile.companyLookup)) {
      return step.beginDialog(this.lookup.id, (query ? { query } : {}) satisfies CompanyLookupOptions);
    }
    await this.startNewDraft(step);
    return step.next('continue');
  }

  private async startQuestions(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isLookupResult(step.result)) {
      await this.startNewDraft(step);
    } else if (step.result !== 'continue') {
      const { t } = languageOf(step.context);
      const startAgain =
        commandKey(answerText(step.context.activity)) === commandKey(t('applicationFlow:draft.startAgain'));
      if (startAgain) await this.startNewDraft(step);
      else await step.context.sendActivity(t('applicationFlow:draft.resuming'));
    }
    const startAt = (step.options as ApplyOptions | undefined)?.startAt;
    const opening = (step.values as Values).opening;
    const options: QuestionnaireOptions | undefined = startAt
      ? { startAt }
      : opening
        ? { sentence: opening }
        : undefined;
    return step.beginDialog(QUESTIONS, options);
  }

  private async showRecap(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as QuestionnaireResult | undefined;
    if (result?.outcome === 'advisor') return step.endDialog({ next: 'advisor' } satisfies FlowResult);
    if (result?.outcome !== 'done') return step.endDialog({} satisfies FlowResult);
    const language = languageOf(step.context);
    if ((step.options as ApplyOptions | undefined)?.waitAtRecap) return Dialog.EndOfTurn;
    const profile = await profileOf(this.profiles, step.context);
    const verdict = turnDraftVerdict(step.context, profile, this.rules, this.settings, this.clock);
    if (verdict && stopsAtGate(verdict, profile)) {
      (step.values as Values).atGate = true;
      await step.context.sendActivity(
        gateMessage(step.context, language, verdict, this.rules, this.settings),
      );
      return Dialog.EndOfTurn;
    }
    if (verdict?.verdict === 'NO') {
      await step.context.sendActivity(language.t('applicationFlow:ineligible.recapNote'));
    }
    const answers = await this.source.load(step.context);
    const groups = recapGroups(answers, this.source.questionContext(step.context), language);
    if (this.documents && profile.application) {
      const kept = await this.documents.list(draftDocumentsOwner(profile.application.id));
      groups.push(
        documentsGroup(this.settings.documents, kept, language, {
          now: this.clock(),
          timeZone: this.settings.timeZone,
        }),
      );
    }
    const actions = [language.t('applicationFlow:recap.submit'), language.t('applicationFlow:recap.edit')];
    if (supportsAdaptiveCards(step.context.activity.channelId)) {
      await step.context.sendActivity({ type: 'message', attachments: [recapCard(groups, language)] });
    } else {
      await step.context.sendActivity(messageWithChoices(step.context, recapText(groups, language), actions));
    }
    return Dialog.EndOfTurn;
  }

  private async onRecap(step: WaterfallStepContext<ApplyOptions>): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const { t } = language;
    if ((step.values as Values).atGate) return this.onGate(step);
    // "Corriger : Coût total du projet" after a warning: straight to that answer, then back to the recap.
    const corrected = correctedField(t, answerText(step.context.activity), WARNING_FIELDS);
    if (corrected)
      return step.replaceDialog(STEPS, { afterEdit: true, startAt: corrected } satisfies ApplyOptions);
    const action = recapAction(step.context, t);
    if (action === SUBMIT_ACTION) {
      const outcome = await submitDraft(step.context, this.submissionDeps());
      if (outcome === 'incomplete' || outcome === 'ineligible')
        return step.replaceDialog(STEPS, { afterEdit: true } satisfies ApplyOptions);
      if (outcome === 'warned') {
        return step.replaceDialog(STEPS, { afterEdit: true, waitAtRecap: true } satisfies ApplyOptions);
      }
      if (outcome === 'submitted' && this.submission.offersDownload)
        return step.replaceDialog(AFTER_SUBMISSION);
      return step.endDialog({} satisfies FlowResult);
    }
    if (action !== EDIT_ACTION) {
      await step.context.sendActivity(t('applicationFlow:recap.chooseAction'));
      return step.replaceDialog(STEPS, { afterEdit: true } satisfies ApplyOptions);
    }
    const answers = await this.source.load(step.context);
    const fields = applicableFields(answers, this.source.questionContext(step.context));
    (step.values as Values).fields = fields.map((f) => f.key);
    // "Modifier e-mail", "modifier le chiffre d'affaires": that answer at once, not the list of all of them.
    const named = fieldNamed(answerText(step.context.activity), (step.values as Values).fields!, t);
    if (named) return step.next({ edit: named } satisfies EditTarget);
    const list = fields.map((field, index) => `${index + 1}. ${t(field.labelKey)}`).join('\n');
    await step.context.sendActivity(`${t('applicationFlow:edit.which')}\n\n${list}`);
    return Dialog.EndOfTurn;
  }

  private async editField(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const named = (step.result as EditTarget | undefined)?.edit;
    if (named) return step.beginDialog(QUESTIONS, { startAt: named });
    const keys = (step.values as Values).fields ?? [];
    const text = answerText(step.context.activity);
    const byNumber = /^\d+$/.test(text) ? keys[Number(text) - 1] : undefined;
    const key = byNumber ?? fieldNamed(text, keys, t);
    if (!key) {
      await step.context.sendActivity(t('applicationFlow:edit.unknown'));
      return step.replaceDialog(STEPS, { afterEdit: true } satisfies ApplyOptions);
    }
    return step.beginDialog(QUESTIONS, { startAt: key });
  }

  private async backToRecap(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as QuestionnaireResult | undefined;
    if (result?.outcome === 'advisor') return step.endDialog({ next: 'advisor' } satisfies FlowResult);
    if (result?.outcome === 'paused') return step.endDialog({} satisfies FlowResult);
    return step.replaceDialog(STEPS, { afterEdit: true } satisfies ApplyOptions);
  }

  /** The owner's choice after being told the file cannot be accepted as it stands. */
  private async onGate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const profile = await profileOf(this.profiles, step.context);
    const verdict = turnDraftVerdict(step.context, profile, this.rules, this.settings, this.clock);
    if (!verdict || !profile.application) return step.endDialog({} satisfies FlowResult);
    const choice = readGateChoice(step.context, language, verdict, this.rules);
    switch (choice.action) {
      case 'correct':
        return step.replaceDialog(STEPS, { afterEdit: true, startAt: choice.key } satisfies ApplyOptions);
      case 'advisor':
        return step.endDialog({ next: 'advisor' } satisfies FlowResult);
      case 'examine':
        // An explicit choice, kept with the draft: the file goes to a person as ineligible, never as eligible.
        profile.application.ineligibleReview = true;
        await this.profiles.set(step.context, profile);
        await step.context.sendActivity(language.t('applicationFlow:ineligible.examineChosen'));
        return step.replaceDialog(STEPS, { afterEdit: true } satisfies ApplyOptions);
      case 'menu':
        await step.context.sendActivity(language.t('applicationFlow:ineligible.kept'));
        return step.endDialog({} satisfies FlowResult);
      default:
        await step.context.sendActivity(language.t('applicationFlow:ineligible.chooseAction'));
        return step.replaceDialog(STEPS, { afterEdit: true } satisfies ApplyOptions);
    }
  }

  /** The company types the code its advisor gave it: the pre-screen becomes its own draft, marked as prepared. */
  private async claimHandover(step: WaterfallStepContext, code: string): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const handover = this.handovers ? await this.handovers.claim(code, this.clock()) : undefined;
    if (!handover) {
      await step.context.sendActivity(t('applicationFlow:handover.unknown'));
      return step.endDialog({} satisfies FlowResult);
    }
    const profile = await profileOf(this.profiles, step.context);
    profile.eligibility = handover.eligibility;
    const known = knownFromCheck(handover.eligibility, this.rules);
    profile.application = { ...newDraft(this.clock(), known), advisorId: handover.advisorId };
    await this.profiles.set(step.context, profile);
    funnelEvents.applicationStarted(step.context);
    await step.context.sendActivity(
      t('applicationFlow:handover.accepted', { count: Object.keys(known).length }),
    );
    return step.next('continue');
  }

  /** The user's latest submitted file: from their profile, or the queue when the profile lost track of it. */
  private async lastSent(
    context: TurnContext,
    submitted: { reference: string; submittedAt: string }[] | undefined,
  ): Promise<{ reference: string; submittedAt: string } | undefined> {
    const known = submitted?.at(-1);
    if (known) return known;
    const files = await this.queue.list(ownerOf(context)).catch(() => []);
    return files.at(-1);
  }

  private submissionDeps() {
    return {
      profiles: this.profiles,
      queue: this.queue,
      settings: this.settings,
      now: this.clock(),
      rules: this.rules,
      ...this.submission,
    };
  }

  /** A new draft, with what the eligibility check already knows filled in (never asked twice). */
  private async startNewDraft(step: WaterfallStepContext): Promise<void> {
    const profile = await profileOf(this.profiles, step.context);
    const known = withCheckAnswers(
      withRegisterAnswers({}, profile.companyLookup),
      knownFromCheck(profile.eligibility, this.rules),
    );
    profile.application = newDraft(this.clock(), known);
    await this.profiles.set(step.context, profile);
    funnelEvents.applicationStarted(step.context);
    const { t } = languageOf(step.context);
    const prefilled = Object.keys(known).filter((key) => key !== REGISTER_PREFILL_KEY).length;
    // After a NO of the check, the first thing said is that the file cannot be accepted (the walk's gate).
    if (stopsAtGate(turnDraftVerdict(step.context, profile, this.rules, this.settings, this.clock), profile))
      return;
    const intro = t(prefilled > 0 ? 'applicationFlow:intro.prefilled' : 'applicationFlow:intro.new', {
      count: prefilled,
    });
    // The steps, the number of questions and the time they take, said once at the start.
    const plan = t(
      'applicationFlow:intro.plan',
      plannedQuestions(known, this.source.questionContext(step.context)),
    );
    await step.context.sendActivity(`${intro}\n\n${plan}`);
  }
}

/** The recap answer: a card submit (`value.action`) or the typed/clicked title of one of the two actions. */
function recapAction(context: TurnContext, t: (key: string) => string): string | undefined {
  const value = context.activity.value as { action?: unknown } | undefined;
  if (value && typeof value.action === 'string') return value.action;
  const key = commandKey(answerText(context.activity));
  if (key === commandKey(t('applicationFlow:recap.submit')) || /^(envoyer|submit|send)\b/.test(key))
    return SUBMIT_ACTION;
  if (key === commandKey(t('applicationFlow:recap.edit')) || /^(modifier|edit|change)\b/.test(key))
    return EDIT_ACTION;
  return undefined;
}

const isLookupResult = (result: unknown): result is CompanyLookupResult =>
  typeof result === 'object' && result !== null && 'outcome' in result;

/**
 * The register's answers, then the check's: an answer of the check wins, and leaves the register's list of
 * sources when it differs from what the register said (the owner typed it).
 */
function withCheckAnswers(fromRegister: Answers, fromCheck: Answers): Answers {
  const merged = { ...fromRegister, ...fromCheck };
  const marker = fromRegister[REGISTER_PREFILL_KEY];
  if (!Array.isArray(marker)) return merged;
  const same = (key: string) =>
    fromCheck[key] === undefined || JSON.stringify(fromCheck[key]) === JSON.stringify(fromRegister[key]);
  return { ...merged, [REGISTER_PREFILL_KEY]: marker.filter((key) => typeof key === 'string' && same(key)) };
}
