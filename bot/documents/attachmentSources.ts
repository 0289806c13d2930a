import type { Attachment, TurnContext } from 'botbuilder';
import type { LookupFunction } from 'node:net';
import type { UploadStore } from '../directLine/uploadStore.js';
import { UPLOAD_URL_PREFIX } from '../directLine/uploadStore.js';
import { boundedGet } from './boundedFetch.js';
import {
  botBearerToken,
  channelClaims,
  DIRECT_LINE_CHANNELS,
  hostAllowed,
  signedServiceOrigin,
} from './channelSource.js';
import { publicAddressesOf } from './publicAddress.js';

export const TEAMS_FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

/** A file the applicant sent, as far as a trusted source gave it. */
export interface ReceivedFile {
  name: string;
  /** Absent when the file was larger than the limit (dropped while reading). */
  bytes?: Buffer;
  size: number;
}

export type SourceOutcome = { file: ReceivedFile } | { refused: 'untrusted' | 'unreachable' };

export interface AttachmentSourcesParts {
  /** The local Direct Line's uploads (absent with Azure's Direct Line). */
  uploads?: UploadStore;
  maxBytes: number;
  /** MicrosoftAppId is set: every request carries a channel token the adapter checked. */
  authRequired: boolean;
  /** DIRECT_LINE_ATTACHMENT_HOSTS: other hosts Azure's Direct Line hands files out from (pre-signed URLs). */
  directLineHosts?: readonly string[];
}

/** Cards, Teams' inline HTML and the like: what a chat client attaches that is not a file. */
function isFile(attachment: Attachment): boolean {
  const type = attachment.contentType ?? '';
  if (type === TEAMS_FILE_DOWNLOAD) return true;
  if (type.startsWith('application/vnd.microsoft.')) return false;
  return type !== 'text/html' && type !== 'text/plain' && typeof attachment.contentUrl === 'string';
}

export function fileAttachments(attachments: readonly Attachment[] | undefined): Attachment[] {
  // A client may send anything in the list (null, a string): only objects can be files.
  return (Array.isArray(attachments) ? attachments : []).filter(
    (attachment): attachment is Attachment =>
      typeof attachment === 'object' && attachment !== null && isFile(attachment),
  );
}

/** The turn came from Teams with a channel token the adapter validated (the access rules' check). */
function teamsAuthenticated(context: TurnContext, authRequired: boolean): boolean {
  return context.activity.channelId === 'msteams' && channelClaims(context, authRequired) !== undefined;
}

/** Lets the connection go only to addresses checked beforehand, never to a second answer of the DNS. */
function pinnedTo(addresses: { address: string; family: number }[]): LookupFunction {
  return (_host, options, callback) => {
    const first = addresses[0]!;
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

/**
 * Where the bot takes a file's bytes from, and nowhere else: its own Direct Line store (local web page), the
 * download URL Teams gives on a request whose channel token was checked, Azure's Direct Line on such a request
 * (its signed serviceUrl's origin, with the bot's token; or an allow-listed public host), and an Emulator's
 * contentUrl only when its host resolves to public addresses alone. Any other contentUrl (a client's own,
 * 127.0.0.1, 169.254.169.254, a private network) is refused without being fetched.
 */
export class AttachmentSources {
  constructor(private readonly parts: AttachmentSourcesParts) {}

  async fetch(context: TurnContext, attachment: Attachment): Promise<SourceOutcome> {
    const name = typeof attachment.name === 'string' ? attachment.name : 'document';
    const { activity } = context;
    const contentUrl = typeof attachment.contentUrl === 'string' ? attachment.contentUrl : '';
    if (contentUrl.startsWith(UPLOAD_URL_PREFIX)) {
      const held =
        activity.channelId === 'webchat'
          ? this.parts.uploads?.take(activity.conversation.id, contentUrl)
          : undefined;
      if (!held) return { refused: 'untrusted' };
      return { file: { name: held.name, size: held.size, ...(held.bytes ? { bytes: held.bytes } : {}) } };
    }
    if (attachment.contentType === TEAMS_FILE_DOWNLOAD) {
      const content = attachment.content as { downloadUrl?: unknown } | undefined;
      const url = parseUrl(content?.downloadUrl);
      if (!url || !teamsAuthenticated(context, this.parts.authRequired)) return { refused: 'untrusted' };
      return this.download(name, url);
    }
    if (DIRECT_LINE_CHANNELS.includes(activity.channelId))
      return this.fromDirectLine(context, name, contentUrl);
    if (activity.channelId === 'emulator' && !this.parts.authRequired) {
      const url = parseUrl(contentUrl);
      const addresses = url ? await publicAddressesOf(url.hostname) : undefined;
      if (!url || !addresses) return { refused: 'untrusted' };
      return this.download(name, url, { lookup: pinnedTo(addresses) });
    }
    return { refused: 'untrusted' };
  }

  /**
   * Azure's Direct Line (DIRECT_LINE_SECRET): a Web Chat upload arrives as a contentUrl on the Direct Line
   * service. A client can put any contentUrl in its activity, so only two are fetched, on a turn whose channel
   * token was checked: one on the origin of the serviceUrl the channel signed, with the bot's own token (as
   * for a reply); one on a host of DIRECT_LINE_ATTACHMENT_HOSTS, over https, to public addresses only and
   * without the token (such URLs are pre-signed; the bot's token never leaves for a host the channel did not sign).
   */
  private async fromDirectLine(
    context: TurnContext,
    name: string,
    contentUrl: string,
  ): Promise<SourceOutcome> {
    const claims = channelClaims(context, this.parts.authRequired);
    const url = parseUrl(contentUrl);
    if (!claims || !url) return { refused: 'untrusted' };
    if (url.origin === signedServiceOrigin(context, claims)) {
      let token: string | undefined;
      try {
        token = await botBearerToken(context);
      } catch {
        return { refused: 'unreachable' };
      }
      if (!token) return { refused: 'untrusted' };
      return this.download(name, url, { headers: { authorization: `Bearer ${token}` } });
    }
    if (url.protocol !== 'https:' || !hostAllowed(url.hostname, this.parts.directLineHosts ?? [])) {
      return { refused: 'untrusted' };
    }
    const addresses = await publicAddressesOf(url.hostname);
    if (!addresses) return { refused: 'untrusted' };
    return this.download(name, url, { lookup: pinnedTo(addresses) });
  }

  private async download(
    name: string,
    url: URL,
    how: { lookup?: LookupFunction; headers?: Record<string, string> } = {},
  ): Promise<SourceOutcome> {
    try {
      const fetched = await boundedGet(url, { maxBytes: this.parts.maxBytes, ...how });
      return { file: { name, ...fetched } };
    } catch {
      return { refused: 'unreachable' };
    }
  }
}

function parseUrl(raw: unknown): URL | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
