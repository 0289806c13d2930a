import fs from 'node:fs';
import path from 'node:path';

interface Rule {
  exclude: boolean;
  pattern: RegExp;
}

/**
 * Docker's .dockerignore rules: one pattern a line (`*`, `?`, `**`), `#` comments, `!` re-includes, the last
 * matching line wins, and a pattern naming a folder leaves out everything in it.
 */
export class DockerIgnore {
  private readonly rules: Rule[];

  constructor(text: string) {
    this.rules = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const exclude = !line.startsWith('!');
        const pattern = path.posix
          .normalize((exclude ? line : line.slice(1)).trim())
          .replace(/^\/+|\/+$/g, '');
        return { exclude, pattern: globToRegExp(pattern) };
      });
  }

  /** Whether a path of the context (relative, with `/`) is left out of the build context. */
  ignores(relativePath: string): boolean {
    const parts = relativePath.split('/');
    let ignored = false;
    for (const rule of this.rules) {
      // The path itself, or one of its folders, matches.
      const matches = parts.some((_part, i) => rule.pattern.test(parts.slice(0, i + 1).join('/')));
      if (matches) ignored = rule.exclude;
    }
    return ignored;
  }
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders, including none; a trailing `**` is anything.
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Copies the build context (the folder, less what .dockerignore leaves out) and returns its files and bytes. */
export function copyContext(
  root: string,
  target: string,
  ignore: DockerIgnore,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (ignore.ignores(rel)) continue;
      const from = path.join(root, rel);
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) {
        fs.mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
        fs.copyFileSync(from, path.join(target, rel));
        files++;
        bytes += fs.statSync(from).size;
      }
    }
  };
  walk('');
  return { files, bytes };
}
