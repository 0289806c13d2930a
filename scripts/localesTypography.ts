import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typeset, type TypographyLocale } from './typography/localeTypography.js';

/**
 * `npm run locales:typography`: rewrites every sentence of locales/fr and locales/en with the locale's typography
 * (scripts/typography/localeTypography.ts). Idempotent: run it again after merging new sentences. Only string
 * values change, in place, so the files keep their layout and keys; `--check` lists the files it would change.
 */
const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

export function typesetLocaleFile(source: string, locale: TypographyLocale): string {
  return source.replace(STRING_LITERAL, (literal: string, colon: string | undefined) => {
    if (colon !== undefined) return literal; // a key, not a sentence
    const value = JSON.parse(literal) as string;
    const fixed = typeset(value, locale);
    return fixed === value ? literal : JSON.stringify(fixed);
  });
}

function main(): void {
  const check = process.argv.includes('--check');
  const changed: string[] = [];
  for (const locale of ['fr', 'en'] as const) {
    const dir = path.join(LOCALES_DIR, locale);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const full = path.join(dir, file);
      const source = fs.readFileSync(full, 'utf8');
      const fixed = typesetLocaleFile(source, locale);
      JSON.parse(fixed); // never write a broken file
      if (fixed === source) continue;
      changed.push(`${locale}/${file}`);
      if (!check) fs.writeFileSync(full, fixed);
    }
  }
  const verb = check ? 'would change' : 'changed';
  process.stdout.write(
    changed.length === 0 ? 'locales: typography already right\n' : `locales: ${verb} ${changed.join(', ')}\n`,
  );
  if (check && changed.length > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
