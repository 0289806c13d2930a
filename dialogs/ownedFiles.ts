import type { TurnContext } from 'botbuilder';
import type { ApplicationQueue, StoredApplication } from '../storage/applicationQueue.js';
import { ownerOf } from './owner.js';

const REFERENCE = /\bALZ[-\s]?(\d{4})[-\s]?(\d{4,})\b/i;

/** `ALZ-2026-0001` as typed ("alz 2026 0001" too), or undefined. */
export function referenceIn(text: string): string | undefined {
  const match = REFERENCE.exec(text);
  return match ? `ALZ-${match[1]}-${match[2]}` : undefined;
}

/**
 * The files of the person typing, by the owner key of their channel (issue 12): a reference typed by anyone
 * else is not theirs, whatever it says, and is answered like a reference that does not exist.
 */
export async function ownedFiles(
  queue: ApplicationQueue,
  context: TurnContext,
): Promise<StoredApplication[]> {
  return queue.list(ownerOf(context));
}

/** The owned file of this reference, read again (its status may have moved since it was shown). */
export async function ownedFile(
  queue: ApplicationQueue,
  context: TurnContext,
  reference: string,
): Promise<StoredApplication | undefined> {
  const owner = ownerOf(context);
  const file = await queue.get(reference);
  return file && file.userId === owner.userId && file.channel === owner.channel ? file : undefined;
}
