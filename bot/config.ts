import path from 'node:path';
import { readStorageBackend, type StorageBackendConfig } from '../storage/storageBackend.js';
import { trustedProxyProblem } from './trustedProxies.js';
import { tokenWeakness } from './tokenStrength.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rateLimit.js';

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
  /** CCI advisors: channel user ids and/or Azure AD object ids (Teams `from.aadObjectId`). */
  advisorIds: string[];
  /** Bearer token of the committee's HTTP API (/api/applications); absent: the API is off. */
  committeeToken?: string;
  /** Where state and the committee queue live (STORAGE, AZURE_*); only storage/ looks inside. */
  storage: StorageBackendConfig;
  /** Limits of the public routes (RATE_LIMIT_*). */
  rateLimits: RateLimitConfig;
}

export interface BotAuthConfig {
  appId: string;
  appPassword: string;
  appType: AppType;
  tenantId: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

/** Thrown with every problem found, one per line, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

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
  const appType = oneOf('MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const appId = text('MicrosoftAppId');
  const appPassword = text('MicrosoftAppPassword');
  const tenantId = text('MicrosoftAppTenantId');

  if (appId !== '' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
    problems.push(`MicrosoftAppId="${appId}": expected the GUID of the Azure Bot registration`);
  }
  if (appId !== '' && appType !== 'UserAssignedMSI' && appPassword === '') {
    problems.push('MicrosoftAppPassword is required when MicrosoftAppId is set');
  }
  if (appId === '' && appPassword !== '') {
    problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty');
  }
  if (appType === 'SingleTenant' && appId !== '' && tenantId === '') {
    problems.push('MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
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

  const storage = readStorageBackend(text);
  problems.push(...storage.problems);

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
    auth: { appId, appPassword, appType, tenantId },
    ...(directLineSecret ? { directLineSecret } : {}),
    advisorIds,
    ...(committeeToken ? { committeeToken } : {}),
    storage: storage.backend,
    rateLimits,
  };
}
