import { readFileSync } from 'node:fs';

/** The node flags each server of the bench runs with, and where they come from. */
export interface NodeFlags {
  bot: string[];
  echo: string[];
  waterfall: string[];
  /** "npm start" (the bot as deployed, the references stock) or "--node-args" (the same flags for all). */
  source: 'npm start' | '--node-args';
}

const ENTRY = /\.[cm]?js$/;

/**
 * The node flags of package.json's "start" script, e.g. `node --max-old-space-size=384 dist/bot/index.js` →
 * `["--max-old-space-size=384"]`: the bench measures the bot as `npm start` runs it, whoever sets those flags.
 * The flags are the words between `node` and the first `.js` file of the last command that runs node.
 */
export function startScriptFlags(packageFile = 'package.json'): string[] {
  const { scripts } = JSON.parse(readFileSync(packageFile, 'utf8')) as { scripts?: Record<string, string> };
  const start = scripts?.start ?? '';
  const command = start
    .split(/&&|\|\||;/)
    .map((part) => part.trim().split(/\s+/))
    .findLast((words) => words.includes('node'));
  const from = command ? command.indexOf('node') + 1 : -1;
  const entry = command ? command.findIndex((word, index) => index >= from && ENTRY.test(word)) : -1;
  if (!command || entry === -1)
    throw new Error(`${packageFile}: "start" is not "node [flags] <entry>.js" (it is "${start}")`);
  return command.slice(from, entry);
}

/**
 * Without --node-args, the bot gets the flags of `npm start` and the references none (they are the stock
 * floor and the stock sample); --node-args replaces them for all three, as a deployment-wide setting would.
 */
export function nodeFlagsFor(nodeArgs: string[] | undefined, packageFile?: string): NodeFlags {
  if (nodeArgs) return { bot: nodeArgs, echo: nodeArgs, waterfall: nodeArgs, source: '--node-args' };
  return { bot: startScriptFlags(packageFile), echo: [], waterfall: [], source: 'npm start' };
}

export function describeNodeFlags(flags: NodeFlags): string {
  const shown = (args: string[]) => (args.length === 0 ? 'none' : args.join(' '));
  return (
    `node flags (${flags.source}): bot ${shown(flags.bot)}; echo ${shown(flags.echo)}; ` +
    `waterfall ${shown(flags.waterfall)}`
  );
}
