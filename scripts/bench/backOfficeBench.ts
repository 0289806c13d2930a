/**
 * The committee back office's list at 5 000 files (lowdb), a section of `npm run bench`, or alone:
 * `node dist/scripts/bench/backOfficeBench.js [--files=5000] [--requests=15]`. A bare server with the back office
 * over a lowdb queue in a temporary folder, signed in with the token form; times list pages (every file read
 * at each request, and with the list kept between requests), a filtered and sorted page and a file page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import restify from 'restify';
import { Localizer } from '../../bot/i18n.js';
import { createLogger } from '../../bot/logger.js';
import { registerBackOffice } from '../../committee/backOffice/backOfficeRoutes.js';
import { createStatusService } from '../../committee/statusService.js';
import { loadProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { createLowdbApplicationQueue } from '../../storage/lowdbApplicationQueue.js';
import { writeLowdbSamples } from '../committeeSamples.js';
import { percentile, round } from './stats.js';

const TOKEN = 'bench-committee-token-0b1c2d3e4f5a6b7c8d9e';

export interface BackOfficeFigures {
  files: number;
  writeSeconds: number;
  /** Medians in milliseconds, each over `requests` requests after two warm-up ones. */
  /** The first list page of a started server: every file is read. */
  listFirstMs: number;
  listMs: number;
  /** The list page just after one file was changed by another process. */
  afterChangeMs: number;
  filteredSortedMs: number;
  filePageMs: number;
}

async function startBackOffice(
  dataDir: string,
  listCacheMs: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const queue = createLowdbApplicationQueue(dataDir);
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  registerBackOffice(server, {
    queue,
    statusService: createStatusService({ queue, deliver: () => undefined }),
    settings: loadProgrammeSettings(path.resolve('programme/alize.settings.json')),
    localizer: new Localizer(),
    logger: createLogger('silent'),
    committeeToken: TOKEN,
    committeeRoles: { committeeIds: [] },
    advisors: { advisorIds: [] },
    listCacheMs,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function signIn(url: string): Promise<string> {
  const page = await fetch(`${url}/committee/signin`);
  const login = /name="login" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const loginCookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0];
  const answer = await fetch(`${url}/committee/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, token: TOKEN }).toString(),
  });
  return (answer.headers.getSetCookie().find((line) => line.startsWith('alize_committee=')) ?? '').split(
    ';',
  )[0];
}

async function timed(url: string, cookie: string, requests: number): Promise<number> {
  const once = async () => {
    const started = performance.now();
    const answer = await fetch(url, { headers: { cookie } });
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
    await answer.text();
    return performance.now() - started;
  };
  await once();
  await once();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await once());
  return round(percentile(times, 0.5));
}

export async function measureBackOffice(files = 5000, requests = 15): Promise<BackOfficeFigures> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'alize-bench-back-office-'));
  try {
    const submitStarted = performance.now();
    await writeLowdbSamples(work, files);
    // The list is kept while the folder is unchanged, once its stamp is a second old: as in a meeting.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const writeSeconds = round((performance.now() - submitStarted) / 1000);
    const measure = async (cacheMs: number, paths: string[]) => {
      const server = await startBackOffice(work, cacheMs);
      try {
        const cookie = await signIn(server.url);
        const figures: number[] = [];
        for (const pagePath of paths) figures.push(await timed(`${server.url}${pagePath}`, cookie, requests));
        return figures;
      } finally {
        await server.close();
      }
    };
    const server = await startBackOffice(work, 2000);
    let first: number;
    try {
      const cookie = await signIn(server.url);
      const started = performance.now();
      await (await fetch(`${server.url}/committee`, { headers: { cookie } })).text();
      first = round(performance.now() - started);
    } finally {
      await server.close();
    }
    // After a change made elsewhere (the chat, the CLI): the list is read again, only the changed file parsed.
    const afterChange = await startBackOffice(work, 2000);
    const afterChangeTimes: number[] = [];
    try {
      const cookie = await signIn(afterChange.url);
      const other = createLowdbApplicationQueue(work);
      await (await fetch(`${afterChange.url}/committee`, { headers: { cookie } })).text();
      for (let i = 0; i < 5; i++) {
        await other.amend(`ALZ-2026-${String(100 + i).padStart(4, '0')}`, { assignedTo: `Bench ${i}` });
        const started = performance.now();
        await (await fetch(`${afterChange.url}/committee`, { headers: { cookie } })).text();
        afterChangeTimes.push(performance.now() - started);
      }
    } finally {
      await afterChange.close();
    }
    const [listMs, filteredSortedMs, filePageMs] = await measure(2000, [
      '/committee',
      '/committee?commune=Al%C3%A8s&volet=financial&sort=amount&dir=desc&page=2',
      '/committee/files/ALZ-2026-2500',
    ]);
    return {
      files,
      writeSeconds,
      listFirstMs: first,
      listMs: listMs!,
      afterChangeMs: round(percentile(afterChangeTimes, 0.5)),
      filteredSortedMs: filteredSortedMs!,
      filePageMs: filePageMs!,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function backOfficeTable(figures: BackOfficeFigures): string {
  return [
    `${figures.files} files written in ${figures.writeSeconds} s; medians of list pages (goal: under 200 ms)`,
    `  first list page (every file read)       ${figures.listFirstMs} ms`,
    `  list page                               ${figures.listMs} ms`,
    `  list page after a file changed elsewhere ${figures.afterChangeMs} ms`,
    `  filtered, sorted, page 2                ${figures.filteredSortedMs} ms`,
    `  one file's page                         ${figures.filePageMs} ms`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name: string, fallback: number) =>
    Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const figures = await measureBackOffice(option('files', 5000), option('requests', 15));
  console.log(backOfficeTable(figures));
  console.log(JSON.stringify({ backOffice: figures }));
}
