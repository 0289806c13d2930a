import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALES_DIR, Localizer } from '../../bot/i18n.js';
import {
  APPLICATION_ERROR_REASONS,
  APPLICATION_FORM,
  type ApplicationContext,
} from '../../dialogs/domain/applicationForm.js';
import type { AnswerValue, Display } from '../../dialogs/questionnaire/question.js';
import { now, settings } from './applicationFormFixtures.js';

const LOCALES = ['fr', 'en'] as const;
const contextIn = (locale: 'fr' | 'en'): ApplicationContext => ({ settings, locale, now });

type Tree = { [key: string]: unknown };
const files = new Map<string, Tree>();
function namespace(locale: string, ns: string): Tree {
  const id = `${locale}/${ns}`;
  if (!files.has(id)) {
    const file = path.join(DEFAULT_LOCALES_DIR, locale, `${ns}.json`);
    files.set(id, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Tree) : {});
  }
  return files.get(id) as Tree;
}

/** The sentence under "ns:a.b.c", or its plural forms ("_one" and "_other" both present). */
function sentence(locale: string, fullKey: string): string | undefined {
  const [ns, keyPath] = fullKey.split(':');
  const parts = keyPath.split('.');
  const last = parts.pop() as string;
  let node: unknown = namespace(locale, ns);
  for (const part of parts) node = (node as Tree | undefined)?.[part];
  const parent = node as Tree | undefined;
  const value =
    parent?.[last] ?? (parent?.[`${last}_one`] !== undefined ? parent?.[`${last}_other`] : undefined);
  return typeof value === 'string' ? value : undefined;
}

/** Every locale key the form may show, with the field it belongs to. */
function usedKeys(): string[] {
  const used = new Set<string>([
    'application:group.company',
    'application:group.project',
    'application:group.contact',
  ]);
  for (const field of APPLICATION_FORM) {
    [field.promptKey, field.exampleKey, field.labelKey].forEach((key) => used.add(key));
    field.choices?.forEach((choice) => used.add(choice.labelKey));
  }
  APPLICATION_ERROR_REASONS.forEach((reason) => used.add(`application:error.${reason}`));
  ['notAChoice', 'notANumber', 'notAnAmount', 'negative', 'notAWholeNumber', 'tooLarge'].forEach((reason) =>
    used.add(`questionnaire:error.${reason}`),
  );
  for (let n = 0; n <= 8; n += 1) used.add(`application:display.list${n}`);
  for (const [list, values] of [
    ['aidTypes', ['financial', 'advice', 'mentoring']],
    ['mentoringNeeds', ['hr', 'production', 'quality', 'sales', 'finance', 'other']],
    ['documents', settings.documents],
  ] as const) {
    values.forEach((value) => used.add(`application:item.${list}.${value}`));
  }
  return [...used];
}

/** One plausible stored value per field, to check how it is shown. */
const SAMPLES: Record<string, AnswerValue[]> = {
  'company.siret': ['73282932000074', 'pending'],
  'company.nafCode': ['25.62B', 'pending'],
  'company.commune': [{ inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' }],
  'company.independent': [true, false],
  'company.groupShare': [40],
  'project.aidTypes': [['financial', 'mentoring']],
  'project.mentoringNeeds': [['hr', 'quality', 'sales']],
  'project.otherFinancing': ['none', 'Prêt bancaire'],
  documents: [[], settings.documents],
  'company.creationDate': ['2015-03-12'],
  'project.startDate': ['2027-03-31'],
};
const sampleOf = (key: string): AnswerValue[] =>
  SAMPLES[key] ?? [findField(key)?.choices?.[0]?.value ?? 1_200];
const findField = (key: string) => APPLICATION_FORM.find((field) => field.key === key);

describe('the application sentences', () => {
  test.each(LOCALES)('every key the form uses exists in %s', (locale) => {
    expect(usedKeys().filter((key) => sentence(locale, key) === undefined)).toEqual([]);
  });

  test.each(LOCALES)('every display key of a stored value exists in %s', (locale) => {
    const missing: string[] = [];
    for (const field of APPLICATION_FORM) {
      for (const value of sampleOf(field.key)) {
        const display: Display = field.display(value, contextIn(locale));
        if ('key' in display && sentence(locale, display.key) === undefined) missing.push(display.key);
      }
    }
    expect(missing).toEqual([]);
  });

  /** Yes/no questions store a boolean: "Oui" to "another company holds 25 %" means not independent. */
  const BOOLEAN_BUTTONS: Record<string, (value: string) => boolean> = {
    'company.independent': (value) => value === 'no',
    'contact.isInterlocutor': (value) => value === 'yes',
  };

  test.each(LOCALES)('every button title of %s is understood as its value', (locale) => {
    const { t } = new Localizer().language(locale);
    for (const field of APPLICATION_FORM) {
      for (const choice of field.choices ?? []) {
        const meaning = field.interpret(t(choice.labelKey), contextIn(locale));
        if (meaning.kind !== 'answer')
          throw new Error(`${field.key}: "${t(choice.labelKey)}" not understood`);
        const value = meaning.value;
        if (!Array.isArray(value))
          expect([field.key, value]).toEqual([
            field.key,
            BOOLEAN_BUTTONS[field.key]?.(choice.value) ?? choice.value,
          ]);
        else if (choice.value === 'later') expect(value).toEqual([]);
        else if (choice.value === 'all') expect(value.length).toBeGreaterThan(1);
        else expect(value).toEqual([choice.value]);
      }
    }
  });

  test.each(LOCALES)('every prompt of %s renders with its parameters', (locale) => {
    const { t } = new Localizer().language(locale);
    for (const field of APPLICATION_FORM) {
      const text = t(field.promptKey, field.promptParams?.(contextIn(locale)));
      expect(text).not.toMatch(/\{\{|\$t\(|application:/);
    }
  });
});

describe('sentences as the user reads them', () => {
  const { t } = new Localizer().language('fr');

  test('a wrong SIRET checksum and a wrong length say different things, the length with the count given', () => {
    const checksum = t('application:error.siretChecksum');
    const length = t('application:error.siretLength', { count: 4 });
    expect(checksum).not.toBe(length);
    expect(length).toMatch(/\b4\b/);
    expect(length).not.toBe(t('application:error.siretLength', { count: 13 }));
    expect(checksum).not.toMatch(/\{\{|\$t\(/);
  });

  test('amounts and bounds are written the French way (250 000 €), dates with the month in words', () => {
    const bounds = t('application:error.amountOutOfBounds', { min: 5_000, max: 50_000 });
    expect(bounds).toMatch(/5[\s\u202f]000[\s\u202f]€/u);
    expect(bounds).toMatch(/50[\s\u202f]000[\s\u202f]€/u);
    expect(t('application:display.amount', { amount: 1_200_000 })).toMatch(
      /^1[\s\u202f]200[\s\u202f]000[\s\u202f]€$/u,
    );
    expect(t('application:display.date', { date: '2027-03-31' })).toBe(
      new Intl.DateTimeFormat('fr-FR', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date('2027-03-31T00:00:00Z')),
    );
  });

  test('the description tells how many characters are missing, singular or plural', () => {
    const params = (count: number) => ({ count, min: 30 });
    expect(t('application:error.descriptionTooShort', params(1))).toBe(
      t('application:error.descriptionTooShort_one', params(1)),
    );
    expect(t('application:error.descriptionTooShort', params(18))).toBe(
      t('application:error.descriptionTooShort_other', params(18)),
    );
    expect(t('application:error.descriptionTooShort', params(18))).toMatch(/\b18\b.*\b30\b/);
  });

  test('lists read as a phrase: every item once, in order, lower case, nothing left untranslated', () => {
    const field = findField('project.aidTypes');
    const values = ['financial', 'advice', 'mentoring'];
    const display = field?.display(values, contextIn('fr'));
    const text = display && 'key' in display ? t(display.key, display.params) : '';
    const items = values.map((value) => t(`application:item.aidTypes.${value}`));
    const positions = items.map((item) => text.indexOf(item));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toMatch(/\$t\(|\{\{|application:/);
  });

  test('French typography: a space (ordinary or no-break) before ? ! ; : and inside guillemets, no "tu"', () => {
    const walk = (node: unknown): string[] =>
      typeof node === 'string' ? [node] : Object.values(node as Tree).flatMap(walk);
    for (const text of walk(namespace('fr', 'application'))) {
      const plain = text.replace(/\$t\([^)]*\)|\{\{[^}]*\}\}|[\w.-]+@[\w.-]+/g, 'X');
      // The space may be the no-break one French typography puts there (U+00A0, U+202F).
      expect([text, /[^ \u00a0\u202f][?!;:»]|«[^ \u00a0\u202f]/.test(plain)]).toEqual([text, false]);
      // Whole words only: "Êtes-vous" holds no "tes".
      expect(plain).not.toMatch(/(?<!\p{L})(tu|ton|ta|tes)(?!\p{L})/iu);
    }
  });
});
