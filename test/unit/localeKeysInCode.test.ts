import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALES_DIR } from '../../bot/i18n.js';

type Tree = { [key: string]: unknown };
const LOCALES = ['fr', 'en'] as const;
const NAMESPACES = fs
  .readdirSync(path.join(DEFAULT_LOCALES_DIR, 'fr'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));
const SOURCE_FOLDERS = ['bot', 'dialogs', 'storage', 'committee', 'scripts'];

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const trees = new Map<string, Tree>();
function namespaceTree(locale: string, namespace: string): Tree {
  const id = `${locale}/${namespace}`;
  if (!trees.has(id)) {
    const file = path.join(DEFAULT_LOCALES_DIR, locale, `${namespace}.json`);
    trees.set(id, JSON.parse(fs.readFileSync(file, 'utf8')) as Tree);
  }
  return trees.get(id)!;
}

/** What stands at `ns:a.b.c` in a locale: a sentence, a list, a subtree, or nothing. */
function lookUp(locale: string, fullKey: string): unknown {
  const [namespace, keyPath] = fullKey.split(':') as [string, string];
  let node: unknown = namespaceTree(locale, namespace);
  for (const part of keyPath.split('.').filter(Boolean)) {
    node = node && typeof node === 'object' ? (node as Tree)[part] : undefined;
  }
  return node;
}

/** A key the code translates: a sentence, a list of sentences, or i18next plural forms of it. */
function translatable(locale: string, key: string): boolean {
  const node = lookUp(locale, key);
  if (typeof node === 'string' || Array.isArray(node)) return true;
  return (
    typeof lookUp(locale, `${key}_one`) === 'string' && typeof lookUp(locale, `${key}_other`) === 'string'
  );
}

const namespaces = NAMESPACES.join('|');
// 'ns:a.b' as a whole literal; `ns:a.b.${…}` as the fixed start of a template literal.
const WHOLE_KEY = new RegExp(`['"\`]((?:${namespaces}):[A-Za-z0-9_.]+)['"\`]`, 'g');
const KEY_PREFIX = new RegExp(`\`((?:${namespaces}):[A-Za-z0-9_.]*)\\$\\{`, 'g');

const uses = SOURCE_FOLDERS.flatMap(sourceFiles).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  return [
    ...[...text.matchAll(WHOLE_KEY)].map((match) => ({ file, key: match[1]!, prefix: false })),
    ...[...text.matchAll(KEY_PREFIX)].map((match) => ({ file, key: match[1]!, prefix: true })),
  ];
});

describe('every locale key the code uses exists in both locales', () => {
  test('the scan finds the keys (it reads the sources it should)', () => {
    expect(uses.length).toBeGreaterThan(200);
    expect(uses.map((use) => use.key)).toContain('common:menu.prompt');
  });

  test.each(LOCALES)('in %s, every whole key is a sentence, a list or plural forms', (locale) => {
    const missing = uses
      .filter((use) => !use.prefix && !translatable(locale, use.key) && !isSubtree(locale, use.key))
      .map((use) => `${use.file}: ${use.key}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  test.each(LOCALES)('in %s, every key built from a fixed start has that start', (locale) => {
    const missing = uses
      .filter((use) => use.prefix)
      .filter((use) => {
        const start = use.key.endsWith('.') ? use.key.slice(0, -1) : use.key;
        if (start.endsWith(':')) return false;
        const node = lookUp(locale, start);
        // `ns:a.b.${x}` needs the subtree a.b; `ns:a.list${n}` needs some key starting with "list".
        return use.key.endsWith('.') ? !isObject(node) : !hasKeyStartingWith(locale, start);
      })
      .map((use) => `${use.file}: ${use.key}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});

function isObject(node: unknown): boolean {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** A literal naming a whole group of sentences (handed to a function that picks in it). */
function isSubtree(locale: string, key: string): boolean {
  return isObject(lookUp(locale, key));
}

function hasKeyStartingWith(locale: string, start: string): boolean {
  const dot = start.lastIndexOf('.');
  const colon = start.indexOf(':');
  const parent = dot > colon ? start.slice(0, dot) : start.slice(0, colon + 1);
  const last = dot > colon ? start.slice(dot + 1) : start.slice(colon + 1);
  const node = lookUp(locale, parent);
  return isObject(node) && Object.keys(node as Tree).some((key) => key.startsWith(last));
}
