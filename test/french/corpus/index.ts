import type { CorpusCase } from '../corpusTypes.js';
import { AMOUNT_CASES } from './amounts.js';
import { CHOICE_CASES } from './choices.js';
import { CONTACT_CASES } from './contact.js';
import { COUNT_CASES } from './counts.js';
import { DATE_CASES } from './dates.js';
import { PLACE_CASES } from './places.js';
import { SECOND_BATCH } from './secondBatch.js';
import { THIRD_BATCH } from './thirdBatch.js';

/** Everyday French answers to the bot's questions, clear ones and traps, by field kind. */
export const CORPUS: readonly CorpusCase[] = [
  ...AMOUNT_CASES,
  ...COUNT_CASES,
  ...CHOICE_CASES,
  ...PLACE_CASES,
  ...DATE_CASES,
  ...CONTACT_CASES,
  ...SECOND_BATCH,
  ...THIRD_BATCH,
];
