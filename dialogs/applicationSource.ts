import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { DRAFT_VERSION } from './domain/draftMigration.js';
import { APPLICATION_FACT_KEYS } from './domain/factTargets.js';
import { findField, missingFields, progressOf, type ApplicationContext } from './domain/applicationForm.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { foldForMatch } from './french/normalize.js';
import { parseYesNo } from './french/yesNo.js';
import {
  answerOf,
  invalid,
  type Answers,
  type AnswerValue,
  type Question,
} from './questionnaire/question.js';
import type { FactTargets } from './questionnaire/factTargets.js';
import type { QuestionnaireSource } from './questionnaire/questionnaireDialog.js';
import { languageOf } from './translator.js';
import { withoutRegisterSource } from './companyLookupRecord.js';
import { profileOf, type ApplicationDraft, type ProfileAccessor } from './userProfile.js';

export const NOTICE_KEY = 'notice.acknowledgedAt';

/**
 * The information notice (GDPR art. 13) as a question of its own, asked just before the first personal field:
 * its answer is the moment the user acknowledged it.
 */
function noticeQuestion(): Question<ApplicationContext> {
  return {
    key: NOTICE_KEY,
    promptKey: 'applicationFlow:notice.text',
    promptParams: ({ settings }) => ({
      controller: settings.dataProtection.controller,
      dpoEmail: settings.dataProtection.dpoEmail,
      complaintUrl: settings.dataProtection.complaintUrl,
      draftIdleDays: settings.retention.draftIdleDays,
      fileYears: settings.retention.fileYearsAfterDecision,
    }),
    exampleKey: 'applicationFlow:notice.example',
    choices: [{ value: 'accept', labelKey: 'applicationFlow:notice.accept' }],
    interpret(text, { now, locale }) {
      const yes = parseYesNo(text, locale);
      const acknowledged = /\b(lu|accept\w*|compris|pris connaissance|d accord|ok|read|agree\w*)\b/;
      if (
        text === 'accept' ||
        (yes.ok && yes.value) ||
        acknowledged.test(foldForMatch(text).replace(/'/g, ' '))
      ) {
        return answerOf(now.toISOString());
      }
      return invalid('applicationFlow:notice.required');
    },
  };
}

const NOTICE = noticeQuestion();

export function newDraft(now: Date, answers: Answers = {}): ApplicationDraft {
  const at = now.toISOString();
  return { id: randomUUID(), version: DRAFT_VERSION, answers, startedAt: at, updatedAt: at };
}

/** The application form as a questionnaire: answers in the user's draft, the form definition picks the order. */
export class ApplicationSource implements QuestionnaireSource<ApplicationContext> {
  /** A sentence's facts fill the file's own questions. */
  readonly facts: FactTargets;

  constructor(
    private readonly profiles: ProfileAccessor,
    private readonly settings: ProgrammeSettings,
    private readonly clock: () => Date,
  ) {
    this.facts = {
      own: APPLICATION_FACT_KEYS,
      factContext: (context) => ({
        territory: this.settings.territory,
        locale: languageOf(context).locale,
        now: this.clock(),
      }),
    };
  }

  async load(context: TurnContext): Promise<Answers> {
    return (await profileOf(this.profiles, context)).application?.answers ?? {};
  }

  async save(context: TurnContext, key: string, value: AnswerValue): Promise<void> {
    const profile = await profileOf(this.profiles, context);
    const now = this.clock();
    const draft = profile.application ?? newDraft(now);
    // An answer given by the owner is theirs, even where the register had filled it.
    draft.answers = { ...withoutRegisterSource(draft.answers, key), [key]: value };
    draft.updatedAt = now.toISOString();
    profile.application = draft;
    await this.profiles.set(context, profile);
  }

  next(answers: Answers, context: ApplicationContext): Question<ApplicationContext> | null {
    const field = missingFields(answers, context)[0];
    if (!field) return null;
    return field.personal && !answers[NOTICE_KEY] ? NOTICE : field;
  }

  find(key: string): Question<ApplicationContext> | undefined {
    return key === NOTICE_KEY ? NOTICE : findField(key);
  }

  questionContext(context: TurnContext): ApplicationContext {
    return { settings: this.settings, locale: languageOf(context).locale, now: this.clock() };
  }

  progress(answers: Answers, question: Question<ApplicationContext>, context: ApplicationContext) {
    const field = findField(question.key);
    return field ? progressOf(answers, field, context) : null;
  }
}
