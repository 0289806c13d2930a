import { APPLICATION_FORM } from '../../dialogs/domain/applicationForm.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { ANONYMISED, anonymisation, PERSONAL_DATA_KEYS } from '../../storage/retentionPolicy.js';

// The form marks its personal fields (the information notice comes before them); retention must erase the same.
const personalFields = APPLICATION_FORM.filter((field) => field.personal).map((field) => field.key);
const companyFields = APPLICATION_FORM.filter((field) => !field.personal).map((field) => field.key);

describe("retention's personal data are the form's personal fields", () => {
  test('the same keys, none forgotten on either side', () => {
    expect([...PERSONAL_DATA_KEYS].sort()).toEqual([...personalFields].sort());
    expect(personalFields.length).toBeGreaterThan(0);
  });

  test('anonymising a complete file empties every personal field and keeps every company fact', () => {
    const data = Object.fromEntries(APPLICATION_FORM.map((field) => [field.key, `value of ${field.key}`]));
    const file = {
      reference: 'ALZ-2026-0001',
      status: 'accepted',
      submittedAt: '2026-03-16T09:30:00.000Z',
      channel: 'webchat',
      origin: 'applicant',
      userId: 'dl_visitor',
      data,
      history: [{ at: '2026-03-16T09:30:00.000Z', by: 'dl_visitor', from: null, to: 'received' }],
    } as unknown as StoredApplication;

    const amendment = anonymisation(file, new Date('2031-04-01T00:00:00Z'));

    expect(Object.keys(amendment.data ?? {}).sort()).toEqual([...personalFields].sort());
    expect(Object.values(amendment.data ?? {}).every((value) => value === null)).toBe(true);
    for (const key of companyFields) expect(amendment.data ?? {}).not.toHaveProperty([key]);
    expect(amendment.userId).toBe(ANONYMISED);
  });
});
