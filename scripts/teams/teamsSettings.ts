import { createHash } from 'node:crypto';
import { LEGAL_ROUTES } from '../../bot/webPage/legalFooter.js';

/** What the Teams package needs from the environment, checked before anything is written. */
export interface TeamsPackageSettings {
  /** The Azure Bot's Microsoft App ID (bots[0].botId). */
  botId: string;
  /** The Teams app id (manifest id): TEAMS_APP_ID, or a GUID derived from the bot id so it never changes. */
  teamsAppId: string;
  /** Manifest version (semver): the project's package.json version. Teams wants it raised for every update. */
  version: string;
  /** The host serving the bot and its web page (validDomains), when known. */
  publicHost?: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

/** Thrown with every problem found, one per line, so the packager says everything at once. */
export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the Teams package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** The CCI's own site, used for the developer links until the service has its own public address. */
const CCI_WEBSITE = 'https://www.gard.cci.fr/';
/** Fixed namespace for the derived Teams app id (any constant works; changing it would change every id). */
const TEAMS_APP_NAMESPACE = '5d7b2f3e-9a41-4c1e-8f0b-6a2d9c3e7b15';

/** A name-based (version 5) UUID: the same bot id always gives the same Teams app id. */
export function derivedTeamsAppId(botId: string): string {
  const namespace = Buffer.from(TEAMS_APP_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(`alize-teams-app:${botId.toLowerCase()}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "alize.example.fr", "https://alize.example.fr/" or "alize.example.fr:443" → "alize.example.fr". */
export function hostOf(value: string): string {
  return value
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
}

export function teamsSettingsFromEnv(
  env: Record<string, string | undefined>,
  version: string,
): TeamsPackageSettings {
  const problems: string[] = [];
  const text = (name: string) => (env[name] ?? '').trim();

  const botId = text('MicrosoftAppId');
  if (botId === '') {
    problems.push(
      'MicrosoftAppId is missing: set it (in .env or the environment) to the Application (client) ID of the ' +
        "Azure Bot's app registration; docs/teams.md explains where to find it",
    );
  } else if (!GUID.test(botId)) {
    problems.push(`MicrosoftAppId="${botId}": expected a GUID such as 00000000-0000-0000-0000-000000000000`);
  }

  const teamsAppId = text('TEAMS_APP_ID');
  if (teamsAppId !== '' && !GUID.test(teamsAppId)) {
    problems.push(
      `TEAMS_APP_ID="${teamsAppId}": expected a GUID (or leave it empty to derive one from the bot id)`,
    );
  }

  const rawHost = text('PUBLIC_HOST');
  const publicHost = rawHost === '' ? undefined : hostOf(rawHost);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rawHost)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'https') {
    problems.push(
      `PUBLIC_HOST="${rawHost}": the public base URL must be https (Teams refuses other links); ` +
        'write the host alone (alize.example.fr) or its https:// address',
    );
  } else if (publicHost !== undefined && !HOST.test(publicHost)) {
    problems.push(`PUBLIC_HOST="${rawHost}": expected a public host name such as alize.example.fr`);
  }

  const baseUrl = publicHost && HOST.test(publicHost) ? `https://${publicHost}` : undefined;
  const websiteUrl = baseUrl ? `${baseUrl}/` : CCI_WEBSITE;
  /** An explicit https link, or the service's own page on the public base URL (PUBLIC_HOST). */
  const httpsUrl = (name: string, route: string): string => {
    const value = text(name);
    if (value === '') {
      if (baseUrl) return `${baseUrl}${route}`;
      if (rawHost === '') {
        problems.push(
          `${name} or PUBLIC_HOST is missing: the manifest links to the service's own page ` +
            `https://<PUBLIC_HOST>${route}; set PUBLIC_HOST to the public host of the bot (alize.example.fr)`,
        );
      }
      return '';
    }
    if (!/^https:\/\/\S+$/.test(value)) problems.push(`${name}="${value}": expected an https:// address`);
    return value;
  };
  const privacyUrl = httpsUrl('TEAMS_PRIVACY_URL', LEGAL_ROUTES.privacy);
  const termsUrl = httpsUrl('TEAMS_TERMS_URL', LEGAL_ROUTES.notice);

  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`package.json version "${version}" is not x.y.z`);
  if (problems.length > 0) throw new TeamsPackageError(problems);
  return {
    botId: botId.toLowerCase(),
    teamsAppId: (teamsAppId || derivedTeamsAppId(botId)).toLowerCase(),
    version,
    ...(publicHost ? { publicHost } : {}),
    websiteUrl,
    privacyUrl,
    termsUrl,
  };
}
