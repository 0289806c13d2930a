import type { TurnContext } from 'botbuilder';
import type { ApplicationChecks, ApplicationQueue, StoredApplication } from '../storage/applicationQueue.js';
import { messageWithChoices } from './choices.js';
import { findField } from './domain/applicationForm.js';
import { costMismatch, sameSiret } from './domain/fileChecks.js';
import { commandKey } from './globalCommands.js';
import { ownerOf } from './owner.js';
import type { Answers } from './questionnaire/question.js';
import { languageOf } from './translator.js';

/** One thing to show the owner before the file goes: its sentence, what the committee will see, and its identity. */
export interface SubmissionWarning {
  text: string;
  /** The answers to correct it, offered as buttons ("Corriger : Coût total du projet"). */
  fields: string[];
  checks: ApplicationChecks;
  /** Confirmed once: for a cost, for these very figures (a changed amount is shown again). */
  signature: string;
}

/**
 * Another file (not withdrawn) of the same SIRET, and a cost that does not add up. The owner's own files are
 * named; someone else's file is only said to exist (its reference is not the owner's to know).
 */
export async function submissionWarnings(
  queue: ApplicationQueue,
  context: TurnContext,
  answers: Answers,
  /** What would be stored: the owner's file holding exactly this is this very draft sent before (a retry). */
  data: Record<string, unknown>,
): Promise<SubmissionWarning[]> {
  const { t } = languageOf(context);
  const warnings: SubmissionWarning[] = [];
  const siret = answers['company.siret'];
  const owner = ownerOf(context);
  const sent = JSON.stringify(data);
  const isRetry = (file: StoredApplication) =>
    file.userId === owner.userId && file.channel === owner.channel && JSON.stringify(file.data) === sent;
  const files = typeof siret === 'string' ? await queue.list().catch(() => []) : [];
  const duplicates = sameSiret(
    answers,
    files.filter((file) => !isRetry(file)),
  );
  if (duplicates.length > 0) {
    const mine = files
      .filter((file) => duplicates.includes(file.reference))
      .filter((file) => file.userId === owner.userId && file.channel === owner.channel)
      .map((file) => file.reference);
    warnings.push({
      text:
        mine.length > 0
          ? t('applicationFlow:warning.duplicateOwn', { references: mine.join(', ') })
          : t('applicationFlow:warning.duplicateOther'),
      fields: [],
      checks: { duplicateOf: duplicates },
      signature: 'duplicateSiret',
    });
  }
  const cost = costMismatch(answers);
  if (cost) {
    const financing = cost.amountRequested + cost.otherFinancing;
    warnings.push({
      text: t('applicationFlow:warning.costMismatch', {
        investment: cost.investment,
        amount: cost.amountRequested,
        other: cost.otherFinancing,
        total: financing,
        gap: Math.abs(cost.investment - financing),
      }),
      fields: [...WARNING_FIELDS],
      checks: { costMismatch: cost },
      signature: `costMismatch:${cost.investment}/${cost.amountRequested}/${cost.otherFinancing}`,
    });
  }
  return warnings;
}

/** "Corriger : <label>", the button that opens one answer straight away. */
export const correctTitle = (
  t: (key: string, params?: Record<string, unknown>) => string,
  key: string,
): string => t('applicationFlow:ineligible.correct', { label: t(findField(key)!.labelKey) });

/** The field whose "Corriger : …" button this text is, among those the warnings offer. */
export function correctedField(
  t: (key: string, params?: Record<string, unknown>) => string,
  text: string,
  fields: readonly string[],
): string | undefined {
  return fields.find((key) => findField(key) && commandKey(correctTitle(t, key)) === commandKey(text));
}

/** The fields a cost warning offers to correct (the recap reads the owner's answer against them). */
export const WARNING_FIELDS = ['project.investment', 'project.amountRequested'] as const;

/** The warnings, then the choice: send as it is (the committee sees the flags), correct an answer, or modify. */
export async function warnOwner(context: TurnContext, warnings: SubmissionWarning[]): Promise<void> {
  const { t } = languageOf(context);
  const text = [...warnings.map((warning) => warning.text), t('applicationFlow:warning.choose')].join('\n\n');
  const fields = [...new Set(warnings.flatMap((warning) => warning.fields))];
  await context.sendActivity(
    messageWithChoices(context, text, [
      t('applicationFlow:warning.send'),
      ...fields.map((key) => correctTitle(t, key)),
      t('applicationFlow:recap.edit'),
    ]),
  );
}
