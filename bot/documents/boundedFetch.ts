import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export interface FetchedFile {
  bytes?: Buffer;
  /** Bytes received; above `maxBytes` the bytes are dropped. */
  size: number;
}

/**
 * GETs a URL and keeps at most `maxBytes + 1` bytes; no redirect is followed (a redirect could lead anywhere).
 * `lookup`, when given, decides which address the connection goes to, so the address checked is the one used.
 */
export function boundedGet(
  url: URL,
  options: {
    maxBytes: number;
    headers?: Record<string, string>;
    lookup?: LookupFunction;
    timeoutMs?: number;
  },
): Promise<FetchedFile> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      { headers: options.headers ?? {}, ...(options.lookup ? { lookup: options.lookup } : {}) },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`download answered ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= options.maxBytes) chunks.push(chunk);
          else {
            chunks.length = 0;
            response.destroy();
            resolve({ size });
          }
        });
        response.once('error', reject);
        response.once('end', () => resolve({ bytes: Buffer.concat(chunks), size }));
      },
    );
    request.setTimeout(options.timeoutMs ?? 30_000, () => request.destroy(new Error('download timed out')));
    request.once('error', reject);
  });
}
