import { Localizer } from '../../bot/i18n.js';
import { documentRefusalSentence } from '../../dialogs/documentSentences.js';
import {
  checkDocument,
  sniffDocumentType,
  type DocumentCandidate,
  type DocumentRefusalReason,
} from '../../dialogs/domain/documentChecks.js';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WINDOWS_EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');
const LINUX_ELF = Buffer.from('\x7fELF\x02\x01\x01\x00');
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxCount: 3 };

function candidate(head: Buffer, size = 1000, sha256 = 'a'.repeat(64)): DocumentCandidate {
  return { head, size, sha256 };
}

describe('a document is recognised by its bytes, never by its name', () => {
  test.each([
    ['PDF', PDF, 'application/pdf'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
  ])('%s', (_kind, head, type) => {
    expect(sniffDocumentType(head)).toBe(type);
  });

  test.each([
    ['a Windows executable', WINDOWS_EXE],
    ['a Linux executable', LINUX_ELF],
    ['a text file', Buffer.from('Kbis de la société')],
    ['three bytes of a PNG', PNG.subarray(0, 3)],
  ])('%s is none of them', (_kind, head) => {
    expect(sniffDocumentType(head)).toBeUndefined();
    expect(checkDocument(candidate(head), [], LIMITS)).toEqual({
      outcome: 'refuse',
      refusal: { reason: 'wrongType', params: {} },
    });
  });
});

describe('the limits of a file', () => {
  test('exactly the largest size is accepted, one byte more is refused with the limit in megabytes', () => {
    expect(checkDocument(candidate(PDF, LIMITS.maxBytes), [], LIMITS).outcome).toBe('accept');
    expect(checkDocument(candidate(PDF, LIMITS.maxBytes + 1), [], LIMITS)).toEqual({
      outcome: 'refuse',
      refusal: { reason: 'tooBig', params: { max: 10 } },
    });
  });

  test('an empty file is refused', () => {
    expect(checkDocument(candidate(PDF, 0), [], LIMITS)).toMatchObject({ refusal: { reason: 'empty' } });
  });

  test('the last place is taken, then the next document is refused', () => {
    const kept = [
      { id: 'one', sha256: '1'.repeat(64) },
      { id: 'two', sha256: '2'.repeat(64) },
    ];
    expect(checkDocument(candidate(PNG), kept, LIMITS).outcome).toBe('accept');
    const full = [...kept, { id: 'three', sha256: '3'.repeat(64) }];
    expect(checkDocument(candidate(PNG), full, LIMITS)).toEqual({
      outcome: 'refuse',
      refusal: { reason: 'tooMany', params: { max: 3 } },
    });
  });

  test('the same bytes sent again are the first copy, even when the file is full', () => {
    const full = [
      { id: 'one', sha256: '1'.repeat(64) },
      { id: 'two', sha256: '2'.repeat(64) },
      { id: 'three', sha256: '3'.repeat(64) },
    ];
    expect(checkDocument(candidate(PDF, 1000, '2'.repeat(64)), full, LIMITS)).toEqual({
      outcome: 'duplicate',
      id: 'two',
    });
  });
});

describe('each refusal says why, in French and in English', () => {
  const localizer = new Localizer();
  const reasons: DocumentRefusalReason[] = [
    'empty',
    'tooBig',
    'wrongType',
    'tooMany',
    'infected',
    'scanFailed',
  ];

  test.each(reasons)('%s has its own sentence in both languages', (reason) => {
    for (const locale of ['fr', 'en'] as const) {
      const key = `documents:refusal.${reason}`;
      expect(localizer.hasKey(locale, key)).toBe(true);
      const sentence = documentRefusalSentence(localizer.language(locale).t, { reason, params: { max: 10 } });
      expect(sentence).not.toContain('{{');
      expect(sentence).not.toBe(key);
    }
  });

  test('the size limit is written the French way', () => {
    const t = localizer.language('fr').t;
    const sentence = documentRefusalSentence(t, { reason: 'tooBig', params: { max: 2.5 } });
    expect(sentence).toContain('2,5');
  });
});
