import {
  easterSunday,
  frenchPublicHolidayOn,
  frenchPublicHolidays,
  type FrenchPublicHoliday,
} from '../../dialogs/domain/frenchHolidays.js';
import {
  currentPeriod,
  dayClosure,
  isOpen,
  nextOpening,
  type DayClosure,
  type OfficeHoursSettings,
} from '../../dialogs/domain/officeHours.js';
import { toIso } from '../../dialogs/french/dateCalendar.js';
import { clockTimeOf, instantAt, minutesOf, wallClockIn } from '../../dialogs/domain/zonedTime.js';

// The defaults of DOMAIN.md, written out so that a change of the CCI's settings file does not move these tests.
const SETTINGS: OfficeHoursSettings = {
  timeZone: 'Europe/Paris',
  officeHours: {
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    periods: [
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ],
    closedOnPublicHolidays: true,
    closedDates: [],
  },
};

const withOfficeHours = (change: Partial<OfficeHoursSettings['officeHours']>): OfficeHoursSettings => ({
  ...SETTINGS,
  officeHours: { ...SETTINGS.officeHours, ...change },
});

const at = (iso: string): Date => new Date(iso);

describe('Easter and the French public holidays', () => {
  test.each([
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    // The extremes of the Gregorian computus: 22 March and 25 April.
    [2285, '2285-03-22'],
    [2038, '2038-04-25'],
  ])('Easter %i is on %s', (year, date) => {
    expect(toIso(easterSunday(year))).toBe(date);
  });

  test('2027 has its eleven holidays in calendar order, the Easter-based ones included', () => {
    expect(frenchPublicHolidays(2027)).toEqual([
      { holiday: 'newYearsDay', date: '2027-01-01' },
      { holiday: 'easterMonday', date: '2027-03-29' },
      { holiday: 'labourDay', date: '2027-05-01' },
      { holiday: 'ascensionDay', date: '2027-05-06' },
      { holiday: 'victoryInEuropeDay', date: '2027-05-08' },
      { holiday: 'whitMonday', date: '2027-05-17' },
      { holiday: 'bastilleDay', date: '2027-07-14' },
      { holiday: 'assumptionDay', date: '2027-08-15' },
      { holiday: 'allSaintsDay', date: '2027-11-01' },
      { holiday: 'armisticeDay', date: '2027-11-11' },
      { holiday: 'christmasDay', date: '2027-12-25' },
    ]);
  });

  test('a day that is no holiday, Good Friday and Boxing Day included (Alsace-Moselle only)', () => {
    expect(frenchPublicHolidayOn('2027-03-26')).toBeUndefined();
    expect(frenchPublicHolidayOn('2027-12-26')).toBeUndefined();
    expect(frenchPublicHolidayOn('2027-03-28')).toBeUndefined();
  });

  test('Ascension on Labour Day (2008) keeps both holidays', () => {
    const onFirstOfMay = frenchPublicHolidays(2008).filter((entry) => entry.date === '2008-05-01');
    expect(onFirstOfMay.map((entry) => entry.holiday)).toEqual(['labourDay', 'ascensionDay']);
  });
});

describe('are advisors in? (Europe/Paris wall time)', () => {
  type Expected = { open: true; period: string } | { open: false; closure: DayClosure | undefined };
  const open = (period: string): Expected => ({ open: true, period });
  const closed = (closure?: DayClosure): Expected => ({ open: false, closure });
  const holiday = (name: FrenchPublicHoliday): Expected => closed({ reason: 'publicHoliday', holiday: name });

  test.each([
    ['a weekday morning', '2026-11-24T09:15:00+01:00', open('08:30-12:00')],
    ['the first minute of the morning', '2026-11-24T08:30:00+01:00', open('08:30-12:00')],
    ['a minute before opening', '2026-11-24T08:29:59+01:00', closed()],
    ['the last minute of the morning', '2026-11-24T11:59:59+01:00', open('08:30-12:00')],
    ['the lunch break starting at noon', '2026-11-24T12:00:00+01:00', closed()],
    ['the lunch break', '2026-11-24T12:45:00+01:00', closed()],
    ['the afternoon opening', '2026-11-24T13:30:00+01:00', open('13:30-17:30')],
    ['closing time', '2026-11-24T17:30:00+01:00', closed()],
    ['a Saturday morning', '2026-11-28T10:00:00+01:00', closed({ reason: 'dayOff' })],
    ['a Sunday morning', '2026-11-29T10:00:00+01:00', closed({ reason: 'dayOff' })],
    ['Easter Monday 2027', '2027-03-29T10:00:00+02:00', holiday('easterMonday')],
    ['the Tuesday after Easter', '2027-03-30T10:00:00+02:00', open('08:30-12:00')],
    ['Ascension 2027 (a Thursday)', '2027-05-06T10:00:00+02:00', holiday('ascensionDay')],
    ['Whit Monday 2027', '2027-05-17T10:00:00+02:00', holiday('whitMonday')],
    ['Labour Day 2026 (a Friday)', '2026-05-01T10:00:00+02:00', holiday('labourDay')],
    ['8 May 2026 (a Friday)', '2026-05-08T10:00:00+02:00', holiday('victoryInEuropeDay')],
    ['14 July 2027 (a Wednesday)', '2027-07-14T10:00:00+02:00', holiday('bastilleDay')],
    ['15 August 2028 (a Tuesday)', '2028-08-15T10:00:00+02:00', holiday('assumptionDay')],
    ['1 November 2027 (a Monday)', '2027-11-01T10:00:00+01:00', holiday('allSaintsDay')],
    ['11 November 2026 (a Wednesday)', '2026-11-11T10:00:00+01:00', holiday('armisticeDay')],
    ['Christmas 2026 (a Friday)', '2026-12-25T10:00:00+01:00', holiday('christmasDay')],
    ["New Year's Day 2027 (a Friday)", '2027-01-01T10:00:00+01:00', holiday('newYearsDay')],
    // The same UTC time reads an hour later on the wall once summer time starts, and an hour earlier once it ends.
    ['07:15 UTC the Friday before summer time (08:15 in Paris)', '2027-03-26T07:15:00Z', closed()],
    [
      '06:45 UTC the Tuesday after summer time starts (08:45 in Paris)',
      '2027-03-30T06:45:00Z',
      open('08:30-12:00'),
    ],
    ['10:45 UTC the Friday before winter time (12:45 in Paris)', '2027-10-29T10:45:00Z', closed()],
    [
      '10:45 UTC the Tuesday after winter time starts (11:45 in Paris)',
      '2027-11-02T10:45:00Z',
      open('08:30-12:00'),
    ],
    ['16:15 UTC the Friday before winter time (18:15 in Paris)', '2027-10-29T16:15:00Z', closed()],
    [
      '16:15 UTC the Tuesday after winter time starts (17:15 in Paris)',
      '2027-11-02T16:15:00Z',
      open('13:30-17:30'),
    ],
  ])('%s: %s', (_label, iso, expected: Expected) => {
    const now = at(iso);
    const period = currentPeriod(SETTINGS, now);
    expect(isOpen(SETTINGS, now)).toBe(expected.open);
    if (expected.open) {
      expect(period && `${period.from}-${period.to}`).toBe(expected.period);
    } else {
      expect(period).toBeUndefined();
      const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
      expect(dayClosure(SETTINGS, localDate)).toEqual(expected.closure);
    }
  });

  test('the current period says when it ends, as an instant', () => {
    expect(currentPeriod(SETTINGS, at('2027-03-30T14:00:00+02:00'))).toEqual({
      from: '13:30',
      to: '17:30',
      localDate: '2027-03-30',
      end: at('2027-03-30T17:30:00+02:00'),
    });
  });

  test('a date the CCI closed in closedDates is closed; the same day is open without it', () => {
    const bridgeDay = at('2027-05-07T10:00:00+02:00');
    const settings = withOfficeHours({ closedDates: ['2027-05-07'] });
    expect(isOpen(settings, bridgeDay)).toBe(false);
    expect(dayClosure(settings, '2027-05-07')).toEqual({ reason: 'closedDate' });
    expect(isOpen(SETTINGS, bridgeDay)).toBe(true);
  });

  test('with closedOnPublicHolidays false, advisors answer on Easter Monday', () => {
    const settings = withOfficeHours({ closedOnPublicHolidays: false });
    expect(isOpen(settings, at('2027-03-29T10:00:00+02:00'))).toBe(true);
  });

  test('periods listed out of order and touching make one stretch', () => {
    const settings = withOfficeHours({
      periods: [
        { from: '12:00', to: '14:00' },
        { from: '09:00', to: '12:00' },
      ],
    });
    expect(currentPeriod(settings, at('2026-11-24T11:00:00+01:00'))).toMatchObject({
      from: '09:00',
      to: '14:00',
    });
    expect(isOpen(settings, at('2026-11-24T12:00:00+01:00'))).toBe(true);
  });
});

describe('when are advisors back?', () => {
  test.each([
    ['Friday 21:00 → Monday 08:30', '2026-11-27T21:00:00+01:00', '2026-11-30T08:30:00+01:00'],
    ['Friday 12:15 → 13:30 the same day', '2026-11-27T12:15:00+01:00', '2026-11-27T13:30:00+01:00'],
    ['Tuesday 07:00 → 08:30 the same day', '2026-11-24T07:00:00+01:00', '2026-11-24T08:30:00+01:00'],
    ['Thursday at closing time → Friday 08:30', '2026-11-26T17:30:00+01:00', '2026-11-27T08:30:00+01:00'],
    ['Saturday noon → Monday 08:30', '2026-11-28T12:00:00+01:00', '2026-11-30T08:30:00+01:00'],
    [
      'Easter Sunday 2027, the day summer time starts → Tuesday 08:30 (summer time)',
      '2027-03-28T15:00:00+02:00',
      '2027-03-30T08:30:00+02:00',
    ],
    [
      'Friday evening before summer time starts (2026, no holiday) → Monday 08:30 summer time',
      '2026-03-27T18:00:00+01:00',
      '2026-03-30T08:30:00+02:00',
    ],
    [
      'Friday evening before winter time starts (2026) → Monday 08:30 winter time',
      '2026-10-23T18:00:00+02:00',
      '2026-10-26T08:30:00+01:00',
    ],
    [
      'Friday evening before winter time starts (2027), Monday being 1 November → Tuesday 08:30',
      '2027-10-29T18:00:00+02:00',
      '2027-11-02T08:30:00+01:00',
    ],
    ['Ascension Thursday 2027 → Friday 08:30', '2027-05-06T10:00:00+02:00', '2027-05-07T08:30:00+02:00'],
    [
      'the Friday before Whit Monday 2027 → Tuesday',
      '2027-05-14T18:00:00+02:00',
      '2027-05-18T08:30:00+02:00',
    ],
    ['14 July 2027 → 15 July 08:30', '2027-07-14T09:00:00+02:00', '2027-07-15T08:30:00+02:00'],
    [
      'Christmas Eve 2026 evening → Monday 28 December (the 25th is a Friday)',
      '2026-12-24T19:00:00+01:00',
      '2026-12-28T08:30:00+01:00',
    ],
    ["New Year's Eve 2026 → Monday 4 January 2027", '2026-12-31T18:00:00+01:00', '2027-01-04T08:30:00+01:00'],
  ])('%s', (_label, now, expected) => {
    const opening = nextOpening(SETTINGS, at(now));
    expect(opening?.start.toISOString()).toBe(at(expected).toISOString());
    expect(opening?.localDate).toBe(expected.slice(0, 10));
    expect(opening?.localTime).toBe(expected.slice(11, 16));
  });

  test('during office hours, advisors are there now', () => {
    const now = at('2026-11-24T10:42:00+01:00');
    expect(nextOpening(SETTINGS, now)).toEqual({ start: now, localDate: '2026-11-24', localTime: '10:42' });
  });

  test('a closed bridge day after Ascension pushes the opening to Monday', () => {
    const settings = withOfficeHours({ closedDates: ['2027-05-07'] });
    expect(nextOpening(settings, at('2027-05-06T10:00:00+02:00'))?.start).toEqual(
      at('2027-05-10T08:30:00+02:00'),
    );
  });

  test('settings with no working day never open, and say so', () => {
    const settings = withOfficeHours({ days: [] });
    expect(nextOpening(settings, at('2026-11-24T10:00:00+01:00'))).toBeUndefined();
    expect(isOpen(settings, at('2026-11-24T10:00:00+01:00'))).toBe(false);
  });
});

describe('Paris wall time across the changes of time', () => {
  test.each([
    ['an ordinary winter morning', { year: 2027, month: 1, day: 12 }, '08:30', '2027-01-12T07:30:00.000Z'],
    ['an ordinary summer morning', { year: 2027, month: 7, day: 12 }, '08:30', '2027-07-12T06:30:00.000Z'],
    [
      '02:30, skipped in spring, moves forward to 03:30',
      { year: 2027, month: 3, day: 28 },
      '02:30',
      '2027-03-28T01:30:00.000Z',
    ],
    [
      '02:30, repeated in autumn, is its second occurrence',
      { year: 2027, month: 10, day: 31 },
      '02:30',
      '2027-10-31T01:30:00.000Z',
    ],
  ])('%s', (_label, date, time, expected) => {
    expect(instantAt(date, minutesOf(time), 'Europe/Paris').toISOString()).toBe(expected);
  });

  test('the wall clock of an instant', () => {
    expect(wallClockIn(at('2027-10-31T00:30:00Z'), 'Europe/Paris')).toEqual({
      date: { year: 2027, month: 10, day: 31 },
      minutes: 2 * 60 + 30,
    });
    expect(clockTimeOf(minutesOf('17:05'))).toBe('17:05');
  });
});
