import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { SUPPORTED_LOCALES, type SupportedLocale } from './translator.js';

/** The language a user chose in words or on the web page (user state): it wins over the client's locale. */
export interface LanguagePreference {
  locale?: SupportedLocale;
}
export type LanguagePreferenceAccessor = StatePropertyAccessor<LanguagePreference>;

/** The user-state property that holds it. */
export const LANGUAGE_PREFERENCE_PROPERTY = 'languagePreference';

/** The web page's FR / EN control posts this event, `value: { locale: "en" }`. */
export const SET_LANGUAGE_EVENT = 'alize.setLanguage';

/** Set by the locale middleware: changes the turn's language (and activity.locale) mid-turn. */
export const LANGUAGE_SWITCH_KEY = Symbol('alize.languageSwitch');
export type LanguageSwitch = (locale: SupportedLocale) => void;

const isSupported = (value: unknown): value is SupportedLocale =>
  typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);

/** The locale a `alize.setLanguage` event asks for; anything else (another event, a bad value) is undefined. */
export function requestedLocale(activity: Partial<Activity>): SupportedLocale | undefined {
  if (activity.type !== 'event' || activity.name !== SET_LANGUAGE_EVENT) return undefined;
  const locale = (activity.value as { locale?: unknown } | undefined)?.locale;
  return isSupported(locale) ? locale : undefined;
}

function switchTurnLanguage(context: TurnContext, locale: SupportedLocale): void {
  (context.turnState.get(LANGUAGE_SWITCH_KEY) as LanguageSwitch | undefined)?.(locale);
}

/** The user's choice, kept for their next turns and conversations, and applied to this turn at once. */
export async function chooseLanguage(
  context: TurnContext,
  preferences: LanguagePreferenceAccessor,
  locale: SupportedLocale,
): Promise<void> {
  await preferences.set(context, { locale });
  switchTurnLanguage(context, locale);
}

/** At the start of a turn: a language the user chose before replaces the one their client sends. */
export async function applyLanguagePreference(
  context: TurnContext,
  preferences: LanguagePreferenceAccessor,
): Promise<void> {
  // No sender, no user state to read (the activity shape check makes this rare).
  if (!context.activity.from?.id) return;
  const { locale } = (await preferences.get(context, {})) ?? {};
  if (isSupported(locale)) switchTurnLanguage(context, locale);
}
