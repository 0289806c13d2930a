import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ContactRequestStore } from '../storage/contactRequests.js';
import { displayUserId } from '../storage/displayUserId.js';
import { CallbackSource } from './callbackSource.js';
import { messageWithChoices } from './choices.js';
import { IS_INTERLOCUTOR, formatPhone } from './domain/applicationFieldsContact.js';
import { isOpen, nextOpening } from './domain/officeHours.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { FlowResult } from './flow.js';
import { formatClockTime, formatDayWithWeekday } from './formatting.js';
import { parseYesNo } from './french/yesNo.js';
import { commandKey } from './globalCommands.js';
import { answerText } from './questionnaire/answerText.js';
import type { Answers } from './questionnaire/question.js';
import { QuestionnaireDialog, type QuestionnaireResult } from './questionnaire/questionnaireDialog.js';
import { languageOf, type TurnLanguage } from './translator.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';

export const CONTACT_ADVISOR_DIALOG = 'contactAdvisor';
const STEPS = 'contactAdvisorSteps';
const CALLBACK = 'callbackQuestions';

/** Sends a line to the advisors' own conversation (a Teams channel, say), if one is configured. */
export type AdvisorAlert = (text: string) => Promise<void>;

export interface ContactAdvisorDeps {
  profiles: ProfileAccessor;
  callbackAnswers: StatePropertyAccessor<Answers>;
  requests: ContactRequestStore;
  settings: ProgrammeSettings;
  clock: () => Date;
  alertAdvisors: AdvisorAlert;
}

/**
 * "Parler à un conseiller": during office hours the request is queued as a handoff and the advisors are
 * alerted; after hours (or on a public holiday) the bot says when they are back, takes a callback request
 * if the user wants one, and carries on helping.
 */
export class ContactAdvisorDialog extends ComponentDialog {
  constructor(private readonly deps: ContactAdvisorDeps) {
    super(CONTACT_ADVISOR_DIALOG);
    this.addDialog(new QuestionnaireDialog(CALLBACK, new CallbackSource(deps.callbackAnswers)));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.start.bind(this),
        this.answer.bind(this),
        this.afterCallback.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const now = this.deps.clock();
    if (isOpen(this.deps.settings, now)) {
      await step.context.sendActivity(language.t('contact:open.askReason'));
      return Dialog.EndOfTurn;
    }
    await step.context.sendActivity(this.closedMessage(language, now));
    await step.context.sendActivity(
      messageWithChoices(step.context, language.t('contact:closed.offerCallback'), [
        language.t('contact:closed.yes'),
        language.t('contact:closed.no'),
      ]),
    );
    (step.values as { closed?: boolean }).closed = true;
    return Dialog.EndOfTurn;
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const text = answerText(step.context.activity);
    if ((step.values as { closed?: boolean }).closed) {
      const yes = commandKey(text) === commandKey(language.t('contact:closed.yes')) || isYes(text, language);
      if (!yes) {
        await step.context.sendActivity(language.t('contact:closed.declined'));
        return step.endDialog({} satisfies FlowResult);
      }
      // The name and phone already in the file are not asked again (when the file's contact is the user).
      const known = await this.knownContact(step.context);
      await this.deps.callbackAnswers.set(step.context, known);
      await step.context.sendActivity(language.t('contact:callback.notice'));
      if (known.name !== undefined && known.phone !== undefined) {
        await step.context.sendActivity(
          language.t('contact:callback.known', { name: known.name, phone: formatPhone(String(known.phone)) }),
        );
      }
      return step.beginDialog(CALLBACK);
    }
    if (text.length < 3) {
      await step.context.sendActivity(language.t('contact:open.reasonTooShort'));
      return step.replaceDialog(STEPS);
    }
    const summary = await this.summary(step.context, language);
    const { activity } = step.context;
    await this.deps.requests.add({
      kind: 'handoff',
      userId: activity.from.id,
      reason: text,
      summary,
      conversationReference: TurnContext.getConversationReference(activity),
      now: this.deps.clock(),
    });
    await this.deps.alertAdvisors(
      language.t('contact:advisorAlert', {
        userId: displayUserId(activity.from.id),
        channelId: activity.channelId,
        reason: text,
        summary,
      }),
    );
    await step.context.sendActivity(language.t('contact:open.queued'));
    return step.endDialog({} satisfies FlowResult);
  }

  private async afterCallback(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as QuestionnaireResult | undefined;
    if (result?.outcome !== 'done') return step.endDialog({} satisfies FlowResult);
    const language = languageOf(step.context);
    const answers = await this.deps.callbackAnswers.get(step.context, {});
    const now = this.deps.clock();
    await this.deps.requests.add({
      kind: 'callback',
      userId: step.context.activity.from.id,
      name: String(answers.name),
      phone: String(answers.phone),
      preferredMoment: String(answers.moment),
      now,
    });
    await this.deps.callbackAnswers.delete(step.context);
    const opening = nextOpening(this.deps.settings, now);
    await step.context.sendActivity(
      language.t('contact:callback.stored', {
        phone: String(answers.phone),
        moment: String(answers.moment),
        day: opening ? formatDayWithWeekday(opening.localDate, language.locale) : '—',
        time: opening ? formatClockTime(opening.localTime, language.locale) : '—',
      }),
    );
    return step.endDialog({} satisfies FlowResult);
  }

  /** The name and phone of the draft's contact, when that contact is the user (not someone they named). */
  private async knownContact(context: TurnContext): Promise<Answers> {
    const answers = (await profileOf(this.deps.profiles, context)).application?.answers ?? {};
    if (answers[IS_INTERLOCUTOR] === false) return {};
    const { 'contact.firstName': first, 'contact.lastName': last, 'contact.phone': phone } = answers;
    const known: Answers = {};
    if (typeof first === 'string' && typeof last === 'string') known.name = `${first} ${last}`;
    if (typeof phone === 'string') known.phone = phone;
    return known;
  }

  private closedMessage(language: TurnLanguage, now: Date): string {
    const { officeHours } = this.deps.settings;
    const opening = nextOpening(this.deps.settings, now);
    const weekdays = officeHours.days.join(',') === 'monday,tuesday,wednesday,thursday,friday';
    const days = weekdays ? language.t('contact:hours.weekdays') : officeHours.days.join(', ');
    const hours = officeHours.periods
      .map((p) =>
        language.t('contact:hours.period', {
          from: formatClockTime(p.from, language.locale),
          to: formatClockTime(p.to, language.locale),
        }),
      )
      .join(language.t('contact:hours.and'));
    return language.t('contact:closed.intro', {
      days,
      hours,
      day: opening ? formatDayWithWeekday(opening.localDate, language.locale) : '—',
      time: opening ? formatClockTime(opening.localTime, language.locale) : '—',
    });
  }

  /** Where the user stands, for the advisor: no personal data beyond what the advisor needs to start. */
  private async summary(context: TurnContext, language: TurnLanguage): Promise<string> {
    const profile = await profileOf(this.deps.profiles, context);
    const parts: string[] = [];
    const verdict = profile.eligibility?.verdict?.verdict;
    if (verdict) {
      parts.push(
        language.t('contact:summary.verdict', {
          verdict: language.t(`contact:summary.verdictLabel.${verdict}`),
        }),
      );
    }
    if (profile.application) {
      parts.push(
        language.t('contact:summary.draft', { count: Object.keys(profile.application.answers).length }),
      );
    }
    if (profile.submitted?.length) {
      const references = profile.submitted.map((s) => s.reference).join(', ');
      parts.push(language.t('contact:summary.submitted', { references }));
    }
    return parts.length > 0 ? parts.join(' ') : language.t('contact:summary.none');
  }
}

function isYes(text: string, language: TurnLanguage): boolean {
  const parsed = parseYesNo(text, language.locale);
  return parsed.ok && parsed.value;
}
