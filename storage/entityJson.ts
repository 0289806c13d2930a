/** What a Tables entity property may hold here (the SDK also accepts dates and binary; we never need them). */
export type EntityValue = string | number | boolean;
export type EntityProperties = Record<string, EntityValue>;

/** A string property holds at most 64 KiB of UTF-16, i.e. 32 768 code units: stay clear of it. */
export const MAX_CHUNK_CHARS = 30_000;
/** A whole entity holds at most 1 MiB; keep headroom for property names and system properties. */
export const MAX_ENTITY_BYTES = 960 * 1024;

/** An entity that is not what this code wrote (edited by hand, another program): reported, never guessed. */
export class CorruptEntityError extends Error {
  constructor(
    readonly table: string,
    readonly rowKey: string,
    reason: string,
  ) {
    super(`Corrupt entity "${rowKey}" in table "${table}": ${reason}`);
    this.name = 'CorruptEntityError';
  }
}

export class EntityTooLargeError extends Error {
  constructor(
    readonly rowKey: string,
    readonly bytes: number,
  ) {
    super(`Entity "${rowKey}" would take about ${bytes} bytes, more than the ${MAX_ENTITY_BYTES} allowed`);
    this.name = 'EntityTooLargeError';
  }
}

const partsName = (name: string): string => `${name}_parts`;
const partName = (name: string, index: number): string => (index === 0 ? name : `${name}_${index}`);

/**
 * Stores a value as JSON under `name`; text longer than one property allows continues in `name_1`, `name_2`…
 * and `name_parts` says how many there are. Small values stay readable in one property (Storage Explorer).
 */
export function putJson(entity: EntityProperties, name: string, value: unknown): void {
  const chunks = splitText(JSON.stringify(value), MAX_CHUNK_CHARS);
  chunks.forEach((chunk, index) => {
    entity[partName(name, index)] = chunk;
  });
  if (chunks.length > 1) entity[partsName(name)] = chunks.length;
}

/** The value stored by putJson, or undefined when the entity has no `name`. */
export function getJson(
  entity: Record<string, unknown>,
  name: string,
  table: string,
  rowKey: string,
): unknown {
  if (entity[name] === undefined) return undefined;
  const parts = entity[partsName(name)] ?? 1;
  if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1) {
    throw new CorruptEntityError(table, rowKey, `bad part count for "${name}"`);
  }
  let text = '';
  for (let index = 0; index < parts; index++) {
    const chunk = entity[partName(name, index)];
    if (typeof chunk !== 'string')
      throw new CorruptEntityError(table, rowKey, `"${name}" part ${index} missing`);
    text += chunk;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CorruptEntityError(table, rowKey, `"${name}" is not JSON`);
  }
}

/** Refuses, with a clear error, an entity the service would reject with a bare 400. */
export function assertEntitySize(rowKey: string, entity: EntityProperties): void {
  let bytes = 0;
  for (const [name, value] of Object.entries(entity)) {
    // UTF-16 names and strings, 8 bytes for numbers, plus a per-property overhead (the service's formula).
    bytes += 8 + name.length * 2 + (typeof value === 'string' ? value.length * 2 + 4 : 8);
  }
  if (bytes > MAX_ENTITY_BYTES) throw new EntityTooLargeError(rowKey, bytes);
}

/** Cuts text into pieces of at most `size` code units, never between the two halves of a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length || chunks.length === 0) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
