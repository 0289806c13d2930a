import type { ContainerClient } from '@azure/storage-blob';
import { DOCUMENT_TYPES, type DocumentType } from '../dialogs/domain/documentChecks.js';
import { containerClientOf, type AzureAccount } from './azureAccount.js';
import {
  assertOwner,
  isDocumentId,
  relabelled,
  type DocumentStore,
  type NewDocument,
  type StoredDocument,
} from './documentStore.js';

/** Blob metadata is ASCII: the applicant's file name travels base64url-encoded. */
interface DocumentMetadata extends Record<string, string> {
  name: string;
  sha256: string;
  receivedat: string;
  piece: string;
  /** A Kbis' day of extract, YYYY-MM-DD ('' when not known). */
  issuedon: string;
}

/**
 * Documents as blobs `<owner>/<id>` in a private container (created without public access), each written in one
 * request, so a blob exists wholly or not at all; its description is the blob's metadata and content type.
 */
export class AzureDocumentStore implements DocumentStore {
  private readonly container: ContainerClient;
  private created: Promise<unknown> | undefined;

  constructor(account: AzureAccount, containerName: string) {
    this.container = containerClientOf(account, containerName);
  }

  private ready(): Promise<unknown> {
    // No `access` option: the container is private, reachable only with the account's key or identity.
    this.created ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.created = undefined;
      throw error;
    });
    return this.created;
  }

  private blob(owner: string, id: string) {
    assertOwner(owner);
    return this.container.getBlockBlobClient(`${owner}/${id}`);
  }

  async list(owner: string): Promise<StoredDocument[]> {
    assertOwner(owner);
    await this.ready();
    const documents: StoredDocument[] = [];
    for await (const item of this.container.listBlobsFlat({ prefix: `${owner}/`, includeMetadata: true })) {
      const id = item.name.slice(owner.length + 1);
      const document = describe(
        id,
        item.properties.contentType,
        item.properties.contentLength,
        item.metadata,
      );
      if (document) documents.push(document);
    }
    return documents.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  }

  async read(owner: string, id: string): Promise<NewDocument | undefined> {
    if (!isDocumentId(id)) return undefined;
    await this.ready();
    const blob = this.blob(owner, id);
    try {
      const properties = await blob.getProperties();
      const document = describe(id, properties.contentType, properties.contentLength, properties.metadata);
      if (!document) return undefined;
      return { document, bytes: await blob.downloadToBuffer() };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async put(owner: string, entry: NewDocument): Promise<void> {
    await this.ready();
    await this.blob(owner, entry.document.id).uploadData(entry.bytes, {
      blobHTTPHeaders: { blobContentType: entry.document.type },
      metadata: metadataOf(entry.document),
      // One Put Blob up to 256 MB: never a partly committed blob.
      maxSingleShotSize: 256 * 1024 * 1024,
    });
  }

  async label(
    owner: string,
    id: string,
    piece: string,
    issuedOn?: string,
  ): Promise<StoredDocument | undefined> {
    if (!isDocumentId(id)) return undefined;
    await this.ready();
    const blob = this.blob(owner, id);
    try {
      const properties = await blob.getProperties();
      const document = describe(id, properties.contentType, properties.contentLength, properties.metadata);
      if (!document) return undefined;
      const labelled = relabelled(document, piece, issuedOn);
      await blob.setMetadata(metadataOf(labelled), { conditions: { ifMatch: properties.etag } });
      return labelled;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async move(from: string, to: string): Promise<number> {
    const documents = await this.list(from);
    for (const document of documents) {
      const entry = await this.read(from, document.id);
      if (!entry) continue;
      // Written wholly under the new owner, then removed from the old: never half a document, at worst two.
      await this.put(to, entry);
      await this.blob(from, document.id).deleteIfExists();
    }
    return documents.length;
  }

  async removeAll(owner: string): Promise<number> {
    const documents = await this.list(owner);
    for (const document of documents) await this.blob(owner, document.id).deleteIfExists();
    return documents.length;
  }
}

function metadataOf(document: StoredDocument): DocumentMetadata {
  return {
    name: Buffer.from(document.name, 'utf8').toString('base64url'),
    sha256: document.sha256,
    receivedat: document.receivedAt,
    piece: document.piece ?? '',
    issuedon: document.issuedOn ?? '',
  };
}

function describe(
  id: string,
  contentType: string | undefined,
  size: number | undefined,
  metadata: Record<string, string> | undefined,
): StoredDocument | undefined {
  const type = DOCUMENT_TYPES.find((known) => known === contentType) as DocumentType | undefined;
  if (!isDocumentId(id) || !type || size === undefined || !metadata?.sha256 || !metadata.receivedat) {
    return undefined;
  }
  return {
    id,
    name: Buffer.from(metadata.name ?? '', 'base64url').toString('utf8'),
    type,
    size,
    sha256: metadata.sha256,
    ...(metadata.piece ? { piece: metadata.piece } : {}),
    ...(metadata.issuedon ? { issuedOn: metadata.issuedon } : {}),
    receivedAt: metadata.receivedat,
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === 404;
}
