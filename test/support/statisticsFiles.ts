import type { ApplicationStatus } from '../../dialogs/domain/applicationStatus.js';
import type { StatusChange, StoredApplication } from '../../storage/applicationQueue.js';

let sequence = 0;

/**
 * A submitted file as the statistics read it: its status, its answers, when it was sent and, for a decided one,
 * when the committee decided. Each call gives the next reference and its own applicant.
 */
export function statisticsFile(
  status: ApplicationStatus,
  data: Record<string, unknown>,
  options: { submittedAt?: string; decidedAt?: string } = {},
): StoredApplication {
  sequence += 1;
  const submittedAt = options.submittedAt ?? '2026-09-15T10:00:00.000Z';
  const history: StatusChange[] = [{ at: submittedAt, by: 'user-1', from: null, to: 'received' }];
  if (options.decidedAt)
    history.push({ at: options.decidedAt, by: 'committee', from: 'in_review', to: status });
  return {
    reference: `ALZ-2026-${String(sequence).padStart(4, '0')}`,
    status,
    submittedAt,
    channel: 'webchat',
    origin: 'applicant',
    userId: `user-${sequence}`,
    data,
    history,
  };
}
