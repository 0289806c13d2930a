import type { TurnContext } from 'botbuilder';
import type { ApplicationChecks, ApplicationQueue } from '../storage/applicationQueue.js';
import { messageWithChoices } from './choices.js';
import { costMismatch, sameSiret } from './domain/fileChecks.js';
import { ownerOf } from './owner.js';
import type { Answers } from './questionnaire/question.js';
import { languageOf } from './translator.js';

/** One thing to show the owner before the file goes: its sentence, what the committee will see, and its identity. */
export interface SubmissionWarning {
  text: string;
  checks: ApplicationChecks;
  /** Confirmed once for these very figures: a changed amount or a new duplicate is shown again. */
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
): Promise<SubmissionWarning[]> {
  const { t } = languageOf(context);
  const warnings: SubmissionWarning[] = [];
  const siret = answers['company.siret'];
  const files = typeof siret === 'string' ? await queue.list().catch(() => []) : [];
  const duplicates = sameSiret(answers, files);
  if (duplicates.length > 0) {
    const owner = ownerOf(context);
    const mine = files
      .filter((file) => duplicates.includes(file.reference))
      .filter((file) => file.userId === owner.userId && file.channel === owner.channel)
      .map((file) => file.reference);
    warnings.push({
      text:
        mine.length > 0
          ? t('applicationFlow:warning.duplicateOwn', { references: mine.join(', ') })
          : t('applicationFlow:warning.duplicateOther'),
      checks: { duplicateOf: duplicates },
      signature: `duplicateSiret:${duplicates.join(',')}`,
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
      checks: { costMismatch: cost },
      signature: `costMismatch:${cost.investment}/${cost.amountRequested}/${cost.otherFinancing}`,
    });
  }
  return warnings;
}

/** The warnings, then the choice: send as it is (the committee sees the flags) or modify an answer. */
export async function warnOwner(context: TurnContext, warnings: SubmissionWarning[]): Promise<void> {
  const { t } = languageOf(context);
  const text = [...warnings.map((warning) => warning.text), t('applicationFlow:warning.choose')].join('\n\n');
  await context.sendActivity(
    messageWithChoices(context, text, [t('applicationFlow:warning.send'), t('applicationFlow:recap.edit')]),
  );
}
