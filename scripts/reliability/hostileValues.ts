/** What people (and attackers) type: every string here must get a polite answer, never a crash. */
export const HOSTILE_TEXTS: readonly string[] = [
  '',
  ' ',
  '\u0000\u0001\u0002\u0007\b\u001b[31mrouge\u001b[0m',
  '\r\n\r\n\t\t\v\f',
  'مرحبا، أريد التقدم بطلب',
  'שלום \u202Eevil\u202C עולם',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'Al\u200Bès',
  '👍🏽👨‍👩‍👧‍👦🇫🇷 ok',
  '🙂'.repeat(500),
  '<script>alert(1)</script>',
  '<img src=x onerror="fetch(`//evil`)">',
  '"><svg/onload=alert(1)>',
  "'; DROP TABLE applications; --",
  '1 OR 1=1',
  "' UNION SELECT * FROM users --",
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '{{reference}} {{count}} $t(common:greeting.hello)',
  '%s%s%s%n%x',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  '999999999999999999999999999999 €',
  '-0',
  'NaN',
  'Infinity',
  '1e308',
  '0x1F',
  'Ａｌèｓ ３０１００',
  '\uD800 lone surrogate \uDFFF',
  'a'.repeat(5000),
  'x'.repeat(100_000),
  '\n'.repeat(2000),
  'aide',
  'menu',
  'annuler',
  'recommencer',
  'retour',
  'pause',
  'Déposer une candidature',
  'suis-je éligible ?',
  '732 829 320 00075',
  'marie.dupont@',
  '+44 20 7946 0958',
  '31/02/2027',
  'quinze mille milliards',
];

/** Values of the wrong type or shape for any field. */
export const ODD_VALUES: readonly unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  '',
  ' ',
  'x'.repeat(600),
  [],
  [1, 'a', null],
  {},
  { id: 5 },
  { id: '' },
  { id: 'x'.repeat(600) },
  { id: { nested: true } },
  '\u0000',
  '2026-13-45T99:99:99Z',
];

/** Card submits as a client could forge them. */
export const ODD_CARD_VALUES: readonly unknown[] = [
  { action: 'submitApplication', entry: 'apply' },
  { action: 'submitApplication' },
  { action: 'editApplication', entry: 'apply' },
  { action: 'submitApplication', entry: 'eligibility' },
  { action: 'submitApplication', entry: 'nope' },
  { action: 123, entry: [] },
  { action: {}, entry: {} },
  { entry: 'apply' },
  ['submitApplication', 'apply'],
  'submitApplication',
  42,
  null,
  { a: { b: { c: { d: { e: { f: 'deep' } } } } } },
  Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
  { action: 'submitApplication', entry: 'apply', data: { 'company.siret': '00000000000000' } },
];

/** Attachments of types the bot does not expect. */
export const ODD_ATTACHMENTS: readonly unknown[] = [
  [{ contentType: 'image/png', contentUrl: 'file:///etc/passwd', name: 'kbis.png' }],
  [{ contentType: 'application/vnd.microsoft.card.adaptive', content: 'not a card' }],
  [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: 5 } }],
  [{ contentType: 'text/html', content: '<script>alert(1)</script>' }],
  [{ contentType: 'application/pdf', contentUrl: 'http://169.254.169.254/latest/meta-data/' }],
  [{}],
  [null],
  [1, 'two'],
  Array.from({ length: 500 }, () => ({ contentType: 'text/plain', content: 'x' })),
];

/** JSON texts that are not JSON, or not an activity at all. */
export function malformedBodies(valid: string): string[] {
  return [
    '',
    '{',
    '{"type": "message", ',
    valid.slice(0, Math.floor(valid.length / 2)),
    `${valid}}`,
    `${valid} trailing`,
    "{'type': 'message'}",
    '{"type": NaN}',
    '{"type": "message",}',
    '\uFEFF{"type": "message"}',
    '[1,2,3]',
    '"hello"',
    '42',
    'null',
    'true',
    '{"a":'.repeat(5000),
    `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  ];
}

/** Prototype-pollution attempts, written as raw JSON (a JS object literal would not keep `__proto__`). */
export function pollutingBodies(activity: Record<string, unknown>): string[] {
  const base = JSON.stringify(activity).slice(1, -1);
  return [
    `{"__proto__": {"polluted": true}, ${base}}`,
    `{${base}, "value": {"__proto__": {"isAdvisor": true}, "action": "submitApplication", "entry": "apply"}}`,
    `{${base}, "constructor": {"prototype": {"polluted": true}}}`,
    `{${base}, "channelData": {"prototype": {"x": 1}, "__proto__": []}}`,
  ];
}
