import type { Answers } from '../questionnaire/question.js';
import { PENDING } from './applicationFieldsCompany.js';

/*
 * What the bot checks in a complete file before it is sent (issue 15, "duplicates"): the applicant is warned,
 * may correct or confirm, and the committee sees the flag on the file.
 */

export type FileWarning = 'duplicateSiret' | 'costMismatch';

/** Investment against the advance asked plus the other financing, in euros. */
export interface CostFigures {
  investment: number;
  amountRequested: number;
  otherFinancing: number;
}

/** Rounding to the euro is not a mismatch. */
const TOLERANCE_EUROS = 1;

const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * The financing plan of a file that asks for an advance: the figures when investment ≠ advance + other
 * financing, or undefined when they add up (or no advance is asked: then there is no plan to check).
 */
export function costMismatch(answers: Answers): CostFigures | undefined {
  const investment = answers['project.investment'];
  const requested = answers['project.amountRequested'];
  const aidTypes = answers['project.aidTypes'];
  const financial = Array.isArray(aidTypes) && aidTypes.includes('financial');
  if (!financial || typeof investment !== 'number' || typeof requested !== 'number') return undefined;
  const figures = {
    investment,
    amountRequested: requested,
    otherFinancing: amount(answers['project.otherFinancingAmount']),
  };
  const gap = figures.investment - figures.amountRequested - figures.otherFinancing;
  return Math.abs(gap) > TOLERANCE_EUROS ? figures : undefined;
}

/** What a SIRET check needs of another file. */
export interface OtherFile {
  reference: string;
  status: string;
  data: Record<string, unknown>;
}

const digits = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\D/g, '') : undefined;

/** The other files (not withdrawn) of the same SIRET, by reference; none for a company still being created. */
export function sameSiret(answers: Answers, others: readonly OtherFile[]): string[] {
  const siret = answers['company.siret'];
  if (siret === PENDING || siret === undefined) return [];
  const wanted = digits(siret);
  if (!wanted || wanted.length !== 14) return [];
  return others
    .filter((file) => file.status !== 'withdrawn' && digits(file.data['company.siret']) === wanted)
    .map((file) => file.reference);
}
