import { addDays, easterSunday } from './dateCalendar.js';
import { dayValue, hit, resolveDay, resolveMonth, yearValue } from './dateResolve.js';
import type { DateContext, DateHit, DateMatcher } from './dateTypes.js';

const START = '(?<![\\p{L}\\d])';
const END = '(?![\\p{L}\\d])';
const OPTIONAL_YEAR = '(?:\\s+(\\d{4}))?';

function regex(source: string): RegExp {
  return new RegExp(source, 'gu');
}

// Fixed feast days; "pâques" is computed. Without a year the next (or last) one is meant: confirm it.
const FIXED_HOLIDAYS: Record<string, readonly [number, number]> = {
  noel: [12, 25],
  'nouvel an': [1, 1],
  "jour de l'an": [1, 1],
  toussaint: [11, 1],
  'saint sylvestre': [12, 31],
  'saint-sylvestre': [12, 31],
  christmas: [12, 25],
  "new year's day": [1, 1],
};

function easterHit(yearText: string | undefined, mondayAfter: boolean, context: DateContext): DateHit {
  const offset = mondayAfter ? 1 : 0;
  if (yearText !== undefined) return hit(dayValue(addDays(easterSunday(Number(yearText)), offset)));
  const step = context.prefer === 'future' ? 1 : -1;
  for (let k = 0; k <= 1; k += 1) {
    const day = addDays(easterSunday(context.today.year + step * k), offset);
    const order =
      day.year - context.today.year || day.month - context.today.month || day.day - context.today.day;
    if (order === 0 || Math.sign(order) === step) return hit(dayValue(day), false);
  }
  return 'invalid';
}

const QUARTERS: Record<string, number> = {
  '1': 1,
  '1er': 1,
  premier: 1,
  first: 1,
  '2': 2,
  '2e': 2,
  '2eme': 2,
  deuxieme: 2,
  second: 2,
  '3': 3,
  '3e': 3,
  '3eme': 3,
  troisieme: 3,
  third: 3,
  '4': 4,
  '4e': 4,
  '4eme': 4,
  quatrieme: 4,
  fourth: 4,
  dernier: 4,
  last: 4,
};
const ORDINAL = `(${Object.keys(QUARTERS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** "T2 2027", "deuxième trimestre 2027", "S2 2027": the first day of the period, to be confirmed. */
function periodStart(
  index: number,
  monthsPerPeriod: number,
  yearText: string | undefined,
  c: DateContext,
): DateHit {
  const month = (index - 1) * monthsPerPeriod + 1;
  if (monthsPerPeriod === 6 && index > 2) return 'invalid';
  const found = resolveMonth(yearText === undefined ? undefined : Number(yearText), month, c);
  return found === 'invalid' ? found : hit(found.value, false);
}

/** Feast days, quarters, semesters, "la rentrée", "fin d'année". */
export function namedPeriodMatchers(): DateMatcher[] {
  return [
    {
      pattern: regex(`${START}(lundi de )?(?:paques|easter)(?: monday)?${OPTIONAL_YEAR}${END}`),
      read: (m, c) => easterHit(m[2], m[1] !== undefined || m[0].includes('monday'), c),
    },
    {
      pattern: regex(`${START}(${Object.keys(FIXED_HOLIDAYS).join('|')})${OPTIONAL_YEAR}${END}`),
      read: (m, c) => {
        const [month, day] = FIXED_HOLIDAYS[m[1]];
        return resolveDay(m[2] === undefined ? undefined : Number(m[2]), month, day, c);
      },
    },
    {
      pattern: regex(
        `${START}(?:[tq]([1-4])|${ORDINAL}\\s+(?:trimestre|quarter))(?:\\s+(?:de\\s+|of\\s+)?(\\d{4}))?${END}`,
      ),
      read: (m, c) => periodStart(QUARTERS[m[1] ?? m[2]], 3, m[3], c),
    },
    {
      pattern: regex(
        `${START}(?:s([12])|${ORDINAL}\\s+(?:semestre|half))(?:\\s+(?:de\\s+|of\\s+)?(\\d{4}))?${END}`,
      ),
      read: (m, c) => periodStart(QUARTERS[m[1] ?? m[2]] === 4 ? 2 : QUARTERS[m[1] ?? m[2]], 6, m[3], c),
    },
    {
      // "à la rentrée (2027)": early September in France
      pattern: regex(`${START}(?:la\\s+)?rentree${OPTIONAL_YEAR}${END}`),
      read: (m, c) => {
        const found = resolveMonth(m[1] === undefined ? undefined : Number(m[1]), 9, c);
        return found === 'invalid' ? found : hit(found.value, false);
      },
    },
    {
      // "fin d'année", "en fin d'année prochaine", "début de l'année"
      pattern: regex(
        `${START}(debut|mi|milieu|fin)\\s+(?:de\\s+l'|d')\\s*annee(?:\\s+(prochaine|derniere|passee))?${END}`,
      ),
      read: (m, c) => {
        const year = c.today.year + (m[2] === undefined ? 0 : m[2] === 'prochaine' ? 1 : -1);
        if (m[1] === 'fin') return hit(yearValue(year, 12, 31));
        return hit(m[1] === 'debut' ? yearValue(year) : yearValue(year, 7, 1));
      },
    },
    {
      // "dans une quinzaine (de jours)", "dans une huitaine"
      pattern: regex(
        `${START}(?:dans|d'ici|sous)\\s+une\\s+(quinzaine|huitaine|dizaine)(?:\\s+de\\s+jours)?${END}`,
      ),
      read: (m, c) =>
        hit(dayValue(addDays(c.today, m[1] === 'quinzaine' ? 14 : m[1] === 'huitaine' ? 7 : 10)), false),
    },
  ];
}
