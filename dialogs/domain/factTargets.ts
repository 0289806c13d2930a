import type { FactKind } from './sentenceFacts.js';

/** The question of the eligibility check each kind of fact answers (its key in the check's answers). */
export const CHECK_FACT_KEYS: Partial<Record<FactKind, string>> = {
  commune: 'commune',
  headcount: 'headcount',
  turnover: 'turnover',
  jobs: 'jobs',
  nafCode: 'sector',
};

/** The field of the application file each kind of fact answers. */
export const APPLICATION_FACT_KEYS: Partial<Record<FactKind, string>> = {
  companyName: 'company.name',
  legalForm: 'company.legalForm',
  siret: 'company.siret',
  nafCode: 'company.nafCode',
  commune: 'company.commune',
  headcount: 'company.headcount',
  turnover: 'company.turnover',
  jobsCreated: 'project.jobsCreated',
  jobsKept: 'project.jobsKept',
  amountRequested: 'project.amountRequested',
};

/**
 * The check asks jobs created OR kept in one figure: "créer 3 emplois et en maintenir 2" answers it with 5,
 * without being shown twice (the sentence's own figures are what the owner confirms).
 */
export function derivedJobs(values: Partial<Record<FactKind, unknown>>): number | undefined {
  if (values.jobs !== undefined) return undefined;
  const created = typeof values.jobsCreated === 'number' ? values.jobsCreated : undefined;
  const kept = typeof values.jobsKept === 'number' ? values.jobsKept : undefined;
  if (created === undefined && kept === undefined) return undefined;
  return (created ?? 0) + (kept ?? 0);
}
