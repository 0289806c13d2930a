import type { ApplicationQueue } from './applicationQueue.js';
import type { DocumentStore } from './documentStore.js';

/** Where a draft's documents wait until it is submitted (its id is also the submission's idempotency key). */
export function draftDocumentsOwner(draftId: string): string {
  return `draft-${draftId}`;
}

/**
 * The queue, with one addition: when a draft becomes a file, its documents move from the draft's folder to the
 * reference's, so the committee finds them with the file. A retried submission moves whatever is left.
 */
export function withDocumentsAtSubmission(
  queue: ApplicationQueue,
  documents: DocumentStore,
): ApplicationQueue {
  return new Proxy(queue, {
    get(target, property) {
      const member = Reflect.get(target, property, target) as unknown;
      if (property === 'submit') {
        const submit: ApplicationQueue['submit'] = async (input, idempotencyKey) => {
          const result = await target.submit(input, idempotencyKey);
          await documents.move(draftDocumentsOwner(idempotencyKey), result.application.reference);
          return result;
        };
        return submit;
      }
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
  });
}
