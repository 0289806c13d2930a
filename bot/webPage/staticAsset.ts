import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

const gzipAsync = promisify(gzip);

/** A file served from memory, with an ETag and, for clients that accept it, a gzip copy made once. */
export class StaticAsset {
  private body: Buffer | null = null;
  private compressed: Promise<Buffer> | null = null;
  private etag = '';

  constructor(
    private readonly file: string,
    private readonly contentType: string,
    private readonly cacheControl: string,
  ) {}

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** Read on first use, so a missing optional file (the Web Chat bundle) does not stop the bot from starting. */
  private load(): Buffer {
    if (!this.body) {
      this.body = fs.readFileSync(this.file);
      this.etag = `"${createHash('sha256').update(this.body).digest('base64url').slice(0, 27)}"`;
    }
    return this.body;
  }

  async send(req: Request, res: Response): Promise<void> {
    let body: Buffer;
    try {
      body = this.load();
    } catch {
      res.writeHead(503, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      res.end('Not available');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': this.contentType,
      'cache-control': this.cacheControl,
      etag: this.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (req.header('if-none-match') === this.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (/\bgzip\b/.test(req.header('accept-encoding') ?? '') && body.length > 1024) {
      this.compressed ??= gzipAsync(body);
      body = await this.compressed;
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    res.end(body);
  }
}
