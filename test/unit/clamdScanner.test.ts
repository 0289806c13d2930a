import net from 'node:net';
import { clamdScanner, readClamdAddress } from '../../bot/clamdScanner.js';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { tempFolder } from '../support/tempFolders.js';

/** The EICAR test string, which every antivirus reports (harmless by design). */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A tiny clamd: reads `zINSTREAM\0` then length-prefixed chunks up to a zero length, as clamd does, and answers
 * FOUND when the stream holds the EICAR string. `reply` replaces the verdict (an error line, nothing at all).
 */
async function fakeClamd(
  reply?: string,
): Promise<{ port: number; streams: Buffer[]; close(): Promise<void> }> {
  const streams: Buffer[] = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const command = 'zINSTREAM\0';
      if (buffer.length < command.length) return;
      if (buffer.subarray(0, command.length).toString() !== command) {
        socket.end('UNKNOWN COMMAND\0');
        return;
      }
      const parts: Buffer[] = [];
      let offset = command.length;
      while (offset + 4 <= buffer.length) {
        const length = buffer.readUInt32BE(offset);
        if (length === 0) {
          const stream = Buffer.concat(parts);
          streams.push(stream);
          const verdict = stream.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK';
          socket.end(`${reply ?? verdict}\0`);
          return;
        }
        if (offset + 4 + length > buffer.length) return;
        parts.push(buffer.subarray(offset + 4, offset + 4 + length));
        offset += 4 + length;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, streams, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the clamd antivirus hook (INSTREAM)', () => {
  test('a clean document is clean and clamd received every byte, in chunks', async () => {
    const clamd = await fakeClamd();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200 * 1024, 7)]);
    expect(await clamdScanner({ host: '127.0.0.1', port: clamd.port })(bytes)).toBe('clean');
    expect(clamd.streams[0]!.equals(bytes)).toBe(true);
    await clamd.close();
  });

  test('a flagged document is infected', async () => {
    const clamd = await fakeClamd();
    const bytes = Buffer.from(`%PDF-1.7\n${EICAR}\n`);
    expect(await clamdScanner({ host: '127.0.0.1', port: clamd.port })(bytes)).toBe('infected');
    await clamd.close();
  });

  test('an error line or a closed port is a failure, never "clean"', async () => {
    const clamd = await fakeClamd('INSTREAM size limit exceeded. ERROR');
    await expect(
      clamdScanner({ host: '127.0.0.1', port: clamd.port })(Buffer.from('%PDF-')),
    ).rejects.toThrow();
    await clamd.close();
    await expect(
      clamdScanner({ host: '127.0.0.1', port: clamd.port })(Buffer.from('%PDF-')),
    ).rejects.toThrow();
  });

  test('with the hook on, a flagged document or an unreachable clamd keeps nothing', async () => {
    const clamd = await fakeClamd();
    const store = new LowdbDocumentStore(tempFolder('alize-clamd-'));
    const limits = { maxBytes: 1024 * 1024, maxCount: 20 };
    const intake = new DocumentIntake(store, {
      limits,
      scanner: clamdScanner({ host: '127.0.0.1', port: clamd.port }),
    });
    expect(
      await intake.add('draft-v', { name: 'devis.pdf', bytes: Buffer.from(`%PDF-1.7\n${EICAR}`) }),
    ).toEqual({
      outcome: 'refused',
      refusal: { reason: 'infected', params: {} },
    });
    expect(
      (await intake.add('draft-v', { name: 'devis.pdf', bytes: Buffer.from('%PDF-1.7\nok') })).outcome,
    ).toBe('stored');
    await clamd.close();
    expect(
      await intake.add('draft-v', { name: 'rib.pdf', bytes: Buffer.from('%PDF-1.7\nrib') }),
    ).toMatchObject({
      refusal: { reason: 'scanFailed' },
    });
    expect(await store.list('draft-v')).toHaveLength(1);
  });

  test('CLAMD_ADDRESS is host:port or a socket path', () => {
    expect(readClamdAddress('127.0.0.1:3310')).toEqual({ address: { host: '127.0.0.1', port: 3310 } });
    expect(readClamdAddress('tcp://clamav:3310')).toEqual({ address: { host: 'clamav', port: 3310 } });
    expect(readClamdAddress('/run/clamav/clamd.ctl')).toEqual({ address: { path: '/run/clamav/clamd.ctl' } });
    expect(readClamdAddress('clamav').problem).toMatch(/^CLAMD_ADDRESS="clamav": expected host:port/);
    expect(readClamdAddress('')).toEqual({});
  });
});
