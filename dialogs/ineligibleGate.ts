import type { TurnContext } from 'botbuilder';
import { messageWithChoices } from './choices.js';
import { findField } from './domain/applicationForm.js';
import type { EligibilityRuleSet, EligibilityVerdict } from './domain/eligibilityRuleSet.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import { fieldOfRule, fileVerdict } from './domain/fileEligibility.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { commandKey } from './globalCommands.js';
import { detectMenuIntent } from './menuIntents.js';
import { answerText } from './questionnaire/answerText.js';
import type { TurnLanguage } from './translator.js';
import type { UserProfile } from './userProfile.js';

/*
 * A file whose verdict is NO is not sent as if eligible (issue 15): the owner is told plainly, and chooses
 * between correcting the answer that caused the NO, talking to an advisor, the other help, or asking a person
 * to examine the file as it stands.
 */

/** The verdict of the owner's draft, from its answers over those of the check; undefined without a draft. */
export function draftVerdict(
  profile: UserProfile,
  rules: EligibilityRuleSet,
  settings: ProgrammeSettings,
  now: Date,
): EligibilityVerdict | undefined {
  const draft = profile.application;
  if (!draft) return undefined;
  const check = (profile.eligibility?.answers ?? {}) as EligibilityAnswers;
  return fileVerdict(rules, check, draft.answers, { settings, now });
}

const VERDICT_OF_TURN = Symbol('alize.draftVerdictOfTurn');

interface VerdictOfTurn {
  answers: object;
  check: object | undefined;
  verdict: EligibilityVerdict | undefined;
}

/**
 * `draftVerdict` for this turn: the walk reads the draft several times a turn (load, answer, next question) and
 * the verdict weighs every rule. Kept for the turn while the draft's and the check's answers are the same
 * objects: a saved answer always replaces the draft's answers (applicationSource.ts), never edits them.
 */
export function turnDraftVerdict(
  context: TurnContext,
  profile: UserProfile,
  rules: EligibilityRuleSet,
  settings: ProgrammeSettings,
  now: () => Date,
): EligibilityVerdict | undefined {
  const answers = profile.application?.answers;
  if (!answers) return undefined;
  const check = profile.eligibility?.answers;
  const kept = context.turnState.get(VERDICT_OF_TURN) as VerdictOfTurn | undefined;
  if (kept && kept.answers === answers && kept.check === check) return kept.verdict;
  const verdict = draftVerdict(profile, rules, settings, now());
  context.turnState.set(VERDICT_OF_TURN, { answers, check, verdict } satisfies VerdictOfTurn);
  return verdict;
}

/** True when the walk must stop at the gate: NO, and the owner has not asked for the file to be examined anyway. */
export function stopsAtGate(verdict: EligibilityVerdict | undefined, profile: UserProfile): boolean {
  return verdict?.verdict === 'NO' && profile.application?.ineligibleReview !== true;
}

/** The form fields holding the answers that said NO (each once, those the form asks). */
export function fieldsToCorrect(verdict: EligibilityVerdict, rules: EligibilityRuleSet): string[] {
  const keys = verdict.failing
    .map((result) => fieldOfRule(rules, result.ruleId))
    .filter((key): key is string => key !== undefined && findField(key) !== undefined);
  return [...new Set(keys)];
}

const correctTitle = (language: TurnLanguage, key: string) =>
  language.t('applicationFlow:ineligible.correct', { label: language.t(findField(key)!.labelKey) });

export function gateMessage(
  context: TurnContext,
  language: TurnLanguage,
  verdict: EligibilityVerdict,
  rules: EligibilityRuleSet,
  settings: ProgrammeSettings,
) {
  const { t } = language;
  const reasons = verdict.failing.map((result) => `- ${t(result.reason, result.details)}`).join('\n');
  const otherHelp = settings.otherHelp
    .map(
      (help) =>
        `- ${t('eligibility:verdict.otherHelpItem', { name: help.name, url: help.url, description: t(help.descriptionKey) })}`,
    )
    .join('\n');
  const text = [
    t('applicationFlow:ineligible.intro'),
    reasons,
    t('applicationFlow:ineligible.options'),
    `${t('eligibility:verdict.otherHelpIntro')}\n\n${otherHelp}`,
  ].join('\n\n');
  const choices = [
    ...fieldsToCorrect(verdict, rules).map((key) => correctTitle(language, key)),
    t('applicationFlow:ineligible.advisor'),
    t('applicationFlow:ineligible.examine'),
    t('applicationFlow:ineligible.menu'),
  ];
  return messageWithChoices(context, text, choices);
}

export type GateChoice =
  | { action: 'correct'; key: string }
  | { action: 'advisor' }
  | { action: 'examine' }
  | { action: 'menu' }
  | { action: 'unknown' };

/** The owner's answer to the gate: a button title, or the same in their words. */
export function readGateChoice(
  context: TurnContext,
  language: TurnLanguage,
  verdict: EligibilityVerdict,
  rules: EligibilityRuleSet,
): GateChoice {
  const text = answerText(context.activity);
  const key = commandKey(text);
  const is = (sentence: string) => key === commandKey(sentence);
  const fields = fieldsToCorrect(verdict, rules);
  const field = fields.find((candidate) => is(correctTitle(language, candidate)));
  if (field) return { action: 'correct', key: field };
  if (is(language.t('applicationFlow:ineligible.examine'))) return { action: 'examine' };
  if (is(language.t('applicationFlow:ineligible.advisor'))) return { action: 'advisor' };
  if (is(language.t('applicationFlow:ineligible.menu')) || key === 'menu') return { action: 'menu' };
  if (/\b(corrig\w*|modifi\w*|correct\w*|change\w*|fix)\b/.test(key) && fields.length > 0) {
    return { action: 'correct', key: fields[0] };
  }
  if (/\b(examin\w*|quand meme|anyway|review)\b/.test(key)) return { action: 'examine' };
  if (detectMenuIntent(text) === 'advisor') return { action: 'advisor' };
  return { action: 'unknown' };
}
