import { readDocumentConfig, type DocumentConfig } from './documentConfig.js';
import path from 'node:path';
import { readStorageBackend, type StorageBackendConfig } from '../storage/storageBackend.js';
import { trustedProxyProblem } from './trustedProxies.js';
import { tokenWeakness } from './tokenStrength.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rateLimit.js';
import { readAdvisorGroup, readWebSignin, type WebSigninConfig } from './webSignin/signinConfig.js';
import { Localizer } from './i18n.js';
import { readTelemetry, type TelemetryConfig } from './telemetry/telemetryConfig.js';
import { readCompanyLookup, type CompanyLookupConfig } from './companyLookupConfig.js';
import { readMail, type MailConfig } from './mail/mailConfig.js';
import { readCommitteeRoles, type CommitteeRoleConfig } from '../committee/backOffice/backOfficeRoles.js';

/** Everything the server reads from the environment, validated once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevel: LogLevel;
  programmeFile: string;
  auth: BotAuthConfig;
  maxBodyBytes: number;
  /** Azure Direct Line secret: when set, the web page gets its tokens from Azure instead of the local Direct Line. */
  directLineSecret?: string;
  /**
   * CCI advisors by Microsoft Entra object id (Teams `aadObjectId`, web sign-in `oid`), or, for local use with
   * ADVISOR_LOCAL=1, by the user id the Emulator or `npm run chat -- --user` sends. Never a `dl_` web visitor id.
   */
  advisorIds: string[];
  /** Entra group whose signed-in members are advisors (ADVISOR_GROUP_ID). */
  advisorGroupId?: string;
  /** The advisors' Entra ID sign-in on the web page (ADVISOR_OIDC_*); absent: no sign-in offered. */
  webSignin?: WebSigninConfig;
  /** ADVISOR_LOCAL=1, without MicrosoftAppId: loopback requests on /api/messages may speak as a listed advisor. */
  advisorLocal: boolean;
  /** Bearer token of the committee's HTTP API (/api/applications); absent: the API is off. */
  committeeToken?: string;
  /** Who is the committee in the back office once signed in with Entra ID (COMMITTEE_IDS, COMMITTEE_GROUP_ID). */
  committeeRoles: CommitteeRoleConfig;
  /** Where state and the committee queue live (STORAGE, AZURE_*); only storage/ looks inside. */
  storage: StorageBackendConfig;
  /** Supporting documents: limits and the optional antivirus (DOCUMENT_MAX_BYTES, DOCUMENT_MAX_COUNT, CLAMD_ADDRESS). */
  documents: DocumentConfig;
  /** Limits of the public routes (RATE_LIMIT_*). */
  rateLimits: RateLimitConfig;
  /** Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING); absent: no telemetry at all. */
  telemetry?: TelemetryConfig;
  /** The company register lookup (COMPANY_LOOKUP, COMPANY_LOOKUP_URL); absent: off. */
  companyLookup?: CompanyLookupConfig;
  /** The applicants' e-mails (SMTP_URL, MAIL_FROM); absent: no mail, and the bot never mentions it. */
  mail?: MailConfig;
  /** The public base URL of this server (PUBLIC_HOST, https), for the links it gives; absent: its own address. */
  publicBaseUrl?: string;
}

export interface BotAuthConfig {
  appId: string;
  appPassword: string;
  appType: AppType;
  tenantId: string;
  /**
   * botframework-connector's ToBotFromChannelOpenIdMetadataUrl: where the channel's signing keys are published
   * ('' = the public Azure cloud's). For a sovereign cloud, or a local key server in tests.
   */
  openIdMetadataUrl: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
/**
 * SingleTenant (the default: new Azure Bot registrations can no longer be multi-tenant), MultiTenant (existing
 * registrations, with their password) or UserAssignedMSI (MicrosoftAppId = the managed identity's client id).
 */
export type AppType = (typeof APP_TYPES)[number];

/** A start-up problem an operator of the CCI reads: in French, then in English like the others. */
function bilingual(key: string, values: Record<string, string> = {}): string {
  const localizer = new Localizer();
  return `${localizer.language('fr').t(key, values)} / ${localizer.language('en').t(key, values)}`;
}

/** Thrown with every problem found, one per line, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string => (env[name] ?? '').trim();

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}="${raw}": expected a whole number between ${min} and ${max}`);
      return fallback;
    }
    return value;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === '') return fallback;
    const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (!match) problems.push(`${name}="${raw}": expected one of ${allowed.join(', ')}`);
    return match ?? fallback;
  };

  const port = integer('PORT', 3978, 0, 65535);
  const maxBodyBytes = integer('MAX_BODY_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024);
  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const appType = oneOf('MicrosoftAppType', APP_TYPES, 'SingleTenant');
  const appId = text('MicrosoftAppId');
  const appPassword = text('MicrosoftAppPassword');
  const tenantId = text('MicrosoftAppTenantId');

  if (appId !== '' && !GUID.test(appId)) {
    problems.push(`MicrosoftAppId="${appId}": expected the GUID of the Azure Bot registration`);
  }
  if (appId !== '' && appType !== 'UserAssignedMSI' && appPassword === '') {
    problems.push('MicrosoftAppPassword is required when MicrosoftAppId is set');
  }
  if (appId === '' && appPassword !== '' && appType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty');
  }
  if (appType === 'UserAssignedMSI' && appPassword !== '') {
    problems.push(bilingual('startup:botIdentity.msiPassword'));
  }
  // botbuilder refuses these too, but with a bare AssertionError thrown from the adapter's constructor.
  if (appType !== 'MultiTenant' && appId !== '' && tenantId === '') {
    problems.push(bilingual('startup:botIdentity.tenantRequired', { appType }));
  }

  const dataDir = path.resolve(cwd, text('DATA_DIR') || './data');
  const programmeFile = path.resolve(cwd, text('PROGRAMME_FILE') || './programme/alize.settings.json');
  const host = text('HOST') || '0.0.0.0';
  const directLineSecret = text('DIRECT_LINE_SECRET');
  const committeeToken = text('COMMITTEE_TOKEN');
  // The value is a secret: the messages give its length, never the value.
  const weakness = committeeToken === '' ? undefined : tokenWeakness(committeeToken);
  if (/\s/.test(committeeToken) || committeeToken.length > 512) {
    problems.push(
      'COMMITTEE_TOKEN must be at most 512 characters, without spaces (it is sent as a Bearer token)',
    );
  } else if (weakness) {
    problems.push(`COMMITTEE_TOKEN ${weakness}, e.g. from "openssl rand -hex 32"`);
  }
  const advisorIds = text('ADVISOR_IDS')
    .split(/[,;\s]+/)
    .filter((id) => id !== '');
  // A web visitor id is made by the browser: whoever lists one hands advisor rights to anyone who types it.
  const chosenByClient = advisorIds.filter((id) => /^dl_/i.test(id));
  if (chosenByClient.length > 0) {
    problems.push(
      `ADVISOR_IDS lists ${chosenByClient.length} web visitor id(s) starting with "dl_": the browser chooses those, so they can never prove an advisor. List the advisor's Microsoft Entra object id instead (Teams or the web sign-in)`,
    );
  }
  const advisorLocalRaw = text('ADVISOR_LOCAL');
  if (!['', '0', '1'].includes(advisorLocalRaw)) {
    problems.push(`ADVISOR_LOCAL="${advisorLocalRaw}": expected 1 (on) or 0 (off)`);
  }
  const advisorLocal = advisorLocalRaw === '1';
  if (advisorLocal && appId !== '') {
    problems.push(
      'ADVISOR_LOCAL=1 is for local use without MicrosoftAppId; with MicrosoftAppId set, advisors are recognised from Teams (Bot Framework token) or the web sign-in',
    );
  }
  if (appId !== '' && advisorIds.length > 0 && !GUID.test(tenantId)) {
    problems.push(
      `MicrosoftAppTenantId ${tenantId === '' ? 'is empty' : `="${tenantId}" is not a GUID`}: with ADVISOR_IDS and MicrosoftAppId set, give the CCI's Microsoft Entra tenant id (a GUID, as Teams sends it), so that only that tenant's users can be advisors in Teams`,
    );
  }
  const openIdMetadataUrl = text('ToBotFromChannelOpenIdMetadataUrl') || text('BotOpenIdMetadata');
  if (openIdMetadataUrl !== '' && !/^https?:\/\/\S+$/.test(openIdMetadataUrl)) {
    problems.push(`ToBotFromChannelOpenIdMetadataUrl="${openIdMetadataUrl}": expected an http(s) URL`);
  }

  const advisorGroupId = readAdvisorGroup(text, problems);
  const webSignin = readWebSignin(text, tenantId, problems);
  const committeeRoles = readCommitteeRoles(text, problems);

  const telemetry = readTelemetry(text, problems);
  const companyLookup = readCompanyLookup(text, problems);
  const mail = readMail(text, problems);
  const publicHost = text('PUBLIC_HOST')
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, '');
  if (publicHost !== '' && !/^[a-z0-9.-]+(:\d+)?$/i.test(publicHost)) {
    problems.push(
      `PUBLIC_HOST="${text('PUBLIC_HOST')}": expected a public host name such as alize.example.fr`,
    );
  }
  const storage = readStorageBackend(text);
  problems.push(...storage.problems);
  const documents = readDocumentConfig(text, integer, problems);

  const rateLimits: RateLimitConfig = {
    perIpPerMinute: integer('RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMITS.perIpPerMinute, 0, 1_000_000),
    perConversationPerMinute: integer(
      'RATE_LIMIT_PER_CONVERSATION_PER_MINUTE',
      DEFAULT_RATE_LIMITS.perConversationPerMinute,
      0,
      1_000_000,
    ),
    trustedProxies: text('TRUSTED_PROXIES')
      .split(/[,;\s]+/)
      .filter((entry) => entry !== ''),
  };
  for (const entry of rateLimits.trustedProxies) {
    const problem = trustedProxyProblem(entry);
    if (problem) problems.push(problem);
  }
  // The old switch believed X-Forwarded-For from anyone: say what replaces it rather than ignore it silently.
  if (text('RATE_LIMIT_TRUST_PROXY').toLowerCase() === 'true') {
    problems.push(
      'RATE_LIMIT_TRUST_PROXY is replaced by TRUSTED_PROXIES: list the addresses or CIDR ranges of your reverse proxies',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir,
    logLevel,
    programmeFile,
    maxBodyBytes,
    auth: { appId, appPassword, appType, tenantId, openIdMetadataUrl },
    ...(directLineSecret ? { directLineSecret } : {}),
    advisorIds,
    ...(advisorGroupId ? { advisorGroupId } : {}),
    ...(webSignin ? { webSignin } : {}),
    advisorLocal,
    ...(committeeToken ? { committeeToken } : {}),
    committeeRoles,
    storage: storage.backend,
    documents,
    rateLimits,
    ...(telemetry ? { telemetry } : {}),
    ...(companyLookup ? { companyLookup } : {}),
    ...(mail ? { mail } : {}),
    ...(publicHost ? { publicBaseUrl: `https://${publicHost}` } : {}),
  };
}
