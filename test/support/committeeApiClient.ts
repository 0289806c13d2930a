import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The compiled CLI, as `npm run committee` runs it: dist/test/support/ → dist/committee/committeeCli.js.
const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));

export interface CliOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the committee CLI on a data folder, in French unless `more` says otherwise, from a working directory
 * without any .env.
 */
export function runCommitteeCli(
  args: string[],
  dataDir: string,
  cwd: string,
  more: NodeJS.ProcessEnv = {},
): Promise<CliOutput> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'fr_FR.UTF-8', DATA_DIR: dataDir, ...more };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ApiRequest {
  method?: string;
  /** The whole Authorization header; omitted when undefined. */
  authorization?: string;
  contentType?: string;
  /** A string is sent as is; bytes are sent without any Content-Type. */
  body?: string | Uint8Array;
  acceptLanguage?: string;
  /** Any other request headers (If-Match…). */
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The raw bytes, a BOM included (Response.text() would drop it). */
  bytes: Uint8Array;
  text: string;
  /** The parsed body when it is JSON. */
  json: unknown;
}

export async function callApi(baseUrl: string, path: string, request: ApiRequest = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  if (request.acceptLanguage !== undefined) headers['accept-language'] = request.acceptLanguage;
  const response = await fetch(`${baseUrl}${path}`, {
    method: request.method ?? 'GET',
    headers,
    body: request.body,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text,
    json: isJson ? JSON.parse(text) : undefined,
  };
}

/** A JSON body exactly as the CLI prints it (`JSON.stringify(value, null, 2)` and a line end): keys in order. */
export const asCliJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
