import { isDontKnow } from '../french/index.js';
import { answerOf, type AnswerValue, type Display } from '../questionnaire/question.js';
import { DOCUMENT_PATTERNS, DOCUMENTS_LATER, pickMany } from './applicationChoices.js';
import {
  choice,
  foldWords,
  refuse,
  sentenceKeys,
  type ApplicationField,
  type ErrorReason,
} from './applicationFieldKit.js';

/** The locale files have `display.list0` to `display.list8`. */
const LIST_KEYS = 8;

/** A list of choices as one phrase: `display.list<n>` nests their lower-case names (`item.*`): "a, b et c". */
export function listDisplay(list: string, values: readonly string[]): Display {
  if (values.length > LIST_KEYS)
    return { key: 'application:display.manyItems', params: { count: values.length } };
  return { key: `application:display.list${values.length}`, params: listDisplayParams(list, values) };
}

function listDisplayParams(list: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value, i) => [`item${i + 1}`, `application:item.${list}.${value}`]));
}

const asStrings = (value: AnswerValue): string[] =>
  Array.isArray(value) ? value.map(String) : [String(value)];

/** Several answers at once: button values, "a,b" from a card, or a French sentence ("conseil et tutorat"). */
export function multiField(
  key: string,
  list: string,
  values: readonly string[],
  patterns: ReadonlyArray<readonly [string, RegExp]>,
  unknown: ErrorReason,
  base: Pick<ApplicationField, 'group'> & Partial<ApplicationField>,
  everything: readonly string[] = values,
): ApplicationField {
  return {
    ...sentenceKeys(key),
    kind: 'list',
    choices: [...values.map((value) => choice(list, value)), choice(list, 'all')],
    interpret(text) {
      const given = text.split(',').map((part) => part.trim());
      if (given.every((value) => values.includes(value))) {
        const picked = values.filter((value) => given.includes(value));
        return answerOf(picked, listDisplay(list, picked));
      }
      if (text === 'all') return answerOf([...everything], listDisplay(list, everything));
      if (isDontKnow(text)) return refuse('required');
      const { values: picked } = pickMany(text, patterns, everything);
      if (picked.length === 0) return refuse(unknown);
      return answerOf(picked, listDisplay(list, picked));
    },
    display: (value) => listDisplay(list, asStrings(value)),
    ...base,
  };
}

function documentsField(): ApplicationField {
  const laterDisplay = { key: 'application:display.documentsLater' };
  const named = (settingsDocuments: readonly string[]) =>
    settingsDocuments.map(
      (doc) =>
        DOCUMENT_PATTERNS.find(([key]) => key === doc) ??
        ([doc, new RegExp(`\\b${foldWords(doc)}\\b`)] as const),
    );
  return {
    ...sentenceKeys('documents'),
    kind: 'list',
    group: 'project',
    // No longer asked (applicationForm.ts RETIRED_FIELDS): kept so that files that have it still read the same.
    step: 'contact',
    optional: true,
    // Buttons cannot depend on the settings: the prompt lists the documents of the settings instead.
    promptParams: ({ settings }) => {
      const shown = settings.documents.slice(0, LIST_KEYS);
      return { n: shown.length, ...listDisplayParams('documents', shown) };
    },
    choices: [choice('documents', 'all'), choice('documents', 'later')],
    interpret(text, { settings }) {
      const documents = settings.documents;
      if (text === 'all') return answerOf([...documents], listDisplay('documents', documents));
      if (text === 'later') return answerOf([], laterDisplay);
      const given = text.split(',').map((part) => part.trim());
      if (given.every((doc) => documents.includes(doc))) {
        const picked = documents.filter((doc) => given.includes(doc));
        return answerOf(picked, listDisplay('documents', picked));
      }
      const { values, negated } = pickMany(text, named(documents), documents);
      if (values.length > 0) return answerOf(values, listDisplay('documents', values));
      // Only documents said to be missing ("pas le Kbis"): which ones are at hand is unsaid.
      if (negated) return refuse('documentsUnknown');
      const folded = foldWords(text);
      // "Je continuerai plus tard" is about the conversation (pause), not the documents.
      if (/\b(continu\w*|reprend\w*|revien\w*|continue later)\b/.test(folded))
        return refuse('documentsUnknown');
      if (DOCUMENTS_LATER.test(folded) || isDontKnow(text)) return answerOf([], laterDisplay);
      return refuse('documentsUnknown');
    },
    display: (value) => {
      const documents = asStrings(value);
      return documents.length === 0 ? laterDisplay : listDisplay('documents', documents);
    },
  };
}

export const DOCUMENTS_FIELD = documentsField();
