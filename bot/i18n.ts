import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n } from 'i18next';
import { formatDate, formatEuros, formatNumber } from '../dialogs/formatting.js';
import { withPreposition, type Preposition } from '../dialogs/french/elision.js';
import { SUPPORTED_LOCALES, type SupportedLocale, type TurnLanguage } from '../dialogs/translator.js';
import { LruCache } from '../storage/lruCache.js';

/** locales/ sits at the project root, two levels above the compiled file (dist/bot/). */
export const DEFAULT_LOCALES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../locales',
);

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function readResources(localesDir: string): { resources: Resources; namespaces: string[] } {
  const resources: Resources = {};
  const namespaces = new Set<string>();
  for (const locale of SUPPORTED_LOCALES) {
    resources[locale] = {};
    for (const file of fs.readdirSync(path.join(localesDir, locale)).filter((f) => f.endsWith('.json'))) {
      const namespace = file.replace(/\.json$/, '');
      namespaces.add(namespace);
      resources[locale][namespace] = JSON.parse(fs.readFileSync(path.join(localesDir, locale, file), 'utf8'));
    }
  }
  return { resources, namespaces: [...namespaces] };
}

/** Everything the bot says, loaded once, synchronously, at start-up (no lazy loading on a user's turn). */
export class Localizer {
  private readonly i18n: i18n;
  private readonly languages = new Map<SupportedLocale, TurnLanguage>();

  constructor(localesDir: string = DEFAULT_LOCALES_DIR) {
    const { resources, namespaces } = readResources(localesDir);
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      ns: namespaces,
      defaultNS: 'common',
      lng: 'fr',
      fallbackLng: 'fr',
      supportedLngs: [...SUPPORTED_LOCALES],
      initAsync: false,
      // Replies are plain chat text, not HTML: escaping would show "&amp;" to users.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    // `{{amount, euros}}`, `{{count, number}}` and `{{day, date}}` in sentences: amounts the French way.
    const asLocale = (lng: string | undefined) => Localizer.resolveLocale(lng);
    this.i18n.services.formatter?.add('euros', (value, lng) => formatEuros(Number(value), asLocale(lng)));
    this.i18n.services.formatter?.add('number', (value, lng) => formatNumber(Number(value), asLocale(lng)));
    this.i18n.services.formatter?.add('date', (value, lng) => formatDate(String(value), asLocale(lng)));
    // `de {{territory}}` cannot elide: French sentences write `{{territory, de}}` (« d’Alès Agglomération »).
    for (const preposition of ['de', 'à', 'que'] satisfies Preposition[])
      this.i18n.services.formatter?.add(preposition, (value) => withPreposition(preposition, String(value)));
    for (const locale of SUPPORTED_LOCALES) {
      const fixed = this.i18n.getFixedT(locale);
      // i18next costs 1 to 50 µs a call and a turn makes dozens: keep what cannot change. Only sentences without
      // options or with numbers alone (progress, counts) are kept, so no user's text is held in memory.
      const sentences = new LruCache<string>(MEMO_SIZE);
      const lists = new LruCache<string[]>(MEMO_SIZE);
      const translate = (key: string, options?: Record<string, unknown>): string => {
        const memoKey = memoKeyOf(key, options);
        const known = memoKey === undefined ? undefined : sentences.get(memoKey);
        if (known !== undefined) return known;
        const text = String(fixed(key, options));
        if (memoKey !== undefined) sentences.set(memoKey, text);
        return text;
      };
      const list = (key: string, options?: Record<string, unknown>): string[] => {
        const value: unknown = fixed(key, { ...options, returnObjects: true });
        return Array.isArray(value) ? value.map(String) : [String(value)];
      };
      this.languages.set(locale, {
        locale,
        t: translate,
        list: (key, options) => {
          if (options !== undefined) return list(key, options);
          const known = lists.get(key) ?? list(key);
          lists.set(key, known);
          return [...known]; // a copy: callers may sort or splice what they get
        },
      });
    }
  }

  /** `fr-FR`, `fr`, `FR_ca` → French; `en-US` → English; anything else → French, the default. */
  static resolveLocale(raw: string | undefined): SupportedLocale {
    const primary = (raw ?? '').trim().toLowerCase().split(/[-_]/)[0];
    return (SUPPORTED_LOCALES as readonly string[]).includes(primary) ? (primary as SupportedLocale) : 'fr';
  }

  language(rawLocale: string | undefined): TurnLanguage {
    return this.languages.get(Localizer.resolveLocale(rawLocale)) as TurnLanguage;
  }

  hasKey(locale: SupportedLocale, key: string): boolean {
    // A sentence, not a group of them; one with plural forms (`key_one`, `key_other`) exists as `key` too.
    const [namespace, path] = key.includes(':') ? key.split(/:(.*)/s, 2) : ['common', key];
    const sentence = (at: string) => typeof this.i18n.getResource(locale, namespace, at) === 'string';
    return sentence(path) || sentence(`${path}_other`);
  }
}

const MEMO_SIZE = 5000;

/** The memo key of a translation whose result depends only on its key and numbers; undefined otherwise. */
function memoKeyOf(key: string, options: Record<string, unknown> | undefined): string | undefined {
  if (options === undefined) return key;
  const values = Object.values(options);
  if (!values.every((value) => typeof value === 'number' || typeof value === 'boolean')) return undefined;
  return `${key}\u0000${JSON.stringify(options)}`;
}
