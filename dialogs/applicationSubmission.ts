import { TurnContext } from 'botbuilder';
import type { ApplicationChecks, ApplicationQueue, StoredApplication } from '../storage/applicationQueue.js';
import { amendEach } from '../storage/applicationAmendment.js';
import { missingFields, storedValues } from './domain/applicationForm.js';
import { ELIGIBILITY, type EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import { verdictRecord } from './domain/fileEligibility.js';
import { draftVerdict } from './ineligibleGate.js';
import { submissionWarnings, warnOwner } from './submissionWarnings.js';
import { callWindowStatus } from './domain/eligibilityVerdict.js';
import { submissionNextStep } from './submissionNextStep.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { NOTICE_KEY } from './applicationSource.js';
import { REGISTER_PREFILL_KEY } from './domain/companyRegisterAnswers.js';
import { callWindowMessage } from './eligibilityVerdictMessages.js';
import { languageOf, type SupportedLocale } from './translator.js';
import { funnelEvents } from './funnelEvents.js';
import { messageWithChoices } from './choices.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';

export interface SubmissionDeps {
  profiles: ProfileAccessor;
  queue: ApplicationQueue;
  settings: ProgrammeSettings;
  now: Date;
  rules?: EligibilityRuleSet;
  /** The e-mailed receipt (SMTP_URL and MAIL_FROM set); absent: no mail, and nothing is said about it. */
  receipts?: SubmissionReceipts;
  /** The PDF can be downloaded from the chat: the confirmation offers it with a button. */
  offersDownload?: boolean;
}

/** Queues the receipt of a file just sent; the address it goes to, or undefined when none was given. */
export interface SubmissionReceipts {
  queueReceipt(application: StoredApplication, locale: SupportedLocale): Promise<string | undefined>;
}

/**
 * Hands the user's draft to the committee queue. The draft id is the idempotency key: a double click or a
 * retried request that reaches here twice gets the same file and reference, never a second file.
 */
export type SubmissionOutcome =
  | 'submitted'
  | 'alreadySubmitted'
  | 'callClosed'
  | 'incomplete'
  /** The verdict is NO and the owner has not asked for the file to be examined anyway: the gate is shown. */
  | 'ineligible'
  /** Something the owner should look at first (same SIRET, a cost that does not add up): shown, not sent. */
  | 'warned';

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

  // The verdict of the file as it stands, not the check's: an answer may have been corrected since.
  const verdict = draftVerdict(profile, deps.rules ?? ELIGIBILITY, deps.settings, deps.now)!;
  const ineligible = verdict.verdict === 'NO';
  if (ineligible && !draft.ineligibleReview) return 'ineligible';
  const data = {
    ...storedValues(draft.answers),
    [NOTICE_KEY]: draft.answers[NOTICE_KEY],
    ...registerSource(draft.answers[REGISTER_PREFILL_KEY]),
  };
  const warnings = await submissionWarnings(deps.queue, context, draft.answers, data);
  const unconfirmed = warnings.filter((warning) => !draft.confirmedWarnings?.includes(warning.signature));
  if (unconfirmed.length > 0) {
    draft.confirmedWarnings = [...(draft.confirmedWarnings ?? []), ...unconfirmed.map((w) => w.signature)];
    await deps.profiles.set(context, profile);
    await warnOwner(context, unconfirmed);
    return 'warned';
  }
  const checks: ApplicationChecks = {};
  for (const warning of warnings) Object.assign(checks, warning.checks);
  if (ineligible) checks.ineligibleReview = true;
  const check = profile.eligibility?.verdict;

  const { application, created } = await deps.queue.submit(
    {
      channel: context.activity.channelId,
      origin: draft.advisorId ? 'advisor' : 'applicant',
      ...(draft.advisorId ? { advisorId: draft.advisorId } : {}),
      userId: context.activity.from.id,
      eligibility: { ...verdictRecord(verdict), ...(check ? { check } : {}) },
      ...(Object.keys(checks).length > 0 ? { checks } : {}),
      data,
      conversationReference: TurnContext.getConversationReference(context.activity),
      now: deps.now,
    },
    draft.id,
  );

  // The earlier files of the same SIRET are flagged too: the committee sees the pair from either side.
  if (created) {
    funnelEvents.applicationSubmitted(context);
    // In one write (one lock, one fsync of the folder), however many files the SIRET already has.
    await amendEach(
      deps.queue,
      (checks.duplicateOf ?? []).map((other) => ({
        reference: other,
        amendment: { checks: { duplicateOf: [application.reference] } },
      })),
    );
  }

  profile.application = undefined;
  profile.submitted = [
    ...(profile.submitted ?? []).filter((s) => s.reference !== application.reference),
    { reference: application.reference, submittedAt: application.submittedAt },
  ];
  await deps.profiles.set(context, profile);

  const documents = deps.settings.documents
    .map((doc) => `- ${t(`applicationFlow:documents.${doc}`)}`)
    .join('\n');
  // The reference last: on a phone the newest message is the one in view, and it is the one to keep.
  const next = submissionNextStep(t, deps.settings, deps.now, ineligible);
  // Queued only with the file's creation: a double click never sends a second receipt. A failure to queue it
  // leaves the file sent, and the sentence unsaid.
  const mailedTo =
    created && deps.receipts
      ? await deps.receipts.queueReceipt(application, language.locale).catch(() => undefined)
      : undefined;
  const done = t('applicationFlow:submit.done', { reference: application.reference });
  await context.sendActivities([
    { type: 'message', text: next },
    { type: 'message', text: `${t('applicationFlow:submit.documents')}\n\n${documents}` },
    ...(mailedTo ? [{ type: 'message', text: t('receipts:submit.mailSent', { email: mailedTo }) }] : []),
    deps.offersDownload
      ? messageWithChoices(context, done, [t('receipts:download.button'), t('eligibility:next.menu')])
      : { type: 'message', text: done },
  ]);
  return 'submitted';
}

/** Which answers came from the company register, when some did (the committee sees where they came from). */
function registerSource(marker: unknown): Record<string, string[]> {
  if (!Array.isArray(marker) || marker.length === 0) return {};
  return { [REGISTER_PREFILL_KEY]: marker.filter((key): key is string => typeof key === 'string') };
}
