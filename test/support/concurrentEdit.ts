import type { ApplicationQueue } from '../../storage/index.js';
import type { ApiAnswer } from './committeeApiClient.js';
import { callCheckedApi } from './openApiCheck.js';

export interface ConcurrentEditOutcome {
  etagRead: [string | null, string | null];
  first: ApiAnswer;
  second: ApiAnswer;
  /** The statuses of the history once both reviewers are done. */
  history: string[];
  /** What GET answers afterwards. */
  after: ApiAnswer;
}

/**
 * Two reviewers read one file (same ETag); the first moves it to in_review, the second, unaware, withdraws it
 * with the ETag they read. The same story over HTTP whatever the queue's back end.
 */
export async function concurrentEdit(
  url: string,
  token: string,
  queue: ApplicationQueue,
  reference: string,
): Promise<ConcurrentEditOutcome> {
  const authorization = `Bearer ${token}`;
  const read = () => callCheckedApi(url, `/api/applications/${reference}`, { authorization });
  const [marie, paul] = await Promise.all([read(), read()]);
  const patch = (etag: string | null, status: string, by: string) =>
    callCheckedApi(url, `/api/applications/${reference}`, {
      method: 'PATCH',
      authorization,
      contentType: 'application/json',
      headers: etag === null ? {} : { 'if-match': etag },
      body: JSON.stringify({ status, by }),
    });
  const first = await patch(marie.headers.get('etag'), 'in_review', 'Marie');
  const second = await patch(paul.headers.get('etag'), 'withdrawn', 'Paul');
  const stored = await queue.get(reference);
  return {
    etagRead: [marie.headers.get('etag'), paul.headers.get('etag')],
    first,
    second,
    history: stored?.history.map((change) => change.to) ?? [],
    after: await read(),
  };
}
