import net from 'node:net';
import type { DocumentScanner } from '../storage/documentIntake.js';

/** Where clamd listens: `host:port` (TCP) or an absolute path (a Unix socket). */
export type ClamdAddress = { host: string; port: number } | { path: string };

/** CLAMD_ADDRESS as written in the environment; a problem line when it cannot be read. */
export function readClamdAddress(raw: string): { address?: ClamdAddress; problem?: string } {
  if (raw === '') return {};
  if (raw.startsWith('/')) return { address: { path: raw } };
  const match = /^(?:tcp:\/\/)?(\[[0-9a-f:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/i.exec(raw);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) {
    return {
      problem: `CLAMD_ADDRESS="${raw}": expected host:port (clamd's TCPSocket, e.g. 127.0.0.1:3310) or the path of its LocalSocket`,
    };
  }
  return { address: { host: match[1]!.replace(/^\[|\]$/g, ''), port } };
}

const CHUNK = 64 * 1024;

/**
 * A scanner speaking clamd's INSTREAM command: `zINSTREAM\0`, then chunks each prefixed by its length (4 bytes, big
 * endian), then a zero length; clamd answers `stream: OK` or `stream: <signature> FOUND`. Anything else (an
 * error, a size limit, no answer in time) is a failure, and the caller refuses the document rather than keep an
 * unscanned one.
 */
export function clamdScanner(address: ClamdAddress, timeoutMs = 30_000): DocumentScanner {
  return (bytes) =>
    new Promise((resolve, reject) => {
      const socket = net.connect(address);
      const replies: Buffer[] = [];
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd did not answer in time')));
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => replies.push(chunk));
      socket.once('close', () => {
        const reply = Buffer.concat(replies).toString('utf8').replace(/\0/g, '').trim();
        if (/^stream: OK$/.test(reply)) resolve('clean');
        else if (/^stream: .+ FOUND$/.test(reply)) resolve('infected');
        else reject(new Error('clamd gave no verdict'));
      });
      socket.once('connect', () => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const chunk = bytes.subarray(offset, offset + CHUNK);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          socket.write(length);
          socket.write(chunk);
        }
        socket.end(Buffer.alloc(4));
      });
    });
}
