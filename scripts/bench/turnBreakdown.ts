/**
 * `turnProfile --per-turn`: CPU and allocation of each request of the applicant's script, so a few heavy turns
 * (the greeting, the submission, the recap) can be told from a cost every turn pays. The client tells the bot's
 * process before and after each request (one IPC message each way, outside the measured window but for the
 * parsing of the "end" message, a few µs).
 */
import { BenchUser, type TurnResult, type UserActivity } from './httpClient.js';
import { percentile } from './stats.js';

/** Between the client (child) and the measuring bot process (parent), around one request. */
export type TurnMessage = { kind: 'turn-start' } | { kind: 'turn-end'; index: number; label: string };

/** What a request of the script says, shortened for the table. */
function labelOf(activity: UserActivity, repeat: boolean): string {
  const fields = activity as { text?: unknown; value?: { action?: unknown } };
  const text = typeof fields.text === 'string' ? fields.text : undefined;
  const value = fields.value;
  const label =
    text !== undefined
      ? JSON.stringify(text.length > 38 ? `${text.slice(0, 37)}…` : text)
      : typeof value?.action === 'string'
        ? `[${value.action}]`
        : `[${String(activity.type)}]`;
  return repeat ? `${label} again` : label;
}

/**
 * A bench user that waits for the parent's go before each request and reports its end, numbering the requests
 * of a round from 0 (the second "Envoyer" of a same-SIRET file is a request of its own).
 */
export class MeasuredUser extends BenchUser {
  private index = 0;
  private last: UserActivity | undefined;

  constructor(
    baseUrl: string,
    userId: string,
    conversationId: string,
    private readonly go: () => Promise<void>,
  ) {
    super(baseUrl, userId, conversationId);
  }

  override async send(activity: UserActivity): Promise<TurnResult> {
    const next = this.go();
    process.send!({ kind: 'turn-start' } satisfies TurnMessage);
    await next;
    const result = await super.send(activity);
    const label = labelOf(activity, this.last === activity);
    this.last = activity;
    process.send!({ kind: 'turn-end', index: this.index++, label } satisfies TurnMessage);
    return result;
  }
}

export interface TurnFigures {
  cpuUs: number;
  allocatedBytes: number;
}

/** Figures of every measured round, by request index. */
export class TurnTable {
  private readonly rows = new Map<number, { label: string; figures: TurnFigures[] }>();

  add(index: number, label: string, figures: TurnFigures): void {
    const row = this.rows.get(index) ?? { label, figures: [] };
    row.figures.push(figures);
    this.rows.set(index, row);
  }

  print(): void {
    const median = (values: number[]) => percentile(values, 0.5);
    const rows = [...this.rows.entries()].sort(([a], [b]) => a - b);
    const cpuOf = (figures: TurnFigures[]) => median(figures.map((f) => f.cpuUs));
    const total = rows.reduce((sum, [, row]) => sum + cpuOf(row.figures), 0);
    console.log(
      `\n${'#'.padStart(3)}  ${'request'.padEnd(46)}${'CPU µs'.padStart(9)}${'share'.padStart(8)}${'KB'.padStart(9)}`,
    );
    for (const [index, row] of rows) {
      const cpu = cpuOf(row.figures);
      const kb = median(row.figures.map((f) => f.allocatedBytes)) / 1024;
      console.log(
        `${String(index).padStart(3)}  ${row.label.padEnd(46)}${cpu.toFixed(0).padStart(9)}${`${((100 * cpu) / total).toFixed(1)} %`.padStart(8)}${kb.toFixed(1).padStart(9)}`,
      );
    }
    console.log(`${''.padStart(3)}  ${'sum of the medians'.padEnd(46)}${total.toFixed(0).padStart(9)}`);
  }
}
