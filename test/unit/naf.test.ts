import {
  ACTIVITY_CATEGORIES,
  isActivityCategory,
  parseNafCode,
  sectionOfDivision,
  sectorEffect,
  type ActivityCategory,
  type NafSection,
} from '../../dialogs/domain/naf.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { settings } from '../support/programmeFixture.js';

describe('parseNafCode', () => {
  test.each(['25.62B', '2562B', '25.62b', '25 62 B', 'code NAF 2562B', 'notre APE : 25.62 B.', ' 25-62B '])(
    'reads %j as 25.62B in division 25, section C',
    (text) => {
      expect(parseNafCode(text)).toEqual({ ok: true, code: '25.62B', division: '25', section: 'C' });
    },
  );

  test.each([
    ['2562', 'no letter'],
    ['25.6B', 'three digits'],
    ['83.11Z', 'division 83 does not exist'],
    ['04.10Z', 'division 04 does not exist'],
    ['30100', 'a postal code'],
    ['30100 Alès', 'a postal code followed by a name'],
    ['usinage', 'words only'],
    ['', 'nothing'],
  ])('rejects %j (%s)', (text) => {
    expect(parseNafCode(text)).toEqual({ ok: false });
  });
});

describe('sectionOfDivision follows the NAF rév. 2 table', () => {
  const table: [NafSection, string[]][] = [
    ['A', ['01', '02', '03']],
    ['B', ['05', '09']],
    ['C', ['10', '25', '33']],
    ['D', ['35']],
    ['E', ['36', '39']],
    ['F', ['41', '43']],
    ['G', ['45', '47']],
    ['H', ['49', '52', '53']],
    ['I', ['55', '56']],
    ['J', ['58', '63']],
    ['K', ['64', '66']],
    ['L', ['68']],
    ['M', ['69', '74', '75']],
    ['N', ['77', '82']],
    ['O', ['84']],
    ['P', ['85']],
    ['Q', ['86', '88']],
    ['R', ['90', '93']],
    ['S', ['94', '96']],
    ['T', ['97', '98']],
    ['U', ['99']],
  ];
  test.each(table)('section %s holds divisions %j', (section, divisions) => {
    divisions.forEach((division) => expect(sectionOfDivision(division)).toBe(section));
  });

  test.each(['00', '04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '100', '5', 'ab'])(
    '%j is no NAF division',
    (division) => {
      expect(sectionOfDivision(division)).toBeUndefined();
    },
  );
});

describe('sectorEffect with the default settings', () => {
  // One code per section, chosen outside the divisions that have their own rule.
  test.each([
    ['A', '01.11Z', 'NO'],
    ['B', '08.11Z', 'OK'],
    ['C', '25.62B', 'OK'],
    ['D', '35.11Z', 'OK'],
    ['E', '38.11Z', 'OK'],
    ['F', '43.21A', 'REVIEW'],
    ['G', '46.69B', 'REVIEW'],
    ['H', '53.10Z', 'REVIEW'],
    ['I', '56.10A', 'REVIEW'],
    ['J', '62.01Z', 'REVIEW'],
    ['K', '64.19Z', 'NO'],
    ['L', '68.20A', 'NO'],
    ['M', '75.00Z', 'REVIEW'],
    ['N', '81.21Z', 'OK'],
    ['O', '84.11Z', 'REVIEW'],
    ['P', '85.59A', 'REVIEW'],
    ['Q', '86.10Z', 'REVIEW'],
    ['R', '90.01Z', 'REVIEW'],
    ['S', '95.11Z', 'REVIEW'],
  ])('section %s (%s) → %s', (section, nafCode, effect) => {
    expect(parseNafCode(nafCode)).toMatchObject({ ok: true, section });
    expect(sectorEffect({ nafCode }, settings)).toBe(effect);
  });

  test.each([
    ['49', '49.41A', 'OK', 'first division of transport, in section H'],
    ['52', '52.10B', 'OK', 'warehousing, last of 49–52'],
    ['53', '53.20Z', 'REVIEW', 'postal services: section H without an override'],
    ['69', '69.20Z', 'OK', 'accounting, first of 69–74'],
    ['74', '74.90B', 'OK', 'last of 69–74'],
    ['75', '75.00Z', 'REVIEW', 'veterinary: section M without an override'],
    ['77', '77.32Z', 'OK', 'rental of machinery, first of 77–82'],
    ['82', '82.92Z', 'OK', 'packaging, last of 77–82'],
    ['83', '83.00Z', 'REVIEW', 'no such division: an unreadable code goes to an advisor'],
  ])('division %s (%s) → %s: %s', (_division, nafCode, effect) => {
    expect(sectorEffect({ nafCode }, settings)).toBe(effect);
  });

  test('a division rule wins over its section rule, both ways', () => {
    const custom: Pick<ProgrammeSettings, 'sectors'> = {
      sectors: { default: 'REVIEW', sections: { C: 'NO', H: 'OK' }, divisions: { '25': 'OK', '53': 'NO' } },
    };
    expect(sectorEffect({ nafCode: '25.62B' }, custom)).toBe('OK');
    expect(sectorEffect({ nafCode: '24.10Z' }, custom)).toBe('NO');
    expect(sectorEffect({ nafCode: '53.10Z' }, custom)).toBe('NO');
    expect(sectorEffect({ nafCode: '49.41A' }, custom)).toBe('OK');
  });
});

describe('activity categories for buttons', () => {
  test.each([
    ['industry', 'OK'],
    ['energyEnvironment', 'OK'],
    ['construction', 'REVIEW'],
    ['transport', 'OK'],
    ['businessServices', 'OK'],
    ['digital', 'REVIEW'],
    ['commerce', 'REVIEW'],
    ['hospitality', 'REVIEW'],
    ['agriculture', 'NO'],
    ['finance', 'NO'],
    ['realEstate', 'NO'],
    ['other', 'REVIEW'],
  ] as [ActivityCategory, string][])('%s → %s', (category, effect) => {
    expect(sectorEffect({ category }, settings)).toBe(effect);
  });

  test('every category is listed once and recognised', () => {
    expect(new Set(ACTIVITY_CATEGORIES).size).toBe(ACTIVITY_CATEGORIES.length);
    ACTIVITY_CATEGORIES.forEach((category) => expect(isActivityCategory(category)).toBe(true));
    expect(isActivityCategory('constructor')).toBe(false);
  });
});
