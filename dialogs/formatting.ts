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
  return format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}
