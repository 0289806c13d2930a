import type { SupportedLocale } from './translator.js';

const euroFormats = new Map<SupportedLocale, Intl.NumberFormat>();
const numberFormats = new Map<SupportedLocale, Intl.NumberFormat>();
const dateFormats = new Map<SupportedLocale, Intl.DateTimeFormat>();

const intlLocale = (locale: SupportedLocale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

/** Euros the French way: `250 000 €`, `1 200 000 €`, `12 500,50 €` (English: `€250,000`). */
export function formatEuros(amount: number, locale: SupportedLocale = 'fr'): string {
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    });
    euroFormats.set(locale, format);
  }
  return format.format(amount);
}

export function formatNumber(value: number, locale: SupportedLocale = 'fr'): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** `2027-03-31` → `31 mars 2027` (dates are calendar dates: no time zone shift). */
export function formatDate(iso: string, locale: SupportedLocale = 'fr'): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  return withFrenchFirst(format, new Date(`${iso.slice(0, 10)}T00:00:00Z`), locale);
}

/** French writes the first of the month as an ordinal: « 1er mars 2027 », « samedi 1er mars ». */
function withFrenchFirst(format: Intl.DateTimeFormat, date: Date, locale: SupportedLocale): string {
  if (locale !== 'fr') return format.format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/** `2026-11-30` → `lundi 30 novembre` (the weekday helps: "back on Monday"). */
export function formatDayWithWeekday(iso: string, locale: SupportedLocale = 'fr'): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return withFrenchFirst(format, new Date(`${iso.slice(0, 10)}T00:00:00Z`), locale);
}

/** `08:30` → `8 h 30` in French, `8:30` in English; `14:00` → `14 h`. */
export function formatClockTime(hhmm: string, locale: SupportedLocale = 'fr'): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  if (locale === 'en') return `${hours}:${String(minutes).padStart(2, '0')}`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
}
