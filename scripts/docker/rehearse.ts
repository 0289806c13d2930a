/**
 * `npm run docker:rehearse`: no Docker engine here, so the Dockerfile's steps run on this machine in a temporary
 * folder: the context is copied as .dockerignore says, each stage's RUN steps run in its own folder (standing for
 * the image's `/`), COPY --from takes what the build stage made, then the final stage's CMD is started with its
 * VOLUME in a fresh temporary folder and its HEALTHCHECK must pass. Prints each step and a verdict; exits 1 on
 * failure. `--keep` leaves the folder for a look.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyContext, DockerIgnore } from './dockerignore.js';
import { folderBytes, freePort, mib, pageAssets, stop, waitHealthy } from './runningApp.js';
import {
  parseAssignments,
  parseCommand,
  parseCopy,
  parseDockerfile,
  parseHealthcheck,
  substitute,
  type Healthcheck,
} from './dockerfile.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface StageRun {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  volumes: string[];
  healthcheck?: Healthcheck;
  cmd?: string[];
}

let stepNumber = 0;
const step = (text: string) => console.log(`[${++stepNumber}] ${text}`);
const note = (text: string) => console.log(`    ${text}`);

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-docker-'));
  let app: ChildProcess | undefined;
  try {
    const dockerfile = parseDockerfile(fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
    step(`Dockerfile: ${dockerfile.stages.map((s) => `${s.name} (${s.base})`).join(', ')}`);
    note(`base images stand for this machine's Node ${process.version}; folder ${tmp}`);

    const context = path.join(tmp, 'context');
    const ignore = new DockerIgnore(readIfExists(path.join(PROJECT_ROOT, '.dockerignore')));
    const copied = copyContext(PROJECT_ROOT, context, ignore);
    step(`build context: ${copied.files} files, ${mib(copied.bytes)} (.dockerignore applied)`);
    for (const leftOut of ['node_modules', '.env', 'dist', 'data', '.git']) {
      if (fs.existsSync(path.join(context, leftOut))) throw new Error(`${leftOut} is in the build context`);
    }

    const runs = new Map<string, StageRun>();
    let last: StageRun | undefined;
    for (const stage of dockerfile.stages) {
      last = runStage(stage, dockerfile.globalArgs, tmp, context, runs);
      runs.set(stage.name, last);
    }
    const final = last as StageRun;
    if (!final.cmd) throw new Error('the final stage has no CMD');
    if (!final.healthcheck) throw new Error('the final stage has no HEALTHCHECK');
    if (!final.user || final.user === 'root' || final.user === '0')
      throw new Error('the final stage runs as root');

    const appDir = hostPath(final, final.workdir);
    const size = folderBytes(appDir);
    const modules = folderBytes(path.join(appDir, 'node_modules'));
    step(
      `runtime folder (the image's ${final.workdir}): ${mib(size)}, of which node_modules ${mib(modules)}`,
    );
    for (const devOnly of ['jest', 'eslint', 'azurite', 'playwright-core']) {
      if (fs.existsSync(path.join(appDir, 'node_modules', devOnly))) {
        throw new Error(`dev dependency ${devOnly} is in the runtime stage`);
      }
    }
    note('no dev tool (jest, eslint, azurite, playwright-core) in node_modules');

    const port = await freePort();
    const volumes = new Map(final.volumes.map((v, i) => [v, path.join(tmp, `volume-${i}`)]));
    for (const dir of volumes.values()) fs.mkdirSync(dir, { recursive: true });
    const env = runtimeEnv(final, volumes, port);
    step(
      `start: ${final.cmd.join(' ')} (PORT=${port}, ${[...volumes].map(([v, d]) => `${v} → ${d}`).join(', ')})`,
    );
    if (final.user) note(`USER ${final.user}: runs as ${os.userInfo().username} here`);
    app = spawn(final.cmd[0], final.cmd.slice(1), { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    app.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    app.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

    const health = await waitHealthy(final.healthcheck, appDir, env, app);
    if (!health.ok) {
      console.log(output.join('').slice(-3000));
      throw new Error(`HEALTHCHECK did not pass: ${health.reason}`);
    }
    step(`HEALTHCHECK ${final.healthcheck.command.join(' ').slice(0, 60)}… passed after ${health.ms} ms`);
    const written = [...volumes.values()].some((dir) => fs.readdirSync(dir).length > 0);
    if (volumes.size > 0 && !written)
      throw new Error('the app wrote nothing in its VOLUME (DATA_DIR elsewhere?)');
    note('the data folder is the VOLUME: the app wrote there');
    const assets = await pageAssets(`http://127.0.0.1:${port}`);
    step(`web page: / and its ${assets.length} scripts and styles answer 200 (${assets.join(', ')})`);

    const code = await stop(app);
    app = undefined;
    step(`stopped with SIGTERM: exit code ${code}`);
    if (code !== 0) throw new Error(`the app exited with ${code} on SIGTERM`);
    console.log(
      `\nverdict: PASS in ${Math.round((Date.now() - started) / 1000)} s (runtime folder ${mib(size)})`,
    );
  } catch (error) {
    console.log(`\nverdict: FAIL: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    if (app) await stop(app);
    if (keep) console.log(`kept ${tmp}`);
    else {
      const cleaning = Date.now();
      fs.rmSync(tmp, { recursive: true, force: true });
      console.log(`temporary folder removed in ${Math.round((Date.now() - cleaning) / 1000)} s`);
    }
  }
}

function runStage(
  stage: ReturnType<typeof parseDockerfile>['stages'][number],
  globalArgs: Record<string, string>,
  tmp: string,
  context: string,
  runs: Map<string, StageRun>,
): StageRun {
  const run: StageRun = {
    name: stage.name,
    root: path.join(tmp, `stage-${stage.name}`),
    workdir: '/',
    env: {},
    volumes: [],
  };
  fs.mkdirSync(run.root, { recursive: true });
  const vars = () => ({ ...globalArgs, ...run.env });
  step(`stage ${stage.name}: FROM ${stage.base}`);
  for (const { keyword, args, line } of stage.instructions) {
    const label = `  ${keyword} ${args.length > 90 ? `${args.slice(0, 90)}…` : args}`;
    switch (keyword) {
      case 'ARG':
        Object.assign(run.env, withDefaults(parseAssignments(args), globalArgs));
        break;
      case 'ENV':
        for (const [key, value] of Object.entries(parseAssignments(args)))
          run.env[key] = substitute(value, vars());
        step(label);
        break;
      case 'WORKDIR':
        run.workdir = path.posix.resolve(run.workdir, substitute(args, vars()));
        fs.mkdirSync(hostPath(run, run.workdir), { recursive: true });
        step(label);
        break;
      case 'COPY': {
        step(label);
        copyStep(run, parseCopy(substitute(args, vars())), context, runs);
        break;
      }
      case 'RUN': {
        step(label);
        const { mounts, command } = splitRunFlags(args);
        // A BuildKit cache mount keeps npm's cache out of the image; here npm uses this machine's cache.
        for (const mount of mounts) note(`--mount=${mount}: this machine's own folders are used`);
        runShell(run, parseCommand(command), line);
        break;
      }
      case 'USER':
        run.user = substitute(args, vars());
        step(label);
        break;
      case 'VOLUME': {
        const parsed = parseCommand(args);
        run.volumes.push(...('exec' in parsed ? parsed.exec : parsed.shell.split(/\s+/)));
        step(label);
        break;
      }
      case 'HEALTHCHECK':
        run.healthcheck = parseHealthcheck(args);
        step(label);
        break;
      case 'CMD': {
        const parsed = parseCommand(args);
        run.cmd = 'exec' in parsed ? parsed.exec : ['/bin/sh', '-c', parsed.shell];
        step(label);
        break;
      }
      case 'EXPOSE':
        step(label);
        break;
      default:
        throw new Error(`Dockerfile line ${line}: ${keyword} is not rehearsed`);
    }
  }
  return run;
}

function copyStep(
  run: StageRun,
  copy: ReturnType<typeof parseCopy>,
  context: string,
  runs: Map<string, StageRun>,
): void {
  const source = copy.from ? runs.get(copy.from) : undefined;
  if (copy.from && !source) throw new Error(`COPY --from=${copy.from}: no such stage before this one`);
  const destImage = path.posix.resolve(run.workdir, copy.dest);
  const intoFolder = copy.dest.endsWith('/') || copy.sources.length > 1;
  for (const src of copy.sources) {
    const from = source ? hostPath(source, path.posix.resolve(source.workdir, src)) : path.join(context, src);
    if (!fs.existsSync(from))
      throw new Error(`COPY ${src}: not found${source ? ` in stage ${source.name}` : ' in the context'}`);
    const isFolder = fs.statSync(from).isDirectory();
    const to = hostPath(
      run,
      intoFolder && !isFolder ? path.posix.join(destImage, path.basename(src)) : destImage,
    );
    fs.mkdirSync(isFolder ? to : path.dirname(to), { recursive: true });
    fs.cpSync(from, to, { recursive: true });
  }
  if (copy.chown) note(`--chown=${copy.chown}: files owned by ${os.userInfo().username} here`);
}

/** Runs a RUN step with /bin/sh -c in the stage's WORKDIR; the image's absolute paths point into the stage folder. */
function runShell(run: StageRun, command: ReturnType<typeof parseCommand>, line: number): void {
  let script = 'exec' in command ? command.exec.map(shellQuote).join(' ') : command.shell;
  script = mapImagePaths(run, script);
  // The official image's user does not exist on this machine: say so instead of failing on it.
  const missingUsers = [...script.matchAll(/chown\s+(?:-\S+\s+)*([a-z_][a-z0-9_-]*)/g)]
    .map((m) => m[1])
    .filter((user) => spawnSync('id', ['-u', user], { stdio: 'ignore' }).status !== 0);
  if (missingUsers.length > 0) {
    note(
      `chown to ${[...new Set(missingUsers)].join(', ')} not rehearsed: that user exists only in the image`,
    );
    script = `chown() { :; }; ${script}`;
  }
  const started = Date.now();
  const result = spawnSync('/bin/sh', ['-c', script], {
    cwd: hostPath(run, run.workdir),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir(), ...mapEnv(run, run.env) },
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`Dockerfile line ${line}: RUN exited with ${result.status ?? result.signal}`);
  note(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The image's environment, its volumes in temporary folders, on a free loopback port. */
function runtimeEnv(run: StageRun, volumes: Map<string, string>, port: number): NodeJS.ProcessEnv {
  const env = mapEnv(run, run.env);
  for (const [key, value] of Object.entries(run.env)) {
    for (const [volume, dir] of volumes) {
      if (value === volume || value.startsWith(`${volume}/`)) env[key] = dir + value.slice(volume.length);
    }
  }
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

/** An absolute path of the image, inside the stage folder that stands for its `/`. */
function hostPath(run: StageRun, imagePath: string): string {
  return path.join(run.root, imagePath);
}

function mapImagePaths(run: StageRun, text: string): string {
  if (run.workdir === '/') return text;
  const escaped = run.workdir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(
    new RegExp(`(^|[\\s=:'"])${escaped}(?=/|\\s|$|['"])`, 'g'),
    `$1${hostPath(run, run.workdir)}`,
  );
}

function mapEnv(run: StageRun, env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, mapImagePaths(run, value)]));
}

/** `RUN --mount=type=cache,target=/root/.npm npm ci`: the mounts, and the command. */
function splitRunFlags(args: string): { mounts: string[]; command: string } {
  const mounts: string[] = [];
  let rest = args;
  for (let m = /^--mount=(\S+)\s+/.exec(rest); m; m = /^--mount=(\S+)\s+/.exec(rest)) {
    mounts.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return { mounts, command: rest };
}

function withDefaults(args: Record<string, string>, globals: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, value || globals[key] || '']));
}

function shellQuote(word: string): string {
  return /^[\w./=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

void main();
