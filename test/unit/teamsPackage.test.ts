import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { detectGlobalCommand } from '../../dialogs/globalCommands.js';
import { detectMenuIntent } from '../../dialogs/menuIntents.js';
import { Localizer } from '../../bot/i18n.js';
import { LEGAL_ROUTES } from '../../bot/webPage/legalFooter.js';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../scripts/teams/iconArt.js';
import type { RasterImage } from '../../scripts/teams/png.js';
import { packageProblems } from '../../scripts/teams/packageRules.js';
import { renderManifest } from '../../scripts/teams/teamsManifest.js';
import { teamsSettingsFromEnv } from '../../scripts/teams/teamsSettings.js';
import { decodePng, pngSize } from '../../scripts/teams/pngReader.js';
import { readZip } from '../../scripts/teams/zipReader.js';

const PACKAGER = fileURLToPath(new URL('../../scripts/teamsPackage.js', import.meta.url));
// Microsoft's own Teams manifest schemas, as shipped offline in its @microsoft/app-manifest npm package.
const SCHEMAS = path.resolve('node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.29');
const BOT_ID = '6b0c3a8e-1f2d-4c5b-9e7a-0d1c2b3a4f5e';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Manifest = {
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  developer: Record<string, string>;
  validDomains: string[];
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
};

/** Runs `npm run teams:package` as an operator would, in an empty folder (so no developer's .env is read). */
function runPackager(env: Record<string, string>) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-teams-'));
  const result = spawnSync(process.execPath, [PACKAGER, '--out', outDir], {
    cwd: outDir,
    env: { PATH: process.env.PATH ?? '', MicrosoftAppId: '', ...env },
    encoding: 'utf8',
  });
  const zipPath = path.join(outDir, 'alize-teams.zip');
  const files = fs.existsSync(zipPath) ? readZip(fs.readFileSync(zipPath)) : new Map<string, Buffer>();
  fs.rmSync(outDir, { recursive: true, force: true });
  return { ...result, files };
}

const jsonOf = <T>(files: Map<string, Buffer>, name: string): T =>
  JSON.parse(files.get(name)?.toString('utf8') ?? 'null') as T;

/** Microsoft's schemas (draft-04); sibling keywords of a $ref (maxLength next to a $ref) are enforced too. */
function validator(file: string) {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, extendRefs: true, logger: false });
  ajv.addMetaSchema(createRequire(import.meta.url)('ajv/lib/refs/json-schema-draft-04.json') as object);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as object);
  return (value: unknown) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}
const manifestProblems = validator('MicrosoftTeams.schema.json');
const localizationProblems = validator('MicrosoftTeams.Localization.schema.json');

describe('the Teams app package (npm run teams:package)', () => {
  let built: ReturnType<typeof runPackager>;
  let manifest: Manifest;
  let english: Record<string, string>;

  beforeAll(() => {
    built = runPackager({ MicrosoftAppId: BOT_ID, PUBLIC_HOST: 'https://alize.cci-ales.example/' });
    manifest = jsonOf<Manifest>(built.files, 'manifest.json');
    english = jsonOf<Record<string, string>>(built.files, 'en.json');
  });

  test('holds manifest.json, its English strings and both icons, flat at the root of the zip', () => {
    expect(built.status).toBe(0);
    expect([...built.files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(built.files.has(manifest.icons.color) && built.files.has(manifest.icons.outline)).toBe(true);
  });

  test('manifest.json is valid against the Teams manifest schema of its version', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'MicrosoftTeams.schema.json'), 'utf8')) as {
      properties: { manifestVersion: { const: string } };
    };
    expect(manifest.manifestVersion).toBe(schema.properties.manifestVersion.const);
    expect(manifestProblems(manifest)).toEqual([]);
    // The validator is live: a 31-character short name is refused.
    expect(manifestProblems({ ...manifest, name: { ...manifest.name, short: 'A'.repeat(31) } })).not.toEqual(
      [],
    );
  });

  test('the bot id comes from MicrosoftAppId; the app id is a GUID of its own, stable, or TEAMS_APP_ID', () => {
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.id).toMatch(GUID);
    expect(manifest.id).not.toBe(BOT_ID);
    const otherHost = { MicrosoftAppId: BOT_ID, PUBLIC_HOST: 'alize2.cci-ales.example' };
    expect(jsonOf<Manifest>(runPackager(otherHost).files, 'manifest.json').id).toBe(manifest.id);
    const chosen = 'a1b2c3d4-0000-4000-8000-000000000001';
    const withId = runPackager({ ...otherHost, TEAMS_APP_ID: chosen });
    expect(jsonOf<Manifest>(withId.files, 'manifest.json').id).toBe(chosen);
  });

  test('personal, team and group chat scopes; the public host as the only valid domain', () => {
    expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.validDomains).toEqual(['alize.cci-ales.example']);
  });

  test('French by default, English from en.json, which is valid against the localization schema', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('fr');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    expect(manifest.name.full).toMatch(/^Assistant AliZé/);
    expect(english['name.full']).toMatch(/^AliZé assistant/);
    expect(localizationProblems(english)).toEqual([]);
  });

  test('every command, in French and in English, is one the bot understands', () => {
    const expected = [
      ['eligibility', 'apply', 'resume', 'advisor', 'help', 'menu'],
      ['help', 'menu'],
    ];
    const understood = (title: string) => detectGlobalCommand(title) ?? detectMenuIntent(title);
    manifest.bots[0].commandLists.forEach((list, i) => {
      expect(list.commands.map((c) => understood(c.title))).toEqual(expected[i]);
      const englishTitles = list.commands.map(
        (_, j) => english[`bots[0].commandLists[${i}].commands[${j}].title`],
      );
      expect(englishTitles.map(understood)).toEqual(expected[i]);
      // Teams' documentation caps a command title at 32 characters (the schema allows more).
      for (const title of [...list.commands.map((c) => c.title), ...englishTitles])
        expect(title.length).toBeLessThanOrEqual(32);
    });
  });

  test('the colour icon is 192×192 and opaque; the outline 32×32, white on transparent', () => {
    expect(pngSize(built.files.get('color.png')!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(built.files.get('outline.png')!)).toEqual({ width: 32, height: 32 });
    const color = decodePng(built.files.get('color.png')!);
    expect(color.rgba.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
    expect(manifest.accentColor).toBe(ACCENT_COLOR);

    const outline = decodePng(built.files.get('outline.png')!);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) =>
      Array.from(outline.rgba.subarray(i * 4, i * 4 + 4)),
    );
    const offWhite = pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(offWhite).toEqual([]);
    const opaque = pixels.filter(([, , , a]) => a === 255).length;
    const transparent = pixels.filter(([, , , a]) => a === 0).length;
    expect(opaque).toBeGreaterThan(50); // the drawing is there…
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5); // …on a transparent background
  });

  test('passes every rule checked by hand (scripts/teams/packageRules.ts, listed in docs/teams.md)', () => {
    expect(packageProblems(built.files, BOT_ID)).toEqual([]);
  });

  test('the hand-checked rules catch what Teams would refuse', () => {
    const broken = new Map(built.files);
    const bad = structuredClone(jsonOf<Record<string, unknown>>(built.files, 'manifest.json')) as Record<
      string,
      Record<string, unknown>
    > & { version: string; validDomains: string[]; bots: { botId: string }[] };
    bad.version = '1.0';
    bad.name.short = 'A'.repeat(31);
    bad.developer.privacyUrl = 'http://alize.cci-ales.example/confidentialite';
    bad.validDomains = ['https://alize.cci-ales.example/'];
    bad.bots[0].botId = '00000000-0000-4000-8000-000000000000';
    broken.set('manifest.json', Buffer.from(JSON.stringify(bad)));
    broken.set('outline.png', built.files.get('color.png')!);
    broken.delete('en.json');
    const problems = packageProblems(broken, BOT_ID).join('\n');
    for (const expected of [
      'version "1.0" is not MAJOR.MINOR.PATCH',
      'manifest.json name.short: 31 characters, at most 30',
      'developer.privacyUrl "http://alize.cci-ales.example/confidentialite" is not an https:// address',
      'validDomains: "https://alize.cci-ales.example/" is not a host name',
      `bots[0].botId 00000000-0000-4000-8000-000000000000 is not MicrosoftAppId ${BOT_ID}`,
      'outline.png: the outline icon must be 32×32, not 192×192',
      'outline.png: the background must be transparent',
      'en.json is named by the manifest but missing',
    ]) {
      expect(problems).toContain(expected);
    }
  });

  test('the committed icons are exactly what scripts/teamsIcons.ts draws', () => {
    const rgbaOf = ({ width, height, channels, pixels }: RasterImage) => {
      const rgba = Buffer.alloc(width * height * 4, 255);
      for (let i = 0; i < width * height; i++) {
        for (let c = 0; c < channels; c++) rgba[i * 4 + c] = pixels[i * channels + c];
      }
      return rgba;
    };
    for (const [file, drawn] of [
      ['color.png', drawColorIcon()],
      ['outline.png', drawOutlineIcon()],
    ] as const) {
      const committed = Buffer.from(decodePng(fs.readFileSync(path.join('appPackage', file))).rgba);
      expect(committed.equals(rgbaOf(drawn))).toBe(true);
    }
  });
});

describe('the packager refuses a bad configuration with a clear message', () => {
  test('a template placeholder with no sentence or no setting behind it stops the build', () => {
    const settings = teamsSettingsFromEnv(
      { MicrosoftAppId: BOT_ID, PUBLIC_HOST: 'alize.example.fr' },
      '1.0.0',
    );
    const { t } = new Localizer().language('fr');
    expect(() => renderManifest({ name: '{{teams:app.noSuchName}}' }, settings, t)).toThrow(
      '{{teams:app.noSuchName}}',
    );
    expect(() => renderManifest({ id: '${{NO_SUCH_SETTING}}' }, settings, t)).toThrow('${{NO_SUCH_SETTING}}');
  });

  test('without MicrosoftAppId it stops, names the variable and writes no zip', () => {
    const result = runPackager({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId is missing');
    expect(result.files.size).toBe(0);
  });

  test("the privacy and terms links are the service's own pages on the public https base URL", () => {
    const built = runPackager({ MicrosoftAppId: BOT_ID, PUBLIC_HOST: 'https://alize.cci-ales.example/' });
    const { developer } = jsonOf<Manifest>(built.files, 'manifest.json');
    expect(developer.websiteUrl).toBe('https://alize.cci-ales.example/');
    expect(developer.privacyUrl).toBe(`https://alize.cci-ales.example${LEGAL_ROUTES.privacy}`);
    expect(developer.termsOfUseUrl).toBe(`https://alize.cci-ales.example${LEGAL_ROUTES.notice}`);
  });

  test('a public base URL that is not https stops the build with a clear message', () => {
    const result = runPackager({ MicrosoftAppId: BOT_ID, PUBLIC_HOST: 'http://alize.cci-ales.example/' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'PUBLIC_HOST="http://alize.cci-ales.example/": the public base URL must be https',
    );
    expect(result.files.size).toBe(0);
  });

  test('without a public host nor privacy and terms links it stops, naming both', () => {
    const result = runPackager({ MicrosoftAppId: BOT_ID });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TEAMS_PRIVACY_URL or PUBLIC_HOST is missing');
    expect(result.stderr).toContain('TEAMS_TERMS_URL or PUBLIC_HOST is missing');
    const explicit = runPackager({
      MicrosoftAppId: BOT_ID,
      TEAMS_PRIVACY_URL: 'https://www.example.fr/confidentialite',
      TEAMS_TERMS_URL: 'https://www.example.fr/cgu',
    });
    expect(explicit.status).toBe(0);
  });

  test('a malformed bot id and public host are both reported', () => {
    const result = runPackager({ MicrosoftAppId: 'my-bot', PUBLIC_HOST: 'not a host' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId="my-bot"');
    expect(result.stderr).toContain('PUBLIC_HOST="not a host"');
  });
});
