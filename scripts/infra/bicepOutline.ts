import fs from 'node:fs';
import path from 'node:path';

/**
 * What `npm run infra:check` needs to know of a Bicep file without the Bicep compiler (not installable from the
 * npm registry: docs/deploy-azure.md): its params, outputs, modules (with the params they are given) and the
 * balance of its brackets. Line-based, for the style infra/ is written in: one declaration per line.
 */
export interface BicepParam {
  name: string;
  optional: boolean;
}

export interface BicepModule {
  symbol: string;
  file: string;
  /** The names under `params: { … }`. */
  params: string[];
  line: number;
}

export interface BicepOutline {
  file: string;
  params: BicepParam[];
  outputs: string[];
  modules: BicepModule[];
  /** `module.outputs.name` used in the file: [module symbol, output name]. */
  outputUses: [string, string][];
  problems: string[];
}

export function outlineBicep(file: string): BicepOutline {
  const text = fs.readFileSync(file, 'utf8');
  const code = withoutStringsAndComments(text);
  const lines = code.split('\n');
  const problems = bracketProblems(code).map((p) => `${path.basename(file)}: ${p}`);
  const params: BicepParam[] = [];
  const outputs: string[] = [];
  const modules: BicepModule[] = [];
  const raw = text.split('\n');
  lines.forEach((line, i) => {
    const param = /^param\s+(\w+)\s+\w+(\s*=)?/.exec(line);
    if (param) params.push({ name: param[1], optional: param[2] !== undefined });
    const output = /^output\s+(\w+)\s/.exec(line);
    if (output) outputs.push(output[1]);
    const module = /^module\s+(\w+)\s/.exec(line);
    if (module) {
      const target = /'([^']+\.bicep)'/.exec(raw[i]);
      modules.push({
        symbol: module[1],
        file: path.resolve(path.dirname(file), target?.[1] ?? ''),
        params: moduleParams(lines, i),
        line: i + 1,
      });
    }
  });
  const outputUses = [...text.matchAll(/\b(\w+)\.outputs\.(\w+)/g)].map((m): [string, string] => [
    m[1],
    m[2],
  ]);
  return { file, params, outputs, modules, outputUses, problems };
}

/** The keys of the `params: {` block of the module declared at `start`, at its first level. */
function moduleParams(lines: string[], start: number): string[] {
  const names: string[] = [];
  let depth = 0;
  let inParams = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (!inParams && /^\s*params:\s*\{/.test(line)) {
      inParams = true;
      const inline = /params:\s*\{(.*)\}\s*$/.exec(line);
      if (inline) return [...inline[1].matchAll(/(\w+):/g)].map((m) => m[1]);
      depth = 1;
      continue;
    }
    if (inParams) {
      if (depth === 1) {
        const key = /^\s*(\w+)(?::|\s*$)/.exec(line);
        if (key) names.push(key[1]);
      }
      depth += (line.match(/[{[(]/g) ?? []).length - (line.match(/[}\])]/g) ?? []).length;
      if (depth <= 0) return names;
    } else if (i > start && /^\S/.test(line) && !/^\}/.test(line)) {
      return names;
    }
  }
  return names;
}

/** Strings become empty quotes (interpolations keep their code), comments go: what is left is structure. */
function withoutStringsAndComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else if (char === "'") {
      out += "'";
      for (i++; i < text.length && text[i] !== "'"; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '$' && text[i + 1] === '{') {
          const end = text.indexOf('}', i);
          out += text.slice(i + 2, end).replace(/'[^']*'/g, "''");
          i = end;
        }
      }
      out += "'";
    } else out += char;
  }
  return out;
}

function bracketProblems(code: string): string[] {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: { char: string; line: number }[] = [];
  let line = 1;
  for (const char of code) {
    if (char === '\n') line++;
    else if ('([{'.includes(char)) stack.push({ char, line });
    else if (char in pairs) {
      const open = stack.pop();
      if (!open || open.char !== pairs[char]) return [`line ${line}: "${char}" closes nothing open`];
    }
  }
  return stack.map((open) => `line ${open.line}: "${open.char}" is never closed`);
}

/** Every module file exists, gets its required params and no unknown one, and every output used exists. */
export function linkProblems(mainFile: string): string[] {
  const main = outlineBicep(mainFile);
  const problems = [...main.problems];
  const outlines = new Map<string, BicepOutline>();
  for (const module of main.modules) {
    const where = `${path.basename(mainFile)} line ${module.line}, module ${module.symbol}`;
    if (!fs.existsSync(module.file)) {
      problems.push(`${where}: ${path.relative(path.dirname(mainFile), module.file)} does not exist`);
      continue;
    }
    const outline = outlineBicep(module.file);
    outlines.set(module.symbol, outline);
    problems.push(...outline.problems);
    const declared = new Set(outline.params.map((p) => p.name));
    for (const given of module.params) {
      if (!declared.has(given)) problems.push(`${where}: param ${given} is not declared by the module`);
    }
    for (const param of outline.params) {
      if (!param.optional && !module.params.includes(param.name)) {
        problems.push(`${where}: required param ${param.name} is not given`);
      }
    }
  }
  for (const [symbol, output] of main.outputUses) {
    const outline = outlines.get(symbol);
    if (outline && !outline.outputs.includes(output)) {
      problems.push(`${path.basename(mainFile)}: ${symbol}.outputs.${output} is not an output of ${symbol}`);
    } else if (!outline) problems.push(`${path.basename(mainFile)}: ${symbol}.outputs: no module ${symbol}`);
  }
  return problems;
}

/** The app setting names main.bicep gives the web app (the keys inside `appSettings: union(…)`). */
export function appSettingNames(mainFile: string): string[] {
  const text = fs.readFileSync(mainFile, 'utf8');
  const start = text.indexOf('appSettings: union(');
  if (start < 0) return [];
  const code = withoutStringsAndComments(text.slice(start));
  let depth = 0;
  let end = 0;
  for (let i = code.indexOf('('); i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) {
      end = i;
      break;
    }
  }
  const block = code.slice(0, end);
  return [...new Set([...block.matchAll(/[{\s,](\w+):\s/g)].map((m) => m[1]))].filter(
    (name) => name !== 'appSettings',
  );
}
