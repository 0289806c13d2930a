/**
 * A reader of the Dockerfile subset this project uses (FROM … AS, ARG, ENV, WORKDIR, COPY [--from] [--chown],
 * RUN, USER, VOLUME, EXPOSE, HEALTHCHECK, CMD), for `npm run docker:rehearse` and the tests: no Docker engine here.
 */
export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export interface Healthcheck {
  options: Record<string, string>;
  command: string[];
}

export interface CopyInstruction {
  from?: string;
  chown?: string;
  sources: string[];
  dest: string;
}

/** Joins `\` continuations, drops comments and blank lines, groups instructions by stage. */
export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i];
    if (/^\s*(#|$)/.test(logical)) continue;
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      i++;
      // A comment line inside a continuation is dropped, as Docker does.
      if (/^\s*#/.test(lines[i])) continue;
      logical = logical.replace(/\\\s*$/, ' ') + lines[i].trim();
    }
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(logical);
    if (!match) throw new Error(`Dockerfile line ${start + 1}: cannot read "${logical}"`);
    const instruction = { keyword: match[1].toUpperCase(), args: match[2].trim(), line: start + 1 };
    if (instruction.keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from) throw new Error(`Dockerfile line ${start + 1}: FROM <image> [AS <name>] expected`);
      const base = substitute(from[1], globalArgs);
      stages.push({ name: from[2] ?? String(stages.length), base, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') {
        throw new Error(`Dockerfile line ${start + 1}: only ARG may come before the first FROM`);
      }
      Object.assign(globalArgs, parseAssignments(instruction.args));
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  if (stages.length === 0) throw new Error('Dockerfile: no FROM');
  return { globalArgs, stages };
}

/** `["node", "x.js"]` (exec form) or a shell string (run by /bin/sh -c). */
export function parseCommand(args: string): { exec: string[] } | { shell: string } {
  if (args.startsWith('[')) {
    const parsed: unknown = JSON.parse(args);
    if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
      throw new Error(`exec form must be a JSON array of strings: ${args}`);
    }
    return { exec: parsed };
  }
  return { shell: args };
}

/** `A=1 B="two words"` (or the old `A value` form) as a record. */
export function parseAssignments(args: string): Record<string, string> {
  const tokens = tokenize(args);
  const result: Record<string, string> = {};
  if (tokens.length > 0 && !tokens[0].includes('=')) {
    result[tokens[0]] = tokens.slice(1).join(' ');
    return result;
  }
  for (const token of tokens) {
    const eq = token.indexOf('=');
    if (eq < 0) result[token] = '';
    else result[token.slice(0, eq)] = token.slice(eq + 1);
  }
  return result;
}

export function parseCopy(args: string): CopyInstruction {
  const tokens = tokenize(args);
  const copy: Partial<CopyInstruction> = {};
  while (tokens[0]?.startsWith('--')) {
    const flag = tokens.shift() as string;
    const [name, value = ''] = flag.slice(2).split('=', 2);
    if (name === 'from') copy.from = value;
    else if (name === 'chown') copy.chown = value;
    else throw new Error(`COPY --${name} is not rehearsed`);
  }
  const rest = tokens.join(' ');
  const paths = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : tokens;
  if (paths.length < 2) throw new Error(`COPY needs a source and a destination: ${args}`);
  return { ...copy, sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
}

/** `--interval=30s --timeout=5s CMD [...]`; undefined for `HEALTHCHECK NONE`. */
export function parseHealthcheck(args: string): Healthcheck | undefined {
  if (/^NONE$/i.test(args)) return undefined;
  const options: Record<string, string> = {};
  let rest = args;
  for (let m = /^--([a-z-]+)=(\S+)\s+/.exec(rest); m; m = /^--([a-z-]+)=(\S+)\s+/.exec(rest)) {
    options[m[1]] = m[2];
    rest = rest.slice(m[0].length);
  }
  const cmd = /^CMD\s+(.*)$/i.exec(rest);
  if (!cmd) throw new Error(`HEALTHCHECK [options] CMD <command> expected: ${args}`);
  const parsed = parseCommand(cmd[1]);
  return { options, command: 'exec' in parsed ? parsed.exec : ['/bin/sh', '-c', parsed.shell] };
}

/** "30s", "1m30s", "500ms" in milliseconds (Docker's durations). */
export function durationMs(text: string | undefined, fallback: number): number {
  if (!text) return fallback;
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  }
  return total || fallback;
}

/** `${NAME}`, `${NAME:-default}` and `$NAME` from the given variables. */
export function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_all, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      return vars[name] ?? fallback ?? '';
    },
  );
}

/** Whitespace-separated words; double or single quotes keep spaces and are removed. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+))+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push(m[0].replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, (_q, d?: string, s?: string) => d ?? s ?? ''));
  }
  return tokens;
}
