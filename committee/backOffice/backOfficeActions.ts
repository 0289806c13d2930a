import {
  IllegalTransitionError,
  isApplicationStatus,
  isStoreBusyError,
  StaleVersionError,
  UnknownReferenceError,
} from '../../storage/index.js';
import type { CommitteeText } from '../committeeLabels.js';
import type { BackOfficeParts } from './backOfficeParts.js';
import { mayChangeTo } from './backOfficeRoles.js';
import type { BackOfficeUser } from './backOfficeSessions.js';

/** What an action ends with: back to the file with a notice, or a refusal page. */
export type ActionOutcome = { done: string } | { problem: string } | { refused: 403 | 404; key: string };

export const NOTE_MAX = 2000;
const COMMENT_MAX = 1000;
const NAME_MAX = 100;
/** A file keeps at most this many notes (an Azure entity has a size limit; a file is read in meetings). */
const NOTES_MAX = 200;

export interface ActionRequest {
  parts: BackOfficeParts;
  user: BackOfficeUser;
  reference: string;
  form: URLSearchParams;
  text: CommitteeText;
  now: Date;
}

/** A private note, appended under the queue's lock or ETag; never sent to the applicant. */
export async function addNote({ parts, user, reference, form, now }: ActionRequest): Promise<ActionOutcome> {
  const text = (form.get('text') ?? '').trim();
  if (text === '') return { problem: 'noteEmpty' };
  if (text.length > NOTE_MAX) return { problem: 'noteTooLong' };
  const app = await parts.queue.get(reference);
  if (!app) return { refused: 404, key: 'unknownFile' };
  if ((app.notes?.length ?? 0) >= NOTES_MAX) return { problem: 'tooManyNotes' };
  await parts.queue.amend(reference, { appendNotes: [{ at: now.toISOString(), by: user.name, text }] });
  return { done: 'noteAdded' };
}

/** Assigns the file to an advisor (a name), or removes the assignment with an empty field. */
export async function assign({ parts, reference, form }: ActionRequest): Promise<ActionOutcome> {
  const name = (form.get('assignedTo') ?? '').replace(/\s+/g, ' ').trim();
  if (name.length > NAME_MAX) return { problem: 'nameTooLong' };
  if (!(await parts.queue.get(reference))) return { refused: 404, key: 'unknownFile' };
  await parts.queue.amend(reference, { assignedTo: name === '' ? null : name });
  return { done: name === '' ? 'unassigned' : 'assigned' };
}

/** A status change with its comment, through the status service: the applicant is told as with the API. */
export async function changeStatus({ parts, user, reference, form }: ActionRequest): Promise<ActionOutcome> {
  const status = form.get('status') ?? '';
  const comment = (form.get('comment') ?? '').trim();
  if (!isApplicationStatus(status)) return { problem: 'unknownStatus' };
  if (!mayChangeTo(user.role, status)) return { refused: 403, key: 'committeeOnly' };
  if (comment.length > COMMENT_MAX) return { problem: 'commentTooLong' };
  const request = { reference, to: status, by: user.name, ...(comment ? { comment } : {}) };
  return statusChange(parts, request, 'statusChanged');
}

/**
 * « Demander un complément »: the file becomes incomplete, and the comment the applicant reads in the chat lists
 * the pieces asked for (the status message then adds how to send them there).
 */
export async function askComplement({
  parts,
  user,
  reference,
  form,
  text,
}: ActionRequest): Promise<ActionOutcome> {
  const known = new Set(parts.settings.documents);
  const pieces = form.getAll('piece').filter((piece) => known.has(piece));
  const extra = (form.get('comment') ?? '').trim();
  if (pieces.length === 0 && extra === '') return { problem: 'complementEmpty' };
  if (extra.length > COMMENT_MAX) return { problem: 'commentTooLong' };
  const listed = pieces.map((piece) => text.t(`applicationFlow:documents.${piece}`)).join(', ');
  const comment = [
    pieces.length > 0 ? text.t('backOffice:complement.message', { pieces: listed }) : '',
    extra,
  ]
    .filter((part) => part !== '')
    .join(' ');
  return statusChange(parts, { reference, to: 'incomplete', by: user.name, comment }, 'complementAsked');
}

async function statusChange(
  parts: BackOfficeParts,
  request: Parameters<BackOfficeParts['statusService']['change']>[0],
  done: string,
): Promise<ActionOutcome> {
  try {
    await parts.statusService.change(request);
    return { done };
  } catch (error) {
    if (error instanceof UnknownReferenceError) return { refused: 404, key: 'unknownFile' };
    if (error instanceof IllegalTransitionError) return { problem: 'illegalTransition' };
    if (error instanceof StaleVersionError) return { problem: 'changedMeanwhile' };
    if (isStoreBusyError(error)) return { problem: 'busy' };
    throw error;
  }
}
