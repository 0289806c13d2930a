/** The advisors' Microsoft Entra ID sign-in on the web page (ADVISOR_OIDC_*), off unless a client id is set. */
export interface WebSigninConfig {
  /** OpenID Connect issuer; its /.well-known/openid-configuration is read on the first sign-in. */
  issuer: string;
  clientId: string;
  /** Empty: a public client (PKCE only, no client secret). */
  clientSecret: string;
  /** Where the provider sends the browser back; absent: `<this server's URL>/auth/callback`. */
  redirectUrl?: string;
  /** Required `tid` of the ID token (MicrosoftAppTenantId), when set. */
  tenantId: string;
  /** How long a sign-in lasts on the page before the advisor must sign in again. */
  sessionHours: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when plain HTTP is acceptable for this URL: this machine only (a local provider, a local page). */
export const isLoopbackUrl = (url: URL): boolean => LOOPBACK_HOSTS.has(url.hostname);

function httpsOrLoopback(name: string, raw: string, problems: string[]): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name}="${raw}": expected an absolute URL`);
    return;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    problems.push(`${name}="${raw}": expected an https:// URL (http:// only for localhost)`);
  }
}

/** Reads ADVISOR_OIDC_* and ADVISOR_SESSION_HOURS; problems are added to the list, one per mistake. */
export function readWebSignin(
  text: (name: string) => string,
  tenantId: string,
  problems: string[],
): WebSigninConfig | undefined {
  const clientId = text('ADVISOR_OIDC_CLIENT_ID');
  const others = ['ADVISOR_OIDC_CLIENT_SECRET', 'ADVISOR_OIDC_ISSUER', 'ADVISOR_OIDC_REDIRECT_URL'];
  if (clientId === '') {
    const stray = others.filter((name) => text(name) !== '');
    if (stray.length > 0) problems.push(`${stray.join(', ')} set but ADVISOR_OIDC_CLIENT_ID is empty`);
    return undefined;
  }
  const issuer =
    text('ADVISOR_OIDC_ISSUER') || (tenantId ? `https://login.microsoftonline.com/${tenantId}/v2.0` : '');
  if (issuer === '') {
    problems.push(
      'ADVISOR_OIDC_CLIENT_ID is set but neither ADVISOR_OIDC_ISSUER nor MicrosoftAppTenantId is: the advisors’ sign-in needs the Entra tenant',
    );
  } else httpsOrLoopback('ADVISOR_OIDC_ISSUER', issuer, problems);
  if (tenantId !== '' && !GUID.test(tenantId)) {
    problems.push(`MicrosoftAppTenantId="${tenantId}": expected the GUID of the Entra tenant`);
  }
  const redirectUrl = text('ADVISOR_OIDC_REDIRECT_URL');
  if (redirectUrl !== '') {
    httpsOrLoopback('ADVISOR_OIDC_REDIRECT_URL', redirectUrl, problems);
    if (URL.canParse(redirectUrl) && new URL(redirectUrl).pathname !== '/auth/callback') {
      problems.push(`ADVISOR_OIDC_REDIRECT_URL="${redirectUrl}": its path must be /auth/callback`);
    }
  }
  const hoursRaw = text('ADVISOR_SESSION_HOURS');
  let sessionHours = 8;
  if (hoursRaw !== '') {
    const hours = Number(hoursRaw);
    if (!/^\d+$/.test(hoursRaw) || hours < 1 || hours > 24) {
      problems.push(`ADVISOR_SESSION_HOURS="${hoursRaw}": expected a whole number between 1 and 24`);
    } else sessionHours = hours;
  }
  return {
    issuer,
    clientId,
    clientSecret: text('ADVISOR_OIDC_CLIENT_SECRET'),
    ...(redirectUrl ? { redirectUrl } : {}),
    tenantId,
    sessionHours,
  };
}

/** ADVISOR_GROUP_ID: an Entra group (object id) whose members are advisors when signed in. */
export function readAdvisorGroup(text: (name: string) => string, problems: string[]): string | undefined {
  const groupId = text('ADVISOR_GROUP_ID');
  if (groupId === '') return undefined;
  if (!GUID.test(groupId))
    problems.push(`ADVISOR_GROUP_ID="${groupId}": expected the object id (GUID) of an Entra group`);
  return groupId;
}
