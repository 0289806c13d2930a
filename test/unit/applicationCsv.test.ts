import { displayUserId } from '../../storage/displayUserId.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_DATA_KEYS,
  APPLICATION_META_KEYS,
  applicationsToCsv,
  applicationToRecord,
  type StoredApplication,
} from '../../storage/index.js';

const BOM = '\uFEFF';

function application(overrides: Partial<StoredApplication> = {}): StoredApplication {
  return {
    reference: 'ALZ-2026-0001',
    status: 'received',
    submittedAt: '2026-03-16T09:30:00.000Z',
    channel: 'webchat',
    origin: 'applicant',
    userId: 'user-1',
    eligibility: { verdict: 'OK', reasons: [] },
    data: {},
    history: [{ at: '2026-03-16T09:30:00.000Z', by: 'user-1', from: null, to: 'received' }],
    ...overrides,
  };
}

const withData = (data: Record<string, unknown>): StoredApplication => application({ data });

/** Reads back what applicationsToCsv wrote (`;`, double-quoted cells, CRLF rows), BOM removed. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(BOM.length);
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    const next = body[index + 1];
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && next === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      index++;
    } else {
      cell += char;
    }
  }
  expect(row).toEqual([]); // the last row ended with CRLF
  expect(cell).toBe('');
  return rows;
}

/** The cell of `column` in the first data row. */
function cellOf(data: Record<string, unknown>, column: string): string {
  const [header, first] = parseCsv(applicationsToCsv([withData(data)]));
  return first[header.indexOf(column)];
}

describe('applicationsToCsv: the file Excel opens', () => {
  test('starts with one UTF-8 BOM, separates with ";" and ends every row with CRLF', () => {
    const csv = applicationsToCsv([withData({ 'company.name': 'Cévennes Usinage' })]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).not.toContain(BOM);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3); // header, one row, and the empty tail after the last CRLF
    expect(lines[0]).toBe(APPLICATION_COLUMNS.join(';'));
    expect(lines[1].split(';')).toHaveLength(APPLICATION_COLUMNS.length);
  });

  test('the columns follow DOMAIN.md: meta first, then the table in order, then the history', () => {
    expect(APPLICATION_COLUMNS.slice(0, 9)).toEqual([
      'reference',
      'status',
      'submittedAt',
      'channel',
      'origin',
      'userId',
      'advisorId',
      'eligibility.verdict',
      'eligibility.reasons',
    ]);
    expect(APPLICATION_COLUMNS).toEqual([...APPLICATION_META_KEYS, ...APPLICATION_DATA_KEYS, 'history']);
    const order = ['company.name', 'company.siret', 'company.headcount', 'company.turnover', 'project.type'];
    const positions = order.map((key) => APPLICATION_COLUMNS.indexOf(key));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(APPLICATION_COLUMNS.indexOf('project.amountRequested')).toBeLessThan(
      APPLICATION_COLUMNS.indexOf('project.jobsCreated'),
    );
    expect(APPLICATION_COLUMNS.indexOf('contact.phone')).toBeLessThan(
      APPLICATION_COLUMNS.indexOf('documents'),
    );
  });

  test('the header is the same whatever the files hold; keys outside the table come last, sorted', () => {
    const [emptyHeader] = parseCsv(applicationsToCsv([]));
    expect(emptyHeader).toEqual([...APPLICATION_COLUMNS]);
    const [header] = parseCsv(applicationsToCsv([withData({ 'zeta.note': 'z', 'alpha.note': 'a' })]));
    expect(header).toEqual([...APPLICATION_COLUMNS, 'alpha.note', 'zeta.note']);
  });

  test('given columns are used as they are, in their order', () => {
    const csv = applicationsToCsv(
      [withData({ 'company.name': 'Gardon Bois' })],
      ['company.name', 'reference'],
    );
    expect(csv).toBe(`${BOM}company.name;reference\r\nGardon Bois;ALZ-2026-0001\r\n`);
  });

  test('one row per application, in the order given', () => {
    const apps = [application(), application({ reference: 'ALZ-2026-0002' })];
    const rows = parseCsv(applicationsToCsv(apps));
    expect(rows.map((row) => row[0])).toEqual(['reference', 'ALZ-2026-0001', 'ALZ-2026-0002']);
  });

  test('cells with ";", double quotes or line breaks are quoted, quotes doubled', () => {
    const csv = applicationsToCsv(
      [withData({ 'company.name': 'A; B "C"', 'project.description': 'one\r\ntwo' })],
      ['company.name', 'project.description'],
    );
    expect(csv).toBe(`${BOM}company.name;project.description\r\n"A; B ""C""";"one\ntwo"\r\n`);
  });

  test.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+33612345678', `'+33612345678`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\ncmd`],
    ['＝HYPERLINK("http://x")', `'＝HYPERLINK("http://x")`],
    ['＋33612345678', `'＋33612345678`],
    ['－2＋3', `'－2＋3`],
    ['＠SUM(A1)', `'＠SUM(A1)`],
    ['﹦1+1', `'﹦1+1`],
    ['  =1+1', `'  =1+1`],
    ['\u200b=1+1', `'\u200b=1+1`],
    ['\u202e=1+1', `'\u202e=1+1`],
    ['a=b', 'a=b'],
    ['a＝b', 'a＝b'],
  ])('a text cell %p becomes %p (formula injection guard)', (value, expected) => {
    expect(cellOf({ 'company.name': value }, 'company.name')).toBe(expected);
  });

  test('negative numbers are numbers: no apostrophe', () => {
    expect(cellOf({ 'company.turnover': -1500.25 }, 'company.turnover')).toBe('-1500,25');
  });

  test('amounts are plain numbers with a decimal comma and no thousands grouping', () => {
    expect(cellOf({ 'company.turnover': 1250000.5 }, 'company.turnover')).toBe('1250000,5');
    expect(cellOf({ 'project.amountRequested': 30000 }, 'project.amountRequested')).toBe('30000');
    expect(cellOf({ 'company.groupShare': 0.25 }, 'company.groupShare')).toBe('0,25');
  });

  test('arrays are joined with ", ", booleans and dates kept readable, empty values empty', () => {
    expect(cellOf({ 'project.aidTypes': ['financial', 'mentoring'] }, 'project.aidTypes')).toBe(
      'financial, mentoring',
    );
    expect(cellOf({ 'company.independent': false }, 'company.independent')).toBe('false');
    expect(cellOf({ 'project.startDate': new Date('2027-01-15T00:00:00Z') }, 'project.startDate')).toBe(
      '2027-01-15T00:00:00.000Z',
    );
    expect(cellOf({ 'company.creationDate': '2015-03-12' }, 'company.creationDate')).toBe('2015-03-12');
    expect(cellOf({ 'company.nafCode': null }, 'company.nafCode')).toBe('');
    expect(cellOf({}, 'advisorId')).toBe('');
  });

  test('meta columns: eligibility reasons joined, submission date ISO, history one entry per change', () => {
    const app = application({
      eligibility: { verdict: 'REVIEW', reasons: ['territory', 'independence'] },
      history: [
        { at: '2026-03-16T09:30:00.000Z', by: 'user-1', from: null, to: 'received' },
        { at: '2026-03-17T08:00:00.000Z', by: 'jury', from: 'received', to: 'in_review', comment: 'ok; go' },
      ],
    });
    const [header, row] = parseCsv(applicationsToCsv([app]));
    const cell = (column: string): string => row[header.indexOf(column)];
    expect(cell('eligibility.verdict')).toBe('REVIEW');
    expect(cell('eligibility.reasons')).toBe('territory, independence');
    expect(cell('submittedAt')).toBe('2026-03-16T09:30:00.000Z');
    // The applicant's own entry carries their pseudonym, never their channel user id.
    expect(cell('history')).toBe(
      `2026-03-16T09:30:00.000Z ${displayUserId('user-1')}: received, 2026-03-17T08:00:00.000Z jury: received > in_review (ok; go)`,
    );
    expect(cell('userId')).toBe(displayUserId('user-1'));
    expect(row.join(',')).not.toContain('user-1');
  });
});

describe('applicationToRecord: the flat JSON of one file', () => {
  test('meta keys, then the form in DOMAIN.md order, then the history; internal fields left out', () => {
    const app = application({
      advisorId: 'adv-7',
      origin: 'advisor',
      conversationReference: { conversation: { id: 'c' } },
      data: { 'contact.email': 'a@b.fr', 'x.extra': 1, 'company.name': 'Gardon Bois', 'company.turnover': 2 },
    });
    const record = applicationToRecord(app);
    expect(Object.keys(record)).toEqual([
      'reference',
      'status',
      'submittedAt',
      'channel',
      'origin',
      'userId',
      'advisorId',
      'eligibility.verdict',
      'eligibility.reasons',
      'company.name',
      'company.turnover',
      'contact.email',
      'x.extra',
      'history',
    ]);
    expect(record).not.toHaveProperty('conversationReference');
    expect(record.userId).toBe(displayUserId('user-1'));
    expect(record.userId).toMatch(/^usr-[0-9a-f]{12}$/);
    expect(record.history).toEqual(
      app.history.map((change) => ({
        ...change,
        by: change.by === 'user-1' ? displayUserId('user-1') : change.by,
      })),
    );
  });

  test('no advisor, no eligibility: the keys are absent', () => {
    const record = applicationToRecord(application({ eligibility: undefined }));
    expect(record).not.toHaveProperty('advisorId');
    expect(record).not.toHaveProperty('eligibility.verdict');
  });

  test('the SIRET is 14 digits without spaces, leading zeros kept', () => {
    expect(applicationToRecord(withData({ 'company.siret': '732 829 320 00074' }))['company.siret']).toBe(
      '73282932000074',
    );
    expect(applicationToRecord(withData({ 'company.siret': 1234567800019 }))['company.siret']).toBe(
      '01234567800019',
    );
  });

  test('a form key spelled like a meta key cannot overwrite it', () => {
    const record = applicationToRecord(withData({ status: 'accepted', reference: 'ALZ-2026-9999' }));
    expect(record.status).toBe('received');
    expect(record.reference).toBe('ALZ-2026-0001');
  });
});
