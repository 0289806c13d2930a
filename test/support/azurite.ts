import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AzureBackendConfig } from '../../storage/storageBackend.js';

/** Azurite's well-known development account (public, documented by Microsoft: not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  stop(): Promise<void>;
}

const SERVICES = ['Blob', 'Queue', 'Table'] as const;
const LISTENING =
  /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/127\.0\.0\.1:(\d+)/g;

/**
 * Starts Azurite (Blob, Queue, Table) on free loopback ports (port 0: Azurite 3.35 prints the ports it got),
 * in memory, with a temporary working folder removed on stop. No telemetry, any API version.
 */
export async function startAzurite(timeoutMs = 20_000): Promise<RunningAzurite> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-azurite-'));
  const script = createRequire(import.meta.url).resolve('azurite/dist/src/azurite.js');
  const args = [script, '--silent', '--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry'];
  for (const service of SERVICES) {
    const name = service.toLowerCase();
    args.push(`--${name}Host`, '127.0.0.1', `--${name}Port`, '0');
  }
  const child = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const ports = await listeningPorts(child, timeoutMs);
    const endpoint = (port: number): string => `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
    const connectionString = [
      'DefaultEndpointsProtocol=http',
      `AccountName=${DEV_ACCOUNT}`,
      `AccountKey=${DEV_KEY}`,
      `BlobEndpoint=${endpoint(ports.blob)}`,
      `QueueEndpoint=${endpoint(ports.queue)}`,
      `TableEndpoint=${endpoint(ports.table)}`,
    ].join(';');
    return { connectionString, ports, stop: () => stop(child, workDir) };
  } catch (error) {
    await stop(child, workDir);
    throw error;
  }
}

function listeningPorts(child: ChildProcess, timeoutMs: number): Promise<RunningAzurite['ports']> {
  return new Promise((resolve, reject) => {
    let output = '';
    const found: Partial<Record<string, number>> = {};
    const fail = (reason: string): void => {
      clearTimeout(timer);
      reject(new Error(`Azurite did not start: ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`no ports after ${timeoutMs} ms`), timeoutMs);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      for (const match of output.matchAll(LISTENING)) found[match[1]!] = Number(match[2]);
      if (SERVICES.every((service) => found[service] !== undefined)) {
        clearTimeout(timer);
        resolve({ blob: found.Blob!, queue: found.Queue!, table: found.Table! });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
}

async function stop(child: ChildProcess, workDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}

let counter = 0;
/** A fresh, valid table/container name per test, so tests sharing one Azurite never see each other's data. */
export function uniqueName(prefix: string, kind: 'table' | 'container' = 'table'): string {
  const suffix = `${process.pid}x${++counter}x${Math.random().toString(36).slice(2, 8)}`;
  return kind === 'table'
    ? `${prefix}${suffix.replace(/[^A-Za-z0-9]/g, '')}`
    : `${prefix}-${suffix}`.toLowerCase();
}

/** The Azure back end on this emulator, with names of its own (nothing shared with other tests). */
export function azureBackend(azurite: RunningAzurite, notifyQueue?: string): AzureBackendConfig {
  return {
    kind: 'azure',
    connectionString: azurite.connectionString,
    stateContainer: uniqueName('state', 'container'),
    applicationsTable: uniqueName('Applications'),
    requestsTable: uniqueName('Requests'),
    documentsContainer: uniqueName('documents', 'container'),
    funnelTable: uniqueName('Funnel'),
    ...(notifyQueue ? { notifyQueue } : {}),
  };
}

/** The environment of a bot instance on that back end (what App Service's application settings hold). */
export function azureEnv(backend: AzureBackendConfig): Record<string, string> {
  return {
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: backend.connectionString,
    AZURE_STATE_CONTAINER: backend.stateContainer,
    AZURE_APPLICATIONS_TABLE: backend.applicationsTable,
    AZURE_REQUESTS_TABLE: backend.requestsTable,
    ...(backend.documentsContainer ? { AZURE_DOCUMENTS_CONTAINER: backend.documentsContainer } : {}),
    ...(backend.funnelTable ? { AZURE_FUNNEL_TABLE: backend.funnelTable } : {}),
    ...(backend.notifyQueue ? { AZURE_NOTIFY_QUEUE: backend.notifyQueue } : {}),
  };
}
