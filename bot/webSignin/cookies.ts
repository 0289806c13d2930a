import type { Request } from 'restify';

/** The value of one cookie of the request, or undefined. Names and values we set are base64url only. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.header('cookie') ?? '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

export interface CookieOptions {
  path: string;
  maxAgeSeconds: number;
  /** Only over HTTPS: set whenever the sign-in's redirect URL is https. */
  secure: boolean;
}

/**
 * A Set-Cookie value: HttpOnly (no script reads it), SameSite=Lax (sent on the provider's redirect back, a
 * top-level GET, but not on cross-site POSTs). An empty value with max-age 0 deletes the cookie.
 */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
