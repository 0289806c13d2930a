import { statusLabel } from '../committeeLabels.js';
import type { CommitteeText } from '../committeeFormat.js';
import { displayedHistory } from '../../storage/displayUserId.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { longDateTime } from './pdfValues.js';

/**
 * The file's history, one line a change. The committee's copy says who made each change (the applicant under
 * their pseudonym); the applicant's does not name the advisors. A comment is in both: the applicant was told it.
 */
export function historyLines(
  application: StoredApplication,
  text: CommitteeText,
  committee: boolean,
): string[] {
  const { t } = text;
  return displayedHistory(application).map((change) => {
    const at = longDateTime(change.at, text);
    let line: string;
    if (change.kind === 'documentAdded') {
      const key = `documents:piece.${change.piece ?? 'other'}`;
      line = t('pdf:history.documentAdded', { at, piece: text.hasKey(key) ? t(key) : (change.piece ?? '') });
    } else if (change.kind === 'correctionRequest') {
      line = t('pdf:history.correctionRequest', { at });
    } else if (change.from === null) {
      line = t('pdf:history.submitted', { at, to: statusLabel(change.to, text) });
    } else {
      line = t('pdf:history.change', {
        at,
        from: statusLabel(change.from, text),
        to: statusLabel(change.to, text),
      });
    }
    const by = committee ? ` ${t('pdf:history.by', { by: change.by })}` : '';
    const comment = change.comment
      ? ` ${t('committee:show.historyComment', { comment: change.comment })}`
      : '';
    return `${line}${by}${comment}`;
  });
}
