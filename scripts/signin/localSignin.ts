import 'dotenv/config';
import { startOidcProvider } from './localOidcProvider.js';

/**
 * `npm run signin:local`: a local OpenID Connect provider on this machine, to try the advisors' web sign-in
 * without Microsoft Entra ID. It prints the settings to give the server; sign in as "conseiller" (an advisor,
 * listed in ADVISOR_IDS) or "visiteur" (signed in, not an advisor), with any password.
 */
async function main(): Promise<void> {
  const port = Number(process.env.LOCAL_OIDC_PORT ?? 4000);
  const tenant = process.env.MicrosoftAppTenantId?.trim() || '00000000-0000-4000-8000-00000000c0c1';
  const advisorOid = 'c0000000-0000-4000-8000-0000000000a1';
  const provider = await startOidcProvider(
    [
      { login: 'conseiller', oid: advisorOid, tid: tenant, name: 'Conseiller local' },
      { login: 'visiteur', oid: 'c0000000-0000-4000-8000-0000000000b2', tid: tenant, name: 'Visiteur local' },
    ],
    { host: '127.0.0.1', port },
  );
  const redirect =
    process.env.ADVISOR_OIDC_REDIRECT_URL?.trim() ||
    `http://localhost:${process.env.PORT?.trim() || '3978'}/auth/callback`;
  provider.allowRedirect(redirect);
  const settings = [
    `MicrosoftAppTenantId=${tenant}`,
    `ADVISOR_OIDC_ISSUER=${provider.issuer}`,
    `ADVISOR_OIDC_CLIENT_ID=${provider.clientId}`,
    `ADVISOR_OIDC_CLIENT_SECRET=${provider.clientSecret}`,
    `ADVISOR_OIDC_REDIRECT_URL=${redirect}`,
    `ADVISOR_IDS=${advisorOid}`,
  ];
  console.log(`Local OpenID Connect provider at ${provider.issuer}. Start the server with:\n`);
  console.log(settings.join('\n'));
  console.log(
    `\nthen open ${new URL('/', redirect).href}, "Espace conseiller", login "conseiller" (any password).`,
  );
  const stop = () => void provider.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
