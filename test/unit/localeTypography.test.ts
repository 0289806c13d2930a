import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALES_DIR } from '../../bot/i18n.js';
import { commandKey } from '../../dialogs/globalCommands.js';
import { typesetLocaleFile } from '../../scripts/localesTypography.js';
import {
  typeset,
  typographyFaults,
  type TypographyLocale,
} from '../../scripts/typography/localeTypography.js';

/** Every sentence of a locale, as `file:key.path` → text. */
function sentences(locale: TypographyLocale): [string, string][] {
  const dir = path.join(DEFAULT_LOCALES_DIR, locale);
  const found: [string, string][] = [];
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') found.push([where, value]);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) walk(child, `${where}.${key}`);
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file.replace(/\.json$/, ''));
  return found;
}

describe('typography of every locale sentence', () => {
  test.each(['fr', 'en'] as const)(
    '%s: no ordinary space before ? ! ; :, none inside « », no straight apostrophe',
    (locale) => {
      const wrong = sentences(locale)
        .map(([where, text]) => ({ where, faults: typographyFaults(text, locale), text }))
        .filter((s) => s.faults.length > 0);
      // `npm run locales:typography` fixes every one of these.
      expect(wrong).toEqual([]);
    },
  );

  test('what the user types with a straight apostrophe reads like the button with a curly one', () => {
    for (const [, text] of sentences('fr').filter(([, s]) => s.includes('\u2019'))) {
      expect(commandKey(text.replace(/\u2019/g, "'"))).toBe(commandKey(text));
    }
  });
});

describe('typeset (French)', () => {
  test.each([
    ['Que souhaitez-vous faire ?', 'Que souhaitez-vous faire\u202F?'],
    ['Bonjour ! Entendu ; merci', 'Bonjour\u202F! Entendu\u202F; merci'],
    ['Montant : 12', 'Montant\u00A0: 12'],
    ['répondez « pas encore ».', 'répondez «\u00A0pas encore\u00A0».'],
    ['écrivez «aide»', 'écrivez «\u00A0aide\u00A0»'],
    ["C'est l'assistant", 'C\u2019est l\u2019assistant'],
    ['écrivez « ? »', 'écrivez «\u00A0?\u00A0»'],
  ])('%j', (before, after) => {
    expect(typeset(before, 'fr')).toBe(after);
    expect(typeset(after, 'fr')).toBe(after);
    expect(typographyFaults(before, 'fr')).not.toEqual([]);
    expect(typographyFaults(after, 'fr')).toEqual([]);
  });

  test.each([
    'Rendez-vous à 14:30, dossier {{reference}}.',
    'Voir https://www.defenseurdesdroits.fr/saisir/delegues?x=1',
    'Écrivez à marie.d\u2019hote@exemple.fr',
    '{{label}}{{separator}}{{value}}',
    '$t(application:display.list{{n}})',
  ])('leaves placeholders, URLs, addresses and times alone: %j', (text) => {
    expect(typeset(text, 'fr')).toBe(text);
    expect(typographyFaults(text, 'fr')).toEqual([]);
  });

  test('a placeholder between guillemets gets its no-break spaces', () => {
    expect(typeset('« {{value}} » ?', 'fr')).toBe('«\u00A0{{value}}\u00A0»\u202F?');
  });

  test('English gets curly apostrophes only where English has them', () => {
    expect(typeset(`your company's turnover, partners' contribution: "none"? I don't know`, 'en')).toBe(
      'your company\u2019s turnover, partners\u2019 contribution: "none"? I don\u2019t know',
    );
  });

  test('the locale file rewrite changes sentences, never keys, and is idempotent', () => {
    const source = `{\n  "l'clé": "Qu'est-ce ?",\n  "list": ["a : b"]\n}\n`;
    const once = typesetLocaleFile(source, 'fr');
    expect(JSON.parse(once)).toEqual({ "l'clé": 'Qu\u2019est-ce\u202F?', list: ['a\u00A0: b'] });
    expect(typesetLocaleFile(once, 'fr')).toBe(once);
  });
});
