import { Localizer } from '../../bot/i18n.js';
import { applicationBlock, formatAmount } from '../../committee/committeeFormat.js';
import { APPLICATION_FORM } from '../../dialogs/domain/applicationForm.js';
import { FIELD_REGISTRY } from '../../dialogs/domain/fieldRegistry.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { PERSONAL_DATA_KEYS } from '../../storage/retentionPolicy.js';

const localizer = new Localizer();

describe('the field registry', () => {
  test('every key of the file has its committee label in both locales', () => {
    const missing = FIELD_REGISTRY.fields.flatMap((field) =>
      (['fr', 'en'] as const)
        .filter((locale) => !localizer.hasKey(locale, field.labelKey))
        .map((locale) => `${locale}: ${field.labelKey}`),
    );
    expect(missing).toEqual([]);
  });

  test('every question has its prompt, example and recap label in both locales', () => {
    const missing = APPLICATION_FORM.flatMap((field) =>
      [field.promptKey, field.exampleKey, field.labelKey].flatMap((key) =>
        (['fr', 'en'] as const).filter((locale) => !localizer.hasKey(locale, key)).map((l) => `${l}: ${key}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  test('retention anonymises exactly the personal fields of the form', () => {
    const personal = APPLICATION_FORM.filter((field) => field.personal).map((field) => field.key);
    expect([...PERSONAL_DATA_KEYS].sort()).toEqual([...personal].sort());
    expect(PERSONAL_DATA_KEYS.length).toBeGreaterThan(0);
  });

  test('every key is defined once, in the order the committee reads a file', () => {
    expect(new Set(FIELD_REGISTRY.keys).size).toBe(FIELD_REGISTRY.keys.length);
    const groups = FIELD_REGISTRY.fields.map((field) => field.section);
    const firstOf = (group: string) => groups.indexOf(group as never);
    const lastOf = (group: string) => groups.lastIndexOf(group as never);
    expect(lastOf('company')).toBeLessThan(firstOf('project'));
    expect(lastOf('project')).toBeLessThan(firstOf('contact'));
    expect(lastOf('contact')).toBeLessThan(firstOf('other'));
    expect(FIELD_REGISTRY.keys.slice(-2)).toEqual(['notice.acknowledgedAt', 'documents']);
  });

  test('the amount of other financing is stored and shown in euros to the committee', () => {
    expect(FIELD_REGISTRY.find('project.otherFinancingAmount')?.kind).toBe('amount');
    const app: StoredApplication = {
      reference: 'ALZ-2026-0001',
      status: 'received',
      submittedAt: '2026-10-01T08:00:00.000Z',
      channel: 'webchat',
      origin: 'applicant',
      userId: 'user-1',
      data: { 'project.otherFinancing': 'Prêt bancaire', 'project.otherFinancingAmount': 150000 },
      history: [{ at: '2026-10-01T08:00:00.000Z', by: 'user-1', from: null, to: 'received' }],
    };
    for (const locale of ['fr', 'en'] as const) {
      const text = { ...localizer.language(locale), hasKey: (key: string) => localizer.hasKey(locale, key) };
      const line = applicationBlock(app, text)
        .split('\n')
        .find((one) => one.includes(text.t('committee:field.project.otherFinancingAmount')));
      expect(line).toContain(formatAmount(150000, locale));
    }
  });
});
