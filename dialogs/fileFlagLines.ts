import { flagsOf } from '../storage/applicationView.js';
import type { StoredApplication } from '../storage/applicationQueue.js';

/** What a file's flags say to the committee and the advisor (committee locale keys), one sentence each. */
export function fileFlagLines(
  app: Pick<StoredApplication, 'eligibility' | 'checks'>,
  t: (key: string, params?: Record<string, unknown>) => string,
  euros: (amount: number) => string,
): string[] {
  return flagsOf(app).map((flag) => {
    if (flag === 'duplicateSiret') {
      return t('committee:flagDetail.duplicateSiret', {
        references: (app.checks?.duplicateOf ?? []).join(', '),
      });
    }
    const cost = app.checks?.costMismatch;
    if (flag === 'costMismatch' && cost) {
      return t('committee:flagDetail.costMismatch', {
        investment: euros(cost.investment),
        amount: euros(cost.amountRequested),
        other: euros(cost.otherFinancing),
        gap: euros(Math.abs(cost.investment - cost.amountRequested - cost.otherFinancing)),
      });
    }
    return t(`committee:flagDetail.${flag}`);
  });
}
