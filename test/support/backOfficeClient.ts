/** A browser's part in the back office over plain HTTP: its cookies, the sign-in form, the CSRF field. */
export class BackOfficeClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** A cookie the browser holds (e.g. the Entra sign-in's session, opened by a test as the callback would). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /Max-Age=0\b/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader },
    });
    this.remember(response);
    return response;
  }

  async post(path: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    this.remember(response);
    return response;
  }

  /** Opens the sign-in page and posts the token typed in its form. */
  async signIn(token: string): Promise<Response> {
    const page = await (await this.get('/committee/signin')).text();
    return this.post('/committee/signin', { login: hiddenField(page, 'login'), token });
  }

  /** The CSRF field of the forms of a page the client is shown. */
  async csrf(path = '/committee'): Promise<string> {
    return hiddenField(await (await this.get(path)).text(), 'csrf');
  }
}

/** The value of a hidden field of a page. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden field "${name}" in the page`);
  return match[1];
}
