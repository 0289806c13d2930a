import { TurnContext } from 'botbuilder';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import { missingFields, storedValues } from './domain/applicationForm.js';
import { callWindowStatus, nextCommitteeDate } from './domain/eligibilityVerdict.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { NOTICE_KEY } from './applicationSource.js';
import { REGISTER_PREFILL_KEY } from './domain/companyRegisterAnswers.js';
import { callWindowMessage } from './eligibilityVerdictMessages.js';
import { languageOf } from './translator.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';

export interface SubmissionDeps {
  profiles: ProfileAccessor;
  queue: ApplicationQueue;
  settings: ProgrammeSettings;
  now: Date;
}

/**
 * Hands the user's draft to the committee queue. The draft id is the idempotency key: a double click or a
 * retried request that reaches here twice gets the same file and reference, never a second file.
 */
export type SubmissionOutcome = 'submitted' | 'alreadySubmitted' | 'callClosed' | 'incomplete';

export async function submitDraft(context: TurnContext, deps: SubmissionDeps): Promise<SubmissionOutcome> {
  const { t } = languageOf(context);
  const profile = await profileOf(deps.profiles, context);
  const draft = profile.application;
  const language = languageOf(context);
  if (!draft) {
    const last = profile.submitted?.at(-1);
    await context.sendActivity(
      last
        ? t('applicationFlow:submit.already', { reference: last.reference })
        : t('applicationFlow:draft.none'),
    );
    return 'alreadySubmitted';
  }
  if (callWindowStatus(deps.settings, deps.now).state !== 'open') {
    await context.sendActivity(
      `${t('applicationFlow:submit.callClosed')} ${callWindowMessage(language, deps.settings, deps.now)}`,
    );
    return 'callClosed';
  }
  const formContext = { settings: deps.settings, locale: language.locale, now: deps.now };
  if (missingFields(draft.answers, formContext).length > 0 || !draft.answers[NOTICE_KEY]) {
    await context.sendActivity(t('applicationFlow:submit.incomplete'));
    return 'incomplete';
  }

  const { application } = await deps.queue.submit(
    {
      channel: context.activity.channelId,
      origin: draft.advisorId ? 'advisor' : 'applicant',
      ...(draft.advisorId ? { advisorId: draft.advisorId } : {}),
      userId: context.activity.from.id,
      eligibility: profile.eligibility?.verdict,
      data: {
        ...storedValues(draft.answers),
        [NOTICE_KEY]: draft.answers[NOTICE_KEY],
        ...registerSource(draft.answers[REGISTER_PREFILL_KEY]),
      },
      conversationReference: TurnContext.getConversationReference(context.activity),
      now: deps.now,
    },
    draft.id,
  );

  profile.application = undefined;
  profile.submitted = [
    ...(profile.submitted ?? []).filter((s) => s.reference !== application.reference),
    { reference: application.reference, submittedAt: application.submittedAt },
  ];
  await deps.profiles.set(context, profile);

  const committee = nextCommitteeDate(deps.settings, deps.now);
  const documents = deps.settings.documents
    .map((doc) => `- ${t(`applicationFlow:documents.${doc}`)}`)
    .join('\n');
  // The reference last: on a phone the newest message is the one in view, and it is the one to keep.
  await context.sendActivities([
    {
      type: 'message',
      text: committee
        ? t('applicationFlow:submit.nextCommittee', { date: committee })
        : t('applicationFlow:submit.noCommitteeDate'),
    },
    { type: 'message', text: `${t('applicationFlow:submit.documents')}\n\n${documents}` },
    { type: 'message', text: t('applicationFlow:submit.done', { reference: application.reference }) },
  ]);
  return 'submitted';
}

/** Which answers came from the company register, when some did (the committee sees where they came from). */
function registerSource(marker: unknown): Record<string, string[]> {
  if (!Array.isArray(marker) || marker.length === 0) return {};
  return { [REGISTER_PREFILL_KEY]: marker.filter((key): key is string => typeof key === 'string') };
}
