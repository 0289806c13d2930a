import { createHash, randomBytes } from 'node:crypto';
import type { TurnLanguage } from '../../dialogs/translator.js';
import type { ServerTarget } from './scriptedApplicant.js';

/** A visitor of the web page, as Web Chat holds it: their id, and the conversation of the current server. */
interface Visit {
  token: string;
  conversationId: string;
  watermark: string;
}

interface DlActivity {
  text?: string;
  from?: { role?: string };
}

const TURN_TIMEOUT_MS = 30_000;
const MEGABYTE = 1024 * 1024;

/** The server went away during a request (killed): the visit is over, the next server gets a new one. */
class ServerGone extends Error {
  override name = 'ServerGone';
}

/**
 * A web visitor sending supporting documents with Web Chat's paper clip (the local Direct Line's upload route,
 * multipart, as Web Chat sends it) while the server may be killed at any moment, mid-upload included: a few
 * megabytes of PDF each, so that a kill often falls while the bytes are in flight or being written. A document
 * is acknowledged once the bot said « J'ai bien reçu … » for it: it must then be listed, whole, for good.
 */
export class ScriptedUploader {
  readonly visitorId = `dl_${randomBytes(16).toString('hex')}`;
  /** sha256 of each document the bot acknowledged. */
  readonly acknowledged: string[] = [];
  /** Uploads whose request the kill cut short (or whose reply it took). */
  cut = 0;
  uploads = 0;
  private visit: Visit | undefined;
  private applied = false;

  constructor(
    readonly index: number,
    private readonly target: ServerTarget,
    private readonly fr: TurnLanguage,
    /** How many documents it sends in all (the file's limit is DOCUMENT_MAX_COUNT). */
    private readonly count = 4,
  ) {}

  async run(): Promise<void> {
    while (this.acknowledged.length < this.count) {
      const { url, generation } = this.target.current();
      try {
        await this.sendOne(url);
      } catch (error) {
        if (!(error instanceof ServerGone)) throw error;
        this.visit = undefined;
        await this.target.after(generation);
      }
    }
  }

  private async sendOne(url: string): Promise<void> {
    this.visit ??= await this.open(url);
    if (!this.applied) {
      // « Déposer une candidature »: the documents go with the draft (a returning visitor resumes it).
      const replies = await this.say(url, this.fr.t('common:menu.apply'));
      if (replies.some((text) => text.includes(this.prefix('applicationFlow:draft.found')))) {
        await this.say(url, this.fr.t('applicationFlow:draft.resume'));
      }
      this.applied = true;
    }
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      randomBytes((2 + (this.uploads % 3)) * MEGABYTE),
    ]);
    const name = `bilan-${this.index}-${this.uploads}.pdf`;
    this.uploads += 1;
    let replies: string[];
    try {
      replies = await this.upload(url, name, bytes);
    } catch (error) {
      if (error instanceof ServerGone) this.cut += 1;
      throw error;
    }
    const received = this.fr.t('documents:receivedAs', {
      name,
      piece: this.fr.t('documents:piece.balanceSheets'),
    });
    if (replies.includes(received)) {
      this.acknowledged.push(createHash('sha256').update(bytes).digest('hex'));
    } else if (replies.some((text) => text.includes(this.prefix('documents:noFile')))) {
      // The draft was not saved before a kill: apply again, then send the documents.
      this.applied = false;
    } else {
      throw new Error(
        `uploader ${this.index}: no receipt for ${name}; replies: ${JSON.stringify(replies).slice(0, 400)}`,
      );
    }
  }

  /** POST /api/directline/token then /conversations, as the page does; the greeting is read. */
  private async open(url: string): Promise<Visit> {
    const { token: bearer, conversationId } = (await this.call(`${url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: this.visitorId }),
    })) as { token: string; conversationId: string };
    const visit: Visit = { token: bearer, conversationId, watermark: '' };
    await this.call(`${url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ user: { id: this.visitorId }, locale: 'fr-FR' }),
    });
    await this.poll(url, visit);
    return visit;
  }

  private async say(url: string, text: string): Promise<string[]> {
    const visit = this.visit!;
    await this.call(`${url}/v3/directline/conversations/${visit.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visit.token}` },
      body: JSON.stringify({ type: 'message', text, from: { id: this.visitorId }, locale: 'fr-FR' }),
    });
    return this.poll(url, visit);
  }

  /** Web Chat's upload: the activity as a Blob part, then the file; answered once the bot's turn is over. */
  private async upload(url: string, name: string, bytes: Buffer): Promise<string[]> {
    const visit = this.visit!;
    const form = new FormData();
    const activity = {
      type: 'message',
      text: 'voici nos derniers bilans',
      from: { id: this.visitorId },
      locale: 'fr-FR',
      attachments: [{ contentType: 'application/pdf', name }],
    };
    form.append(
      'activity',
      new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }),
    );
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
    await this.call(`${url}/v3/directline/conversations/${visit.conversationId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visit.token}` },
      body: form,
    });
    return this.poll(url, visit);
  }

  /** The bot's texts since the last poll (its replies are in the transcript once the turn is over). */
  private async poll(url: string, visit: Visit): Promise<string[]> {
    const body = (await this.call(
      `${url}/v3/directline/conversations/${visit.conversationId}/activities?watermark=${visit.watermark}`,
      { headers: { authorization: `Bearer ${visit.token}` } },
    )) as { activities: DlActivity[]; watermark: string };
    visit.watermark = body.watermark;
    return body.activities.filter((a) => a.from?.role === 'bot' && a.text).map((a) => a.text!);
  }

  /** The answer's body as JSON ({} when empty); a kill at any point of the exchange is ServerGone. */
  private async call(url: string, init: RequestInit): Promise<unknown> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TURN_TIMEOUT_MS) });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        throw new Error(`uploader ${this.index}: no answer within ${TURN_TIMEOUT_MS} ms`);
      }
      throw new ServerGone(String(error));
    }
    if (status !== 200 && status !== 201) {
      throw new Error(
        `uploader ${this.index}: HTTP ${status} from ${new URL(url).pathname}: ${text.slice(0, 200)}`,
      );
    }
    return text ? (JSON.parse(text) as unknown) : {};
  }

  private prefix(key: string): string {
    return this.fr.t(key, { count: 2 }).split('{{')[0].slice(0, 30);
  }
}
