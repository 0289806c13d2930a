import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { DRAFT_VERSION } from './domain/draftMigration.js';
import { APPLICATION_FACT_KEYS } from './domain/factTargets.js';
import {
  findField,
  missingFields,
  previousField,
  progressOf,
  type ApplicationContext,
} from './domain/applicationForm.js';
import { NOTICE_ACKNOWLEDGED, noticeParams } from './domain/applicationFieldsContact.js';
import { ELIGIBILITY, type EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import { stopsAtGate, turnDraftVerdict } from './ineligibleGate.js';
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
import type { QuestionnaireSource, WalkProgress } from './questionnaire/questionnaireDialog.js';
import { languageOf } from './translator.js';
import { withoutRegisterSource } from './companyLookupRecord.js';
import { profileOf, type ApplicationDraft, type ProfileAccessor, type UserProfile } from './userProfile.js';

export const NOTICE_KEY = NOTICE_ACKNOWLEDGED;

/**
 * The information notice (GDPR art. 13) as a question of its own, asked just before the first personal field:
 * its answer is the moment the user acknowledged it.
 */
function noticeQuestion(): Question<ApplicationContext> {
  return {
    key: NOTICE_KEY,
    promptKey: 'applicationFlow:notice.text',
    promptParams: ({ settings }) => noticeParams(settings),
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

/** Set by `load` for the turn: whether the draft's verdict is NO, so the walk stops and the gate is shown. */
const AT_GATE = Symbol('alize.applicationAtGate');

/** The form's context, and whether the walk must stop at the ineligibility gate. */
type WalkContext = ApplicationContext & { atGate?: boolean };

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
    private readonly rules: EligibilityRuleSet = ELIGIBILITY,
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
    const profile = await profileOf(this.profiles, context);
    // The draft as read now; its verdict is weighed only if the walk asks whether it stops at the gate.
    const { application, eligibility } = profile;
    const read: UserProfile = {
      ...(application ? { application: { ...application } } : {}),
      ...(eligibility ? { eligibility } : {}),
    };
    context.turnState.set(AT_GATE, () =>
      stopsAtGate(turnDraftVerdict(context, read, this.rules, this.settings, this.clock), read),
    );
    return profile.application?.answers ?? {};
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

  next(answers: Answers, context: WalkContext): Question<ApplicationContext> | null {
    // A NO ends the walk: the file cannot be accepted as it stands, and the dialog says what can be done.
    if (context.atGate) return null;
    const field = missingFields(answers, context)[0];
    if (!field) return null;
    return field.personal && !answers[NOTICE_KEY] ? NOTICE : field;
  }

  find(key: string): Question<ApplicationContext> | undefined {
    return key === NOTICE_KEY ? NOTICE : findField(key);
  }

  questionContext(context: TurnContext): WalkContext {
    const atGate = context.turnState.get(AT_GATE) as (() => boolean) | undefined;
    return {
      settings: this.settings,
      locale: languageOf(context).locale,
      now: this.clock(),
      get atGate() {
        return atGate?.() === true;
      },
    };
  }

  progress(
    answers: Answers,
    question: Question<ApplicationContext>,
    context: ApplicationContext,
    walk: WalkProgress,
  ) {
    const field = findField(question.key);
    return field ? progressOf(answers, field, context, walk) : null;
  }

  /** *Retour* in a resumed draft: the question answered before this one, not one the check answered. */
  async previous(context: TurnContext, answers: Answers, key: string | undefined) {
    const profile = await profileOf(this.profiles, context);
    const known = this.rules.prefill((profile.eligibility?.answers ?? {}) as EligibilityAnswers);
    return previousField(answers, key, known, this.questionContext(context));
  }
}
