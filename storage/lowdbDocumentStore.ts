import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../dialogs/domain/documentChecks.js';
import {
  isErrnoException,
  syncDirectory,
  writeFileAtomically,
  writeFilesAtomically,
} from './atomicJsonFile.js';
import {
  assertOwner,
  isDocumentId,
  relabelled,
  type DocumentStore,
  type NewDocument,
  type StoredDocument,
} from './documentStore.js';

/**
 * Documents as files: `DATA_DIR/documents/<owner>/<id>.pdf` and its description `<id>.json`. Each is written to a
 * temporary file then renamed, the bytes before the description: a document is listed only through its
 * description, so a kill mid-upload leaves at most a `.tmp` file nobody lists (removed with the owner's folder).
 */
export class LowdbDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  private folder(owner: string): string {
    assertOwner(owner);
    return path.join(this.root, owner);
  }

  private bytesPath(owner: string, document: StoredDocument): string {
    return path.join(this.folder(owner), `${document.id}.${DOCUMENT_EXTENSIONS[document.type]}`);
  }

  async list(owner: string): Promise<StoredDocument[]> {
    let names: string[];
    try {
      names = await readdir(this.folder(owner));
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return [];
      throw error;
    }
    const present = new Set(names);
    const documents: StoredDocument[] = [];
    for (const name of names) {
      const id = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !isDocumentId(id)) continue;
      const document = await this.describe(owner, id);
      // A description whose bytes are missing is not a document (a copy interrupted by hand, a disk error).
      if (document && present.has(path.basename(this.bytesPath(owner, document)))) documents.push(document);
    }
    return documents.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  }

  private async describe(owner: string, id: string): Promise<StoredDocument | undefined> {
    try {
      return JSON.parse(await readFile(this.descriptionPath(owner, id), 'utf8')) as StoredDocument;
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async read(owner: string, id: string): Promise<NewDocument | undefined> {
    if (!isDocumentId(id)) return undefined;
    const document = await this.describe(owner, id);
    if (!document) return undefined;
    try {
      return { document, bytes: await readFile(this.bytesPath(owner, document)) };
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async put(owner: string, entry: NewDocument): Promise<void> {
    await mkdir(this.folder(owner), { recursive: true });
    await writeFileAtomically(this.bytesPath(owner, entry.document), entry.bytes);
    await this.writeDescription(owner, entry.document);
  }

  private writeDescription(owner: string, document: StoredDocument): Promise<void> {
    return writeFileAtomically(this.descriptionPath(owner, document.id), descriptionText(document));
  }

  private descriptionPath(owner: string, id: string): string {
    return path.join(this.folder(owner), `${id}.json`);
  }

  async label(
    owner: string,
    id: string,
    piece: string,
    issuedOn?: string,
  ): Promise<StoredDocument | undefined> {
    if (!isDocumentId(id)) return undefined;
    const document = await this.describe(owner, id);
    if (!document) return undefined;
    const labelled = relabelled(document, piece, issuedOn);
    await this.writeDescription(owner, labelled);
    return labelled;
  }

  async move(from: string, to: string): Promise<number> {
    const documents = await this.list(from);
    if (documents.length === 0) return 0;
    await mkdir(this.folder(to), { recursive: true });
    // Descriptions into the new folder (all at once, the folder fsynced once), then the bytes (the rename makes
    // each listed there and no longer here; both folders fsynced so the renames outlast a crash), then the old
    // descriptions: a crash at any step leaves each document listed in exactly one folder.
    await writeFilesAtomically(
      documents.map((document) => ({
        filePath: this.descriptionPath(to, document.id),
        text: descriptionText(document),
      })),
    );
    await Promise.all(
      documents.map((document) => rename(this.bytesPath(from, document), this.bytesPath(to, document))),
    );
    await Promise.all([syncDirectory(this.folder(to)), syncDirectory(this.folder(from))]);
    await Promise.all(
      documents.map((document) => rm(this.descriptionPath(from, document.id), { force: true })),
    );
    await rm(this.folder(from), { recursive: true, force: true });
    return documents.length;
  }

  async removeAll(owner: string): Promise<number> {
    const count = (await this.list(owner)).length;
    await rm(this.folder(owner), { recursive: true, force: true });
    return count;
  }
}

function descriptionText(document: StoredDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
