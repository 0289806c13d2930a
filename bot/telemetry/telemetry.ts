/**
 * What the rest of the code knows of telemetry: a turn, a storage operation, an HTTP request. No OpenTelemetry
 * import here; when APPLICATIONINSIGHTS_CONNECTION_STRING is unset, NO_TELEMETRY does nothing and nothing is
 * loaded (startTelemetry.ts). Attributes are kinds and outcomes only, never text, ids of users or keys.
 */
export type TurnOutcome = 'saved' | 'conflict' | 'not_saved' | 'erased';
export type StorageOperation = 'read' | 'write' | 'delete';

export interface TurnFacts {
  /** `msteams`, `webchat`, `emulator`…: the channel, not who is on it. */
  channel: string;
  /** `message`, `conversationUpdate`, `invoke`… */
  activityType: string;
}

export interface TurnEnd {
  outcome: TurnOutcome;
  /** The active dialog ids, e.g. `root/application/applicationQuestions`; no answer, no user id. */
  dialog?: string;
}

/** One span, open until `end`; what runs `within` it (storage operations) is its child. */
export interface OpenSpan<End> {
  within<T>(run: () => Promise<T>): Promise<T>;
  end(result: End): void;
  fail(error: unknown): void;
}

export interface HttpEnd {
  /** The route template (`/api/applications/:reference`), never the path or the query. */
  route: string;
  status: number;
}

export interface Telemetry {
  readonly enabled: boolean;
  startTurn(facts: TurnFacts): OpenSpan<TurnEnd>;
  startHttp(method: string): OpenSpan<HttpEnd>;
  /** Times one storage call: the back end (`lowdb`, `azure`), the operation and the kinds of keys. */
  storage<T>(
    backend: string,
    operation: StorageOperation,
    keyKinds: string[],
    run: () => Promise<T>,
  ): Promise<T>;
  /** Exports what is pending; called when the server stops. */
  shutdown(): Promise<void>;
}

const NO_SPAN: OpenSpan<never> = {
  within: (run) => run(),
  end: () => undefined,
  fail: () => undefined,
};

export const NO_TELEMETRY: Telemetry = {
  enabled: false,
  startTurn: () => NO_SPAN,
  startHttp: () => NO_SPAN,
  storage: (_backend, _operation, _kinds, run) => run(),
  shutdown: async () => undefined,
};

/** A state key's kind: `msteams/conversations/…` is a conversation; the key itself names a user or a chat. */
export function stateKeyKind(key: string): string {
  if (/\/conversations\//.test(key)) return 'conversation';
  if (/\/users\//.test(key)) return 'user';
  if (key.startsWith('handovers/')) return 'handover';
  return 'other';
}
