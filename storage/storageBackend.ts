import type { AzureAccountUrls } from './azureAccount.js';

/** Where the bot keeps its state and the committee queue; chosen by STORAGE in the environment. */
export const STORAGE_BACKENDS = ['lowdb', 'azure'] as const;

/** Embedded files in DATA_DIR: one instance, nothing to set up. */
export interface LowdbBackendConfig {
  kind: 'lowdb';
}

/** An Azure Storage account shared by every instance (or Azurite, the emulator). */
export interface AzureBackendConfig {
  kind: 'azure';
  /** AZURE_STORAGE_CONNECTION_STRING (a secret); '' when the account is reached with a managed identity. */
  connectionString: string;
  /** From AZURE_STORAGE_ACCOUNT_URL: the endpoints reached with DefaultAzureCredential, without a connection string. */
  accountUrls?: AzureAccountUrls;
  /** Blob container of the bot state (conversation and user state). */
  stateContainer: string;
  /** Table of the committee queue: files, reference counters, idempotency records. */
  applicationsTable: string;
  /** Table of the contact requests (callbacks, handoffs). */
  requestsTable: string;
  /** Private Blob container of the supporting documents (AZURE_DOCUMENTS_CONTAINER). */
  documentsContainer?: string;
  /** Table of the anonymous funnel counters (AZURE_FUNNEL_TABLE), one entity per month and step. */
  funnelTable?: string;
  /** Storage Queue that gets one message per new file; none when absent. */
  notifyQueue?: string;
}

export type StorageBackendConfig = LowdbBackendConfig | AzureBackendConfig;

export const AZURE_DEFAULTS = {
  stateContainer: 'alize-state',
  applicationsTable: 'AlizeApplications',
  requestsTable: 'AlizeRequests',
  documentsContainer: 'alize-documents',
  funnelTable: 'AlizeFunnel',
} as const;

/**
 * Why a name cannot be used, in the words of Azure's naming rules, or undefined when it can. Checked at
 * start-up so a typo fails there, not at the first user's turn with a bare 400.
 */
export function azureNameProblem(kind: 'container' | 'queue' | 'table', name: string): string | undefined {
  if (kind === 'table') {
    return /^[A-Za-z][A-Za-z0-9]{2,62}$/.test(name) && name.toLowerCase() !== 'tables'
      ? undefined
      : 'a table name is 3 to 63 letters or digits, starting with a letter';
  }
  const valid = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(name);
  return valid ? undefined : `a ${kind} name is 3 to 63 lowercase letters, digits or single hyphens inside`;
}

/** A connection string as the Azure portal shows it ("Access keys"), a SAS one, or the emulator shortcut. */
export function connectionStringProblem(connectionString: string): string | undefined {
  const looksRight =
    /(?:^|;)\s*UseDevelopmentStorage=true\s*(?:;|$)/i.test(connectionString) ||
    (/(?:^|;)\s*AccountName=[^;]+/i.test(connectionString) &&
      /(?:^|;)\s*AccountKey=[^;]+/i.test(connectionString)) ||
    /(?:^|;)\s*SharedAccessSignature=[^;]+/i.test(connectionString);
  return looksRight
    ? undefined
    : 'expected "DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net" (Azure portal, storage account, Access keys)';
}

/**
 * AZURE_STORAGE_ACCOUNT_URL: one of the account's service endpoints (https://<account>.blob.core.windows.net, as
 * the portal shows under Endpoints), from which the blob, table and queue endpoints follow. The message never
 * repeats a query string (it could hold a SAS token, a secret).
 */
export function readAccountUrls(raw: string): { urls?: AzureAccountUrls; problem?: string } {
  const variable = 'AZURE_STORAGE_ACCOUNT_URL';
  const expected = "expected the account's endpoint, e.g. https://stalizeales.blob.core.windows.net";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `${variable} is not a URL: ${expected}` };
  }
  if (url.search !== '' || url.username !== '' || url.password !== '') {
    return {
      problem: `${variable} must not carry a query or credentials (a SAS token belongs in AZURE_STORAGE_CONNECTION_STRING): ${expected}`,
    };
  }
  if (url.protocol !== 'https:') {
    return {
      problem: `${variable}="${raw}": Microsoft Entra tokens are only sent over https (the Azurite emulator over http takes AZURE_STORAGE_CONNECTION_STRING instead): ${expected}`,
    };
  }
  const host = /^([a-z0-9]{3,24})\.(?:blob|table|queue)\.([a-z0-9.-]+)$/.exec(url.hostname);
  if (!host || url.port !== '' || (url.pathname !== '/' && url.pathname !== '')) {
    return { problem: `${variable}="${raw}": ${expected}` };
  }
  const [, account, suffix] = host;
  const endpoint = (service: string) => `https://${account}.${service}.${suffix}`;
  return { urls: { blob: endpoint('blob'), table: endpoint('table'), queue: endpoint('queue') } };
}

/**
 * Reads STORAGE and the AZURE_* settings; each problem is one line naming the variable (never echoing the
 * connection string, a secret). With STORAGE=lowdb the AZURE_* settings are ignored (`npm run migrate`
 * reads them while the bot still runs on lowdb).
 */
export function readStorageBackend(text: (name: string) => string): {
  backend: StorageBackendConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const raw = text('STORAGE');
  const kind =
    STORAGE_BACKENDS.find((backend) => backend === raw.toLowerCase()) ?? (raw === '' ? 'lowdb' : undefined);
  if (kind === undefined) problems.push(`STORAGE="${raw}": expected one of ${STORAGE_BACKENDS.join(', ')}`);
  if (kind !== 'azure') return { backend: { kind: 'lowdb' }, problems };

  const connectionString = text('AZURE_STORAGE_CONNECTION_STRING');
  const accountUrl = text('AZURE_STORAGE_ACCOUNT_URL');
  let accountUrls: AzureAccountUrls | undefined;
  if (connectionString !== '' && accountUrl !== '') {
    problems.push(
      'AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL are both set: keep only one (the connection string signs with the account key; the account URL uses the managed identity)',
    );
  } else if (accountUrl !== '') {
    const read = readAccountUrls(accountUrl);
    if (read.problem) problems.push(read.problem);
    accountUrls = read.urls;
  } else if (connectionString === '') {
    problems.push(
      'AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=azure (Azure portal: storage account > Access keys > Connection string), or AZURE_STORAGE_ACCOUNT_URL (e.g. https://stalizeales.blob.core.windows.net) to use a managed identity instead',
    );
  } else {
    const problem = connectionStringProblem(connectionString);
    if (problem)
      problems.push(`AZURE_STORAGE_CONNECTION_STRING is not a storage connection string: ${problem}`);
  }
  const name = (variable: string, kind: 'container' | 'queue' | 'table', fallback: string): string => {
    const value = text(variable) || fallback;
    const problem = azureNameProblem(kind, value);
    if (problem) problems.push(`${variable}="${value}": ${problem}`);
    return value;
  };
  const stateContainer = name('AZURE_STATE_CONTAINER', 'container', AZURE_DEFAULTS.stateContainer);
  const applicationsTable = name('AZURE_APPLICATIONS_TABLE', 'table', AZURE_DEFAULTS.applicationsTable);
  const requestsTable = name('AZURE_REQUESTS_TABLE', 'table', AZURE_DEFAULTS.requestsTable);
  const documentsContainer = name(
    'AZURE_DOCUMENTS_CONTAINER',
    'container',
    AZURE_DEFAULTS.documentsContainer,
  );
  const funnelTable = name('AZURE_FUNNEL_TABLE', 'table', AZURE_DEFAULTS.funnelTable);
  const notifyQueue = text('AZURE_NOTIFY_QUEUE') === '' ? undefined : name('AZURE_NOTIFY_QUEUE', 'queue', '');
  const backend: AzureBackendConfig = {
    kind: 'azure',
    connectionString,
    ...(accountUrls ? { accountUrls } : {}),
    stateContainer,
    applicationsTable,
    requestsTable,
    documentsContainer,
    funnelTable,
    ...(notifyQueue ? { notifyQueue } : {}),
  };
  return { backend, problems };
}
