import type { StoreItems } from 'botbuilder';
import { LowdbStorage } from '../../storage/lowdbStorage.js';

/** A write held at the gate: `arrived` once it is waiting there, `open()` lets it go on to the files. */
export interface WriteGate {
  arrived: Promise<void>;
  open(): void;
}

/**
 * The real lowdb state store, with one hook: the next write of a given key can be held until the test opens
 * the gate. Two turns can then be made to overlap exactly where a race would (one has read the state and is
 * about to write it, the other starts), with no sleep and no luck involved. Every read and write of a key is
 * also recorded, in order, so a test can say which came first.
 */
export class GatedLowdbStorage extends LowdbStorage {
  readonly events: string[] = [];
  private readonly gates = new Map<string, { arrive: () => void; opened: Promise<void> }>();

  holdNextWrite(key: string): WriteGate {
    let arrive!: () => void;
    let open!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gates.set(key, { arrive, opened });
    return { arrived, open };
  }

  override async read(keys: string[]): Promise<StoreItems> {
    for (const key of keys) this.events.push(`read ${key}`);
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    await this.gated(changes, () => super.write(changes));
  }

  /** The turn's commit writes both states in one call: held at the same gate. */
  override async writeAtomically(changes: StoreItems): Promise<void> {
    await this.gated(changes, () => super.writeAtomically(changes));
  }

  private async gated(changes: StoreItems, write: () => Promise<void>): Promise<void> {
    for (const key of Object.keys(changes)) {
      const gate = this.gates.get(key);
      if (!gate) continue;
      this.gates.delete(key);
      gate.arrive();
      await gate.opened;
    }
    try {
      await write();
    } finally {
      for (const key of Object.keys(changes)) this.events.push(`wrote ${key}`);
    }
  }
}
