import busboy from 'busboy';
import type { Request } from 'restify';
import type { HeldUpload } from './uploadStore.js';

export interface UploadLimits {
  /** The largest document (DOCUMENT_MAX_BYTES): a longer file is read to its end and dropped. */
  maxFileBytes: number;
  /** The most files in one upload. */
  maxFiles: number;
}

export interface ParsedUpload {
  activity: unknown;
  files: HeldUpload[];
}

/** Why the upload could not be read: each is a 4xx. */
export class UploadProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadProblem';
  }
}

const ACTIVITY_MAX_BYTES = 64 * 1024;

/**
 * Reads a Direct Line 3.0 upload as Web Chat sends it: `multipart/form-data` with an `activity` part (the
 * activity's JSON, type `application/vnd.microsoft.activity`) and one `file` part per file. Everything is held
 * in memory within the limits; a malformed or interrupted body rejects and leaves nothing behind.
 */
export function readMultipartUpload(req: Request, limits: UploadLimits): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: limits.maxFiles,
          fileSize: limits.maxFileBytes,
          fields: 1,
          fieldSize: ACTIVITY_MAX_BYTES,
          parts: limits.maxFiles + 2,
          headerPairs: 20,
        },
      });
    } catch {
      reject(new UploadProblem(415, 'UnsupportedMediaType', 'expected multipart/form-data with a boundary'));
      return;
    }
    let activityText: string | undefined;
    let settled = false;
    const files: HeldUpload[] = [];
    const pending: Promise<void>[] = [];
    const fail = (problem: UploadProblem): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.destroy();
      reject(problem);
    };
    const malformed = (): void =>
      fail(new UploadProblem(400, 'BadArgument', 'the multipart body is malformed'));
    const part = (name: string, read: () => Promise<string | undefined>): void => {
      if (name !== 'activity') return;
      pending.push(
        read().then((text) => {
          activityText = text;
        }, malformed),
      );
    };
    parser.on('field', (name, value, info) => {
      if (name !== 'activity') return;
      if (info.valueTruncated) fail(new UploadProblem(413, 'BadArgument', 'the activity part is too large'));
      activityText = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name === 'activity') {
        // Web Chat sends the activity as a Blob, hence as a file part.
        part(name, () => collect(stream, ACTIVITY_MAX_BYTES).then((read) => read.bytes?.toString('utf8')));
        return;
      }
      if (name !== 'file') {
        stream.resume();
        return;
      }
      pending.push(
        collect(stream, limits.maxFileBytes).then((read) => {
          files.push({
            name: info.filename ?? 'document',
            declaredType: info.mimeType,
            size: read.size,
            ...(read.bytes ? { bytes: read.bytes } : {}),
          });
        }, malformed),
      );
    });
    parser.on('filesLimit', () =>
      fail(new UploadProblem(413, 'BadArgument', `at most ${limits.maxFiles} files`)),
    );
    parser.on('partsLimit', () => fail(new UploadProblem(413, 'BadArgument', 'too many parts')));
    parser.on('fieldsLimit', () => fail(new UploadProblem(400, 'BadArgument', 'one activity part only')));
    parser.on('error', malformed);
    parser.on('close', () => {
      void Promise.all(pending).then(() => {
        if (settled) return;
        if (activityText === undefined) {
          fail(new UploadProblem(400, 'BadArgument', 'the activity part is missing'));
          return;
        }
        let activity: unknown;
        try {
          activity = JSON.parse(activityText);
        } catch {
          fail(new UploadProblem(400, 'BadArgument', 'the activity part is not JSON'));
          return;
        }
        settled = true;
        resolve({ activity, files });
      });
    });
    // A client that goes away mid-body: busboy never closes, so the request's own end decides.
    req.once('aborted', () => fail(new UploadProblem(400, 'BadArgument', 'the upload was interrupted')));
    req.once('close', () => {
      if (!req.complete) fail(new UploadProblem(400, 'BadArgument', 'the upload was interrupted'));
    });
    // A file over the limit is read on and dropped, but a body can't go on for ever: its whole size is bounded.
    const maxBody = limits.maxFiles * (limits.maxFileBytes + 64 * 1024) + ACTIVITY_MAX_BYTES;
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBody) {
        fail(new UploadProblem(413, 'BadArgument', 'the upload is too large'));
      }
    });
    req.pipe(parser);
  });
}

/** The stream's bytes up to `max`; beyond it the bytes are counted and dropped (busboy truncates the part). */
function collect(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  max: number,
): Promise<{ bytes?: Buffer; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!over) chunks.push(chunk);
    });
    stream.on('limit', () => {
      over = true;
      chunks.length = 0;
    });
    stream.on('error', reject);
    stream.once('end', () => {
      if (over || stream.truncated || size > max) resolve({ size: Math.max(size, max + 1) });
      else resolve({ bytes: Buffer.concat(chunks), size });
    });
  });
}
