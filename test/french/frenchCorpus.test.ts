import { CORPUS } from './corpus/index.js';
import { figures, isTrap, judge, kindOf, sameValue } from './corpusEval.js';

const results = CORPUS.map(judge);
const clear = results.filter((result) => !isTrap(result.testCase));
const traps = results.filter((result) => isTrap(result.testCase));
const label = ({ testCase }: (typeof results)[number]) =>
  `${testCase.question}: ${JSON.stringify(testCase.text)}`;

describe('the French corpus, through the bot’s one answer-reading path', () => {
  test('has at least 500 cases, clear answers and traps, of every field kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(500);
    expect(traps.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(CORPUS.map((testCase) => kindOf(testCase.question)));
    for (const kind of ['amount', 'count', 'date', 'choice', 'yesNo', 'commune', 'siret', 'activity', 'name'])
      expect(kinds).toContain(kind);
  });

  test.each(clear.map((result) => [label(result), result] as const))(
    'clear %s is never stored wrong',
    (_name, result) => {
      expect(result.outcome).not.toBe('storedWrong');
    },
  );

  test.each(traps.map((result) => [label(result), result] as const))(
    'trap %s is asked again or confirmed, never stored',
    (_name, result) => {
      expect(result.reading.outcome).not.toBe('store');
    },
  );

  test('traps naming the probable reading offer it among the buttons', () => {
    const named = traps.filter(({ testCase }) => typeof testCase.expected === 'object');
    expect(named.length).toBeGreaterThan(20);
    for (const { testCase, reading } of named) {
      const wanted = (testCase.expected as { confirm: unknown }).confirm;
      const offered = reading.outcome === 'confirm' ? reading.readings.map((r) => r.value) : [];
      expect({ case: testCase.text, offered: offered.some((v) => sameValue(wanted as never, v)) }).toEqual({
        case: testCase.text,
        offered: true,
      });
    }
  });

  test('at least 95 % of clear answers are stored right without a confirmation, in every kind', () => {
    for (const { kind, clear: counts } of figures(results)) {
      const total = counts.storedRight + counts.confirmed + counts.askedAgain + counts.storedWrong;
      expect({ kind, share: counts.storedRight / total >= 0.95 || total - counts.storedRight <= 1 }).toEqual({
        kind,
        share: true,
      });
    }
    const right = clear.filter((result) => result.outcome === 'storedRight').length;
    expect(right / clear.length).toBeGreaterThanOrEqual(0.95);
  });
});
