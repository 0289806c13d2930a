import type { Answers } from '../questionnaire/question.js';

/**
 * Plausibility of figures, from the answers already given. A bare "620" for the turnover of a company of twelve
 * is far more likely 620 000 € than 620 €: the value is kept among the readings, after the probable ones.
 */

/** The probable readings of an amount too small for its question, in thousands or millions. */
export function magnitudeReadings(value: number, floor: number, ceiling: number): number[] {
  if (value <= 0 || value >= floor) return [];
  return [value * 1_000, value * 1_000_000]
    .map((v) => Math.round(v * 100) / 100)
    .filter((v) => v >= floor && v <= ceiling);
}

const numberAt = (answers: Answers, ...keys: string[]) => {
  for (const key of keys) {
    const value = answers[key];
    if (typeof value === 'number') return value;
  }
  return undefined;
};

/** No company of this headcount has a turnover below 10 000 € a person; any company has 1 000 €. */
export function turnoverFloor(answers: Answers): number {
  const headcount = numberAt(answers, 'company.headcount', 'headcount') ?? 0;
  return Math.max(1_000, headcount * 10_000);
}

/** A balance sheet is rarely below 5 000 € a person. */
export function balanceSheetFloor(answers: Answers): number {
  const headcount = numberAt(answers, 'company.headcount', 'headcount') ?? 0;
  return Math.max(1_000, headcount * 5_000);
}

/** Above 2 M€ a person, a reading in millions is a typo; a company of unknown size keeps the field's ceiling. */
export function perHeadCeiling(answers: Answers, fieldMax: number): number {
  const headcount = numberAt(answers, 'company.headcount', 'headcount') ?? 0;
  return headcount > 0 ? Math.min(fieldMax, Math.max(10_000_000, headcount * 2_000_000)) : fieldMax;
}
