import fs from 'node:fs';
import { DockerIgnore } from '../../scripts/docker/dockerignore.js';
import {
  durationMs,
  parseAssignments,
  parseCommand,
  parseCopy,
  parseDockerfile,
  parseHealthcheck,
} from '../../scripts/docker/dockerfile.js';

// The project's own Dockerfile and .dockerignore (the tests run from the project root).
const dockerfile = parseDockerfile(fs.readFileSync('Dockerfile', 'utf8'));
const ignore = new DockerIgnore(fs.readFileSync('.dockerignore', 'utf8'));

const final = dockerfile.stages[dockerfile.stages.length - 1];
const of = (keyword: string) => final.instructions.filter((i) => i.keyword === keyword);

describe('the Dockerfile', () => {
  it('builds in one stage and ships a runtime stage on a current Node', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(final.base).toMatch(/^node:(22|24)\b/);
    const buildRuns = dockerfile.stages[0].instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(buildRuns.some((run) => /npm ci\b/.test(run) && !/--omit=dev/.test(run))).toBe(true);
    expect(buildRuns.some((run) => /npm run build/.test(run))).toBe(true);
  });

  it('installs production dependencies only in the runtime stage and takes the compiled code from the build', () => {
    expect(of('RUN').some((run) => /npm ci --omit=dev/.test(run.args))).toBe(true);
    expect(
      of('COPY')
        .map((c) => parseCopy(c.args))
        .some((c) => c.from === 'build' && /dist$/.test(c.dest)),
    ).toBe(true);
  });

  it('runs as a user who is not root, with the data folder on a volume', () => {
    const users = of('USER').map((u) => u.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)$/);
    const env = Object.assign({}, ...of('ENV').map((e) => parseAssignments(e.args))) as Record<
      string,
      string
    >;
    const volumes = of('VOLUME').flatMap((v) => {
      const parsed = parseCommand(v.args);
      return 'exec' in parsed ? parsed.exec : parsed.shell.split(/\s+/);
    });
    expect(volumes).toContain(env.DATA_DIR);
    // The port the server reads (bot/config.ts) is the one exposed.
    expect(of('EXPOSE').map((e) => e.args)).toContain(env.PORT);
  });

  it('checks /healthz with node (no curl in slim images) and starts the server', () => {
    const [check] = of('HEALTHCHECK');
    const health = parseHealthcheck(check.args);
    expect(health?.command[0]).toBe('node');
    expect(health?.command.join(' ')).toContain('/healthz');
    // As `npm start` does, node flags (the heap size) included.
    const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } })
      .scripts.start;
    expect(of('CMD').map((c) => parseCommand(c.args))).toEqual([{ exec: start.split(' ') }]);
    expect(start).toMatch(/^node (--[a-z-]+=\d+ )*dist\/bot\/index\.js$/);
  });

  it('leaves installed packages, build output, local data and secrets out of the build context', () => {
    for (const left of [
      'node_modules',
      'node_modules/x/index.js',
      'dist/bot/index.js',
      'data/state/a.json',
      '.env',
    ]) {
      expect(ignore.ignores(left)).toBe(true);
    }
    for (const kept of ['package.json', 'bot/index.ts', 'locales/fr/common.json', '.env.example', '.npmrc']) {
      expect(ignore.ignores(kept)).toBe(false);
    }
  });
});

describe('the Dockerfile reader', () => {
  it('joins continued lines, reads ARG defaults into FROM, and options of HEALTHCHECK', () => {
    const parsed = parseDockerfile(
      [
        'ARG V=22',
        'FROM node:${V}-slim AS one',
        '# a comment',
        'ENV A=1 \\',
        '    # dropped inside a continuation',
        '    B="two words"',
        'HEALTHCHECK --interval=1m30s --timeout=500ms CMD node -e "1"',
      ].join('\n'),
    );
    expect(parsed.stages[0]).toMatchObject({ name: 'one', base: 'node:22-slim' });
    const [env, health] = parsed.stages[0].instructions;
    expect(parseAssignments(env.args)).toEqual({ A: '1', B: 'two words' });
    const check = parseHealthcheck(health.args);
    expect(durationMs(check?.options.interval, 0)).toBe(90_000);
    expect(durationMs(check?.options.timeout, 0)).toBe(500);
    expect(check?.command).toEqual(['/bin/sh', '-c', 'node -e "1"']);
  });

  it('refuses what it cannot rehearse, with the line', () => {
    expect(() => parseDockerfile('RUN echo')).toThrow(/line 1/);
    expect(() => parseCopy('--link a b')).toThrow(/--link/);
  });

  it('applies .dockerignore exceptions and ** patterns, the last matching line winning', () => {
    const rules = new DockerIgnore('**/*.log\nsecrets\n!secrets/public.txt\n# comment\n/build/');
    expect(rules.ignores('a/b/c.log')).toBe(true);
    expect(rules.ignores('c.log')).toBe(true);
    expect(rules.ignores('secrets/key.pem')).toBe(true);
    expect(rules.ignores('secrets/public.txt')).toBe(false);
    expect(rules.ignores('build/out.js')).toBe(true);
    expect(rules.ignores('src/build.ts')).toBe(false);
  });
});
