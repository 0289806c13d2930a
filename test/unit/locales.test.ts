import fs from 'node:fs';
import path from 'node:path';
import { Localizer, DEFAULT_LOCALES_DIR } from '../../bot/i18n.js';

type Tree = { [key: string]: unknown };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? keysOf(value as Tree, full)
      : [full];
  });
}

function localeKeys(locale: string): string[] {
  const dir = path.join(DEFAULT_LOCALES_DIR, locale);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) =>
      keysOf(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))).map((k) => `${file}:${k}`),
    )
    .sort();
}

describe('locale files', () => {
  test('French and English have exactly the same keys', () => {
    expect(localeKeys('en')).toEqual(localeKeys('fr'));
  });

  test('no sentence is left empty', () => {
    for (const locale of ['fr', 'en']) {
      const dir = path.join(DEFAULT_LOCALES_DIR, locale);
      for (const file of fs.readdirSync(dir)) {
        const walk = (value: unknown): void => {
          if (typeof value === 'string') expect(value.trim()).not.toBe('');
          else if (value && typeof value === 'object') Object.values(value).forEach(walk);
        };
        walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      }
    }
  });

  test.each([
    ['fr-FR', 'fr'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR_be', 'fr'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['es-ES', 'fr'],
    [undefined, 'fr'],
    ['', 'fr'],
  ])('locale %p is served in %p', (raw, expected) => {
    expect(Localizer.resolveLocale(raw)).toBe(expected);
  });

  test('French sentences use typographic French (vouvoiement, no "tu")', () => {
    const { t } = new Localizer().language('fr');
    expect(t('common:menu.prompt')).toMatch(/^Que souhaitez-vous faire\s\?$/);
    expect(t('common:greeting.hello')).not.toMatch(/\btu\b|\bton\b|\bta\b/i);
  });
});
