import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { decodePng, pngSize } from './pngReader.js';

type Json = { [key: string]: unknown };
const require = createRequire(import.meta.url);

/** Microsoft's Teams schemas, as shipped offline in its @microsoft/app-manifest npm package (a dev dependency). */
function schemaValidator(manifestVersion: string, file: string): (value: unknown) => string[] {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = path.join(root, 'build/json-schemas/teams', `v${manifestVersion}`, file);
  if (!fs.existsSync(schemaFile)) return () => [`no schema ${file} for manifestVersion ${manifestVersion}`];
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, extendRefs: true, logger: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Teams' documented limits (some stricter than the schema): field → maximum length. */
export const TEXT_LIMITS: Record<string, number> = {
  'name.short': 30,
  'name.full': 100,
  'description.short': 80,
  'description.full': 4000,
};
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;
const COMMANDS_PER_LIST_MAX = 10;

const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function pixelsOf(png: Buffer): { width: number; height: number; pixels: number[][] } {
  const { width, height, rgba } = decodePng(png);
  const pixels = Array.from({ length: width * height }, (_, i) =>
    Array.from(rgba.subarray(i * 4, i * 4 + 4)),
  );
  return { width, height, pixels };
}

function iconProblems(files: Map<string, Buffer>, color: string, outline: string): string[] {
  const problems: string[] = [];
  const colorPng = files.get(color);
  const outlinePng = files.get(outline);
  try {
    if (colorPng) {
      const size = pngSize(colorPng);
      if (size.width !== 192 || size.height !== 192)
        problems.push(`${color}: the colour icon must be 192×192, not ${size.width}×${size.height}`);
    }
    if (outlinePng) {
      const { width, height, pixels } = pixelsOf(outlinePng);
      if (width !== 32 || height !== 32)
        problems.push(`${outline}: the outline icon must be 32×32, not ${width}×${height}`);
      const offWhite = pixels.filter(
        ([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255),
      ).length;
      if (offWhite > 0) problems.push(`${outline}: ${offWhite} pixels are neither white nor transparent`);
      if (pixels.filter(([, , , a]) => a === 0).length < pixels.length / 2)
        problems.push(`${outline}: the background must be transparent`);
    }
  } catch (error) {
    problems.push(`icons: ${(error as Error).message}`);
  }
  return problems;
}

/** Length limits and forms of the strings of a manifest or of a localization file (keys "name.short"…). */
function textProblems(where: string, strings: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value !== 'string') continue;
    const limit =
      TEXT_LIMITS[key] ??
      (/\.commands\[\d+\]\.title$/.test(key)
        ? COMMAND_TITLE_MAX
        : /\.commands\[\d+\]\.description$/.test(key)
          ? COMMAND_DESCRIPTION_MAX
          : undefined);
    if (limit !== undefined && value.length > limit)
      problems.push(`${where} ${key}: ${value.length} characters, at most ${limit}`);
    if (limit !== undefined && value.trim() === '') problems.push(`${where} ${key}: empty`);
  }
  return problems;
}

/** The manifest's localizable strings under the keys a localization file uses. */
function localizableStrings(manifest: Json): Record<string, unknown> {
  const strings: Record<string, unknown> = {
    'name.short': asObject(manifest.name).short,
    'name.full': asObject(manifest.name).full,
    'description.short': asObject(manifest.description).short,
    'description.full': asObject(manifest.description).full,
  };
  asArray(asObject(asArray(manifest.bots)[0]).commandLists).forEach((list, i) => {
    asArray(asObject(list).commands).forEach((command, j) => {
      strings[`bots[0].commandLists[${i}].commands[${j}].title`] = asObject(command).title;
      strings[`bots[0].commandLists[${i}].commands[${j}].description`] = asObject(command).description;
    });
  });
  return strings;
}

/**
 * The rules a Teams app package is checked against here, by hand where Microsoft's tools need a sign-in
 * (docs/teams.md lists them). `files` is the unzipped package; every problem is one line.
 */
export function packageProblems(files: Map<string, Buffer>, expectedBotId?: string): string[] {
  const problems: string[] = [];
  const raw = files.get('manifest.json');
  if (!raw) return ['manifest.json is missing at the root of the package'];
  let manifest: Json;
  try {
    manifest = asObject(JSON.parse(raw.toString('utf8')));
  } catch (error) {
    return [`manifest.json is not JSON: ${(error as Error).message}`];
  }
  for (const name of files.keys())
    if (name.includes('/')) problems.push(`${name}: files must sit at the root`);

  const manifestVersion = String(manifest.manifestVersion ?? '');
  problems.push(
    ...schemaValidator(manifestVersion, 'MicrosoftTeams.schema.json')(manifest).map((p) => `schema: ${p}`),
  );
  if (!GUID.test(String(manifest.id))) problems.push(`id "${String(manifest.id)}" is not a GUID`);
  if (!/^\d+\.\d+\.\d+$/.test(String(manifest.version)))
    problems.push(`version "${String(manifest.version)}" is not MAJOR.MINOR.PATCH`);
  if (!/^#[0-9a-f]{6}$/i.test(String(manifest.accentColor)))
    problems.push(`accentColor "${String(manifest.accentColor)}" is not #RRGGBB`);

  const developer = asObject(manifest.developer);
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    if (!/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(String(developer[key])))
      problems.push(`developer.${key} "${String(developer[key])}" is not an https:// address`);
  }
  for (const domain of asArray(manifest.validDomains)) {
    if (typeof domain !== 'string' || !HOST.test(domain))
      problems.push(`validDomains: "${String(domain)}" is not a host name (no scheme, path or port)`);
  }

  const bot = asObject(asArray(manifest.bots)[0]);
  if (!GUID.test(String(bot.botId))) problems.push(`bots[0].botId "${String(bot.botId)}" is not a GUID`);
  else if (expectedBotId && String(bot.botId).toLowerCase() !== expectedBotId.toLowerCase())
    problems.push(`bots[0].botId ${String(bot.botId)} is not MicrosoftAppId ${expectedBotId}`);
  asArray(bot.commandLists).forEach((list, i) => {
    const count = asArray(asObject(list).commands).length;
    if (count > COMMANDS_PER_LIST_MAX)
      problems.push(`bots[0].commandLists[${i}]: ${count} commands, at most ${COMMANDS_PER_LIST_MAX}`);
  });
  problems.push(...textProblems('manifest.json', localizableStrings(manifest)));

  const icons = asObject(manifest.icons);
  const named = [String(icons.color), String(icons.outline)];
  const localizationSchema = schemaValidator(manifestVersion, 'MicrosoftTeams.Localization.schema.json');
  for (const language of asArray(asObject(manifest.localizationInfo).additionalLanguages)) {
    const file = String(asObject(language).file);
    named.push(file);
    const content = files.get(file);
    if (!content) continue;
    try {
      const strings = asObject(JSON.parse(content.toString('utf8')));
      problems.push(...localizationSchema(strings).map((p) => `${file} schema: ${p}`));
      problems.push(...textProblems(file, strings));
    } catch (error) {
      problems.push(`${file} is not JSON: ${(error as Error).message}`);
    }
  }
  for (const file of named)
    if (!files.has(file)) problems.push(`${file} is named by the manifest but missing`);
  problems.push(...iconProblems(files, String(icons.color), String(icons.outline)));
  return problems;
}
