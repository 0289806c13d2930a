import type { Storage, StoreItems } from 'botbuilder';
import type { ApplicationQueue } from '../../storage/applicationQueue.js';
import type { ContactRequestStore } from '../../storage/contactRequests.js';
import { canWriteAtomically, type CompactingStorage } from '../../storage/lowdbStorage.js';
import { stateKeyKind, type StorageOperation, type Telemetry } from './telemetry.js';

/** Bot state with a span per read, write and delete: the kinds of the keys, not the keys. */
export class TracedStorage implements Storage {
  /** Present only when the traced store writes several keys as one unit (the turn's commit looks for it). */
  readonly writeAtomically?: (changes: StoreItems) => Promise<void>;
  /** Present only when the traced store keeps a journal (erasure drops its copies). */
  readonly compact?: () => Promise<void>;

  constructor(
    private readonly inner: Storage,
    private readonly backend: string,
    private readonly telemetry: Telemetry,
  ) {
    if (canWriteAtomically(inner)) {
      this.writeAtomically = (changes) =>
        telemetry.storage(backend, 'write', Object.keys(changes).map(stateKeyKind), () =>
          inner.writeAtomically(changes),
        );
    }
    const journalled = inner as Partial<CompactingStorage>;
    if (typeof journalled.compact === 'function') this.compact = () => journalled.compact!();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.telemetry.storage(this.backend, 'read', keys.map(stateKeyKind), () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    const kinds = Object.keys(changes).map(stateKeyKind);
    return this.telemetry.storage(this.backend, 'write', kinds, () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.telemetry.storage(this.backend, 'delete', keys.map(stateKeyKind), () =>
      this.inner.delete(keys),
    );
  }
}

type Operations<T> = { [K in keyof T]?: StorageOperation };

/** Each listed method of a store timed as one storage operation on records of one kind. */
function traced<T extends object>(
  inner: T,
  backend: string,
  kind: string,
  operations: Operations<T>,
  telemetry: Telemetry,
): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      const operation = operations[property as keyof T];
      if (typeof value !== 'function' || !operation) return value;
      return (...args: unknown[]) =>
        telemetry.storage(backend, operation, [kind], () =>
          Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)),
        );
    },
  });
}

export function tracedQueue(
  queue: ApplicationQueue,
  backend: string,
  telemetry: Telemetry,
): ApplicationQueue {
  return traced(
    queue,
    backend,
    'application',
    {
      submit: 'write',
      get: 'read',
      list: 'read',
      changeStatus: 'write',
      amend: 'write',
      amendEach: 'write',
    },
    telemetry,
  );
}

export function tracedContactRequests(
  store: ContactRequestStore,
  backend: string,
  telemetry: Telemetry,
): ContactRequestStore {
  return traced(
    store,
    backend,
    'contact_request',
    { add: 'write', list: 'read', eraseUser: 'delete' },
    telemetry,
  );
}
