import type { LoadResult } from './loadRun.js';

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export interface LevelFigures {
  /** Every turn sent, the bot's second "Envoyer" of a same-SIRET file included. */
  turns: number;
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuPerTurnMs: number;
  clientCpuPerTurnMs: number;
  peakRssMb: number;
  /** The script's last turn (the application sent to the committee queue), p50 and slowest. */
  lastTurnP50: number;
  lastTurnMax: number;
}

export function figuresOf(result: LoadResult): LevelFigures {
  return {
    turns: result.turns,
    turnsPerSecond: (result.turns * 1000) / result.wallMs,
    p50: percentile(result.latencies, 0.5),
    p95: percentile(result.latencies, 0.95),
    p99: percentile(result.latencies, 0.99),
    cpuPerTurnMs: result.serverCpuMs / result.turns,
    clientCpuPerTurnMs: result.clientCpuMs / result.turns,
    peakRssMb: result.peakRssMb,
    lastTurnP50: percentile(result.byTurn.at(-1) ?? [], 0.5),
    lastTurnMax: Math.max(...(result.byTurn.at(-1) ?? [Number.NaN])),
  };
}

/** Rounds for display and for the JSON line: 3 significant digits are all a noisy machine can give. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return Number(value.toFixed(digits));
}

/** A fixed-width text table: the first row is the header. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(round(cell)) : cell)));
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}
