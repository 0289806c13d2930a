/**
 * Where the time goes in a `node --cpu-prof` profile (e.g. of the bot under `npm run bench -- --profile=prof`):
 * self time by package, the top functions by self time, and our own functions by inclusive time.
 *
 *   node dist/scripts/bench/profileSummary.js <file.cpuprofile> [--after-ms=N] [--until-ms=M] [--top=25]
 *
 * `--after-ms` skips the first N ms of the profile (the start-up, to look at turns only); `--until-ms` stops at
 * M ms (to look at the start-up only).
 *
 * A `.heapprofile` (turnProfile's `--heap-sample`, every allocation sampled) is summarised the same way, in
 * bytes allocated instead of time: by package, the top functions by their own allocation, ours inclusive.
 */
import { readFileSync } from 'node:fs';
import { table } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "botbuilder-dialogs", "our code: dialogs", "node internals", "(garbage collector)"… */
function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  const ours = /\/dist\/([^/]+)\//.exec(url);
  if (ours) return `ours: ${ours[1]}`;
  return url.startsWith('node:') ? 'node internals' : url;
}

const isOurs = (url: string): boolean => url.includes('/dist/') && !url.includes('/node_modules/');

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children?: HeapNode[];
}

/** Allocation by area, by function and by our functions with what they call, in sampled bytes. */
function summariseHeap(head: HeapNode, top: number): void {
  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveOurs = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, ours: ReadonlySet<string>) => {
    const name = frameName(node as unknown as ProfileNode);
    const within = isOurs(node.callFrame.url) ? new Set([...ours, name]) : ours;
    total += node.selfSize;
    addTo(selfByArea, areaOf(node.callFrame.url, node.callFrame.functionName), node.selfSize);
    addTo(selfByFunction, name, node.selfSize);
    for (const frame of within) addTo(inclusiveOurs, frame, node.selfSize);
    for (const child of node.children ?? []) walk(child, within);
  };
  walk(head, new Set());
  const rows = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, bytes]) => [name, bytes / 1048576, `${((100 * bytes) / total).toFixed(1)} %`]);
  console.log(`allocation sampled: ${(total / 1048576).toFixed(1)} MB`);
  console.log(`\nAllocation by area\n${table([['area', 'MB', 'share'], ...rows(selfByArea, 20)])}`);
  console.log(
    `\nTop functions by own allocation\n${table([['function', 'MB', 'share'], ...rows(selfByFunction, top)])}`,
  );
  console.log(
    `\nOur functions by inclusive allocation\n${table([['function', 'MB', 'share'], ...rows(inclusiveOurs, top)])}`,
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file)
    throw new Error('usage: profileSummary <file.cpuprofile> [--after-ms=N] [--until-ms=M] [--top=25]');
  const option = (name: string, fallback: number) =>
    Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const afterUs = option('after-ms', 0) * 1000;
  const untilUs = option('until-ms', Number.POSITIVE_INFINITY) * 1000;
  const top = option('top', 25);
  if (file.endsWith('.heapprofile')) {
    summariseHeap((JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode }).head, top);
    return;
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveOurs = new Map<string, number>();
  let elapsed = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed < afterUs || elapsed > untilUs) return;
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') return;
    total += delta;
    addTo(selfByArea, areaOf(leaf.callFrame.url, leaf.callFrame.functionName), delta);
    addTo(selfByFunction, frameName(leaf), delta);
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parentOf.get(node.id) ?? -1)) {
      const name = frameName(node);
      if (isOurs(node.callFrame.url) && !seen.has(name)) {
        seen.add(name);
        addTo(inclusiveOurs, name, delta);
      }
    }
  });

  const rows = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => [name, us / 1000, `${((100 * us) / total).toFixed(1)} %`]);
  console.log(`busy CPU time sampled: ${(total / 1000).toFixed(0)} ms (idle excluded)`);
  console.log(`\nSelf time by area\n${table([['area', 'ms', 'share'], ...rows(selfByArea, 20)])}`);
  console.log(
    `\nTop functions by self time\n${table([['function', 'ms', 'share'], ...rows(selfByFunction, top)])}`,
  );
  console.log(
    `\nOur functions by inclusive time\n${table([['function', 'ms', 'share'], ...rows(inclusiveOurs, top)])}`,
  );
}

main();
