import { createHmac, randomBytes } from 'node:crypto';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A conversation token shaped like Azure's: a signed JWT whose `user` claim names the visitor. Web Chat reads
 * that claim to know which messages are the visitor's (it refuses a "dl_" user id passed any other way). The
 * server never parses it: a token is valid only if it is, character for character, one the store issued.
 */
export class LocalTokenIssuer {
  private readonly key = randomBytes(32);

  issue(userId: string, conversationId: string): string {
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const payload = base64url({
      user: userId,
      conv: conversationId,
      jti: randomBytes(16).toString('base64url'),
    });
    const signature = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }
}
