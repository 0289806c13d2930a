import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALES_DIR } from '../../bot/i18n.js';
import { choiceLabel, reasonLabel, verdictLabel, withLabels } from '../../committee/committeeLabels.js';
import { FIELD_REGISTRY } from '../../dialogs/domain/fieldRegistry.js';
import { committeeText } from '../support/committeeText.js';

/** Every reason a rule can give: the keys of `eligibility:reason.*` (plural forms counted once). */
function reasonKeys(): string[] {
  const tree = JSON.parse(
    fs.readFileSync(path.join(DEFAULT_LOCALES_DIR, 'fr', 'eligibility.json'), 'utf8'),
  ) as {
    reason: Record<string, string | Record<string, string>>;
  };
  return Object.entries(tree.reason).flatMap(([rule, codes]) =>
    typeof codes === 'string'
      ? [`eligibility:reason.${rule}`]
      : [
          ...new Set(
            Object.keys(codes).map(
              (code) => `eligibility:reason.${rule}.${code.replace(/_(one|other)$/, '')}`,
            ),
          ),
        ],
  );
}

describe('the committee labels', () => {
  test.each(['fr', 'en'] as const)('%s: every eligibility reason has a short committee label', (locale) => {
    const text = committeeText(locale);
    const unlabelled = reasonKeys().filter((reason) => reasonLabel(reason, text) === reason);
    expect(unlabelled).toEqual([]);
  });

  test.each(['fr', 'en'] as const)(
    '%s: every verdict and every code of a closed answer has a label',
    (locale) => {
      const text = committeeText(locale);
      for (const verdict of ['OK', 'REVIEW', 'NO']) expect(verdictLabel(verdict, text)).not.toBe(verdict);
      for (const field of FIELD_REGISTRY.fields.filter((f) => f.choiceLabelKeys)) {
        for (const code of Object.keys(field.choiceLabelKeys ?? {})) {
          expect([field.key, code, choiceLabel(field.key, code, text)]).toEqual([
            field.key,
            code,
            expect.any(String),
          ]);
        }
      }
    },
  );

  test('labels sit next to the codes, which stay as they are', () => {
    const record = {
      status: 'received',
      'project.type': 'takeover',
      'project.aidTypes': ['financial'],
      'company.name': 'takeover',
    };
    const fr = committeeText('fr');
    expect(withLabels(record, fr)).toEqual({
      ...record,
      statusLabel: fr.t('committee:status.label.received'),
      'project.typeLabel': fr.t('application:choice.projectType.takeover'),
      'project.aidTypesLabels': [fr.t('application:item.aidTypes.financial')],
    });
  });
});
