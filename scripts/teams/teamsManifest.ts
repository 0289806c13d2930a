import type { Translate } from '../../dialogs/translator.js';
import type { TeamsPackageSettings } from './teamsSettings.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Manifest = { [key: string]: Json };

/**
 * Fills the manifest template: `${{NAME}}` from the settings, `{{namespace:key}}` from the locale files (the
 * same sentences as the bot's, so a command title is what the bot understands). Any placeholder left unknown
 * stops the packaging rather than ship a manifest showing "{{…}}" to users.
 */
export function renderManifest(template: Manifest, settings: TeamsPackageSettings, t: Translate): Manifest {
  const values: Record<string, string> = {
    MicrosoftAppId: settings.botId,
    TEAMS_APP_ID: settings.teamsAppId,
    APP_VERSION: settings.version,
    WEBSITE_URL: settings.websiteUrl,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_URL: settings.termsUrl,
  };
  const fill = (text: string): string =>
    text
      .replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
        if (!(name in values)) throw new Error(`manifest template: unknown setting \${{${name}}}`);
        return values[name];
      })
      .replace(/\{\{(\w+:[\w.]+)\}\}/g, (_, key: string) => {
        const translated = t(key);
        if (translated === key || translated === key.split(':')[1] || translated.includes('$t(')) {
          throw new Error(`manifest template: no sentence for {{${key}}} in locales/`);
        }
        return translated;
      });
  const walk = (value: Json): Json => {
    if (typeof value === 'string') return fill(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  const manifest = walk(template) as Manifest;
  manifest.validDomains = settings.publicHost ? [settings.publicHost] : [];
  return manifest;
}

const asObject = (value: Json | undefined): { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
const asArray = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);

/**
 * The strings of a manifest rendered in another language, as a Teams localization file: its keys are the paths
 * of the localizable fields ("name.short", "bots[0].commandLists[1].commands[0].title").
 */
export function localizationOf(translated: Manifest, schemaUrl: string): Record<string, string> {
  const strings: Record<string, string> = { $schema: schemaUrl };
  const put = (key: string, value: Json | undefined) => {
    if (typeof value === 'string') strings[key] = value;
  };
  put('name.short', asObject(translated.name).short);
  put('name.full', asObject(translated.name).full);
  put('description.short', asObject(translated.description).short);
  put('description.full', asObject(translated.description).full);
  asArray(asObject(asArray(translated.bots)[0]).commandLists).forEach((list, i) => {
    asArray(asObject(list).commands).forEach((command, j) => {
      put(`bots[0].commandLists[${i}].commands[${j}].title`, asObject(command).title);
      put(`bots[0].commandLists[${i}].commands[${j}].description`, asObject(command).description);
    });
  });
  return strings;
}

/** The localization schema sits next to the manifest schema, at the same version. */
export const localizationSchemaUrl = (manifestSchemaUrl: string): string =>
  manifestSchemaUrl.replace(/MicrosoftTeams\.schema\.json$/, 'MicrosoftTeams.Localization.schema.json');
