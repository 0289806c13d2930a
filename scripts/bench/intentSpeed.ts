/**
 * In-process cost of reading a message's requests (a person, a correction, help, an owner's question, a
 * language) before it is taken as an answer: the pure detectors of dialogs/domain over typical answers and
 * requests. Alone: `npm run build && node dist/scripts/bench/intentSpeed.js` prints one JSON line.
 */
import { detectCorrection } from '../../dialogs/domain/correctionTargets.js';
import { detectFaqTopic } from '../../dialogs/domain/faqTopics.js';
import {
  detectHumanRequest,
  detectLanguageRequest,
  detectQuestionHelp,
} from '../../dialogs/domain/talkRequests.js';
import { commandKey } from '../../dialogs/globalCommands.js';

const MESSAGES = [
  'Alès',
  'nous sommes douze',
  '1,2 M€',
  "je veux parler à quelqu'un de la CCI",
  "modifier le chiffre d'affaires",
  "c'est quoi le de minimis ?",
  'combien je peux demander ?',
  'Aide à domicile Cévennes',
  'je veux créer 3 emplois',
  'in English please',
];

function readRequests(text: string): void {
  const key = commandKey(text);
  detectCorrection(key);
  detectHumanRequest(key);
  detectQuestionHelp(key);
  detectLanguageRequest(key);
  detectFaqTopic(key, text.endsWith('?'));
}

const WARM_UP = 20_000;
const RUNS = 50_000;
for (let i = 0; i < WARM_UP; i++) readRequests(MESSAGES[i % MESSAGES.length]);
const started = performance.now();
for (let i = 0; i < RUNS; i++) readRequests(MESSAGES[i % MESSAGES.length]);
const microseconds = ((performance.now() - started) * 1000) / RUNS;
console.log(JSON.stringify({ messages: RUNS, microsecondsPerMessage: Math.round(microseconds * 10) / 10 }));
