import type { Answers } from '../questionnaire/question.js';

/**
 * One step of the draft's history: what changed in the form between version `from` and `from + 1`. A renamed
 * field's answer moves to its new key (unless the new key is already answered); a removed field's answer goes.
 */
export interface DraftMigration {
  from: number;
  rename?: Readonly<Record<string, string>>;
  drop?: readonly string[];
}

/**
 * The form's history, oldest first: a field renamed or removed adds a step here, so that no saved draft traps
 * its user. Version 1 is every draft saved before drafts carried a version; its keys are today's.
 */
export const DRAFT_MIGRATIONS: readonly DraftMigration[] = [{ from: 1 }];

/** The version a draft saved today carries: one past the last step. */
export function draftVersionOf(migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS): number {
  return migrations.reduce((latest, step) => Math.max(latest, step.from + 1), 1);
}

export const DRAFT_VERSION = draftVersionOf();

export type DraftMigrationResult =
  | { outcome: 'current' | 'migrated'; answers: Answers; version: number }
  /** Saved by a newer version of the assistant (a rollback): kept as it is, nothing dropped. */
  | { outcome: 'newer'; answers: Answers; version: number };

/** The answers of a draft saved at `version` (undefined: before versions), brought to today's form. */
export function migrateDraftAnswers(
  answers: Answers,
  version: unknown,
  migrations: readonly DraftMigration[] = DRAFT_MIGRATIONS,
): DraftMigrationResult {
  const latest = draftVersionOf(migrations);
  const saved = typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
  if (saved > latest) return { outcome: 'newer', answers, version: saved };
  if (saved === latest) return { outcome: 'current', answers, version: saved };
  let moved: Answers = { ...answers };
  for (let at = saved; at < latest; at += 1) {
    const step = migrations.find((migration) => migration.from === at);
    if (step) moved = applyStep(moved, step);
  }
  return { outcome: 'migrated', answers: moved, version: latest };
}

function applyStep(answers: Answers, step: DraftMigration): Answers {
  const next: Answers = { ...answers };
  for (const [before, after] of Object.entries(step.rename ?? {})) {
    if (!(before in next)) continue;
    if (next[after] === undefined) next[after] = next[before];
    delete next[before];
  }
  for (const key of step.drop ?? []) delete next[key];
  return next;
}
