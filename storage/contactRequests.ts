import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile, CorruptJsonFileError, isErrnoException } from './atomicJsonFile.js';

/** `callback`: call me back (outside office hours); `handoff`: put me through to an advisor now. */
export const CONTACT_REQUEST_KINDS = ['callback', 'handoff'] as const;
export type ContactRequestKind = (typeof CONTACT_REQUEST_KINDS)[number];

export const CONTACT_REQUEST_STATUSES = ['pending', 'done', 'cancelled'] as const;
export type ContactRequestStatus = (typeof CONTACT_REQUEST_STATUSES)[number];

/** A request for a person of the CCI to get in touch, left by the bot for the advisors. */
export interface ContactRequest {
  id: string;
  kind: ContactRequestKind;
  /** ISO 8601. */
  createdAt: string;
  userId: string;
  name?: string;
  /** E.164, e.g. `+33612345678`. */
  phone?: string;
  /** As the user said it ("demain matin"), or ISO 8601 when resolved. */
  preferredMoment?: string;
  reason?: string;
  /** For a handoff: where the user stands (verdict, draft progress), so the advisor starts informed. */
  summary?: string;
  /** For a handoff: the user's conversation, so an advisor can answer there. */
  conversationReference?: unknown;
  status: ContactRequestStatus;
}

export type NewContactRequest = Omit<ContactRequest, 'id' | 'createdAt' | 'status'> & {
  status?: ContactRequestStatus;
  /** Creation time; defaults to now (tests pass a fixed date). */
  now?: Date;
};

export interface ContactRequestStore {
  add(request: NewContactRequest): Promise<ContactRequest>;
  /** Oldest first. */
  list(): Promise<ContactRequest[]>;
  /** Deletes every request of this user (erasure: name, phone, reason); returns how many. */
  eraseUser(userId: string): Promise<number>;
}

/** The requests in `<dataDir>/requests/`, one JSON file per request. */
export function createLowdbContactRequestStore(dataDir: string): ContactRequestStore {
  return new LowdbContactRequestStore(path.join(path.resolve(dataDir), 'requests'));
}

const REQUEST_FILE = /^[0-9a-f-]{36}\.json$/;

export class LowdbContactRequestStore implements ContactRequestStore {
  constructor(readonly folder: string) {}

  async add(input: NewContactRequest): Promise<ContactRequest> {
    const { now, ...fields } = input;
    if (!(CONTACT_REQUEST_KINDS as readonly string[]).includes(fields.kind)) {
      throw new TypeError(`Unknown contact request kind "${String(fields.kind)}"`);
    }
    if (fields.userId.trim() === '') throw new TypeError('A contact request needs a user id');
    const request: ContactRequest = {
      ...fields,
      id: randomUUID(),
      createdAt: (now ?? new Date()).toISOString(),
      status: fields.status ?? 'pending',
    };
    // A random id per file: two processes adding at once never write the same file, so no lock is needed.
    const copy = JSON.parse(JSON.stringify(request)) as ContactRequest;
    await mkdir(this.folder, { recursive: true });
    await new Low<ContactRequest>(new AtomicJsonFile(this.filePathFor(copy.id)), copy).write();
    return copy;
  }

  async list(): Promise<ContactRequest[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return [];
      throw error;
    }
    const ids = names.filter((name) => REQUEST_FILE.test(name)).map((name) => name.slice(0, -5));
    const requests = await Promise.all(ids.map((id) => this.read(id)));
    return requests
      .filter((request): request is ContactRequest => request !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async eraseUser(userId: string): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return 0;
      throw error;
    }
    let erased = 0;
    for (const id of names.filter((name) => REQUEST_FILE.test(name)).map((name) => name.slice(0, -5))) {
      // An unreadable request cannot be matched to its user: it is left for the operator, not guessed.
      const request = await this.read(id).catch(() => undefined);
      if (request?.userId !== userId) continue;
      await rm(this.filePathFor(id), { force: true });
      erased += 1;
    }
    return erased;
  }

  private async read(id: string): Promise<ContactRequest | undefined> {
    const filePath = this.filePathFor(id);
    const file = new Low<unknown>(new AtomicJsonFile(filePath), null);
    await file.read();
    if (file.data === null) return undefined; // removed between readdir and read
    if (!isContactRequest(file.data, id)) {
      throw new CorruptJsonFileError(filePath, new Error(`not the contact request ${id}`));
    }
    return file.data;
  }

  private filePathFor(id: string): string {
    return path.join(this.folder, `${id}.json`);
  }
}

function isContactRequest(value: unknown, id: string): value is ContactRequest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ContactRequest>;
  return (
    candidate.id === id &&
    (CONTACT_REQUEST_KINDS as readonly unknown[]).includes(candidate.kind) &&
    (CONTACT_REQUEST_STATUSES as readonly unknown[]).includes(candidate.status) &&
    typeof candidate.createdAt === 'string' &&
    typeof candidate.userId === 'string'
  );
}
