import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { startTestServer, tempDataDir } from './httpBot.js';
import {
  startOidcProvider,
  type LocalOidcProvider,
  type TestAccount,
} from '../../scripts/signin/localOidcProvider.js';

export const TENANT = '7a1c0e55-3d2b-4c8e-9f10-a11ce0cc1000';
export const ADVISOR_GROUP = '0d5e9c11-2222-4b33-8c44-5566778899aa';

/** The provider's test accounts: who they are for the assistant. */
export const ACCOUNTS = {
  advisor: {
    login: 'conseillere',
    oid: 'a0000000-0000-4000-8000-00000000a001',
    tid: TENANT,
    name: 'Camille Conseillère',
  },
  groupMember: {
    login: 'membre-groupe',
    oid: 'a0000000-0000-4000-8000-00000000a002',
    tid: TENANT,
    name: 'Dominique Groupe',
    groups: ['11111111-1111-4111-8111-111111111111', ADVISOR_GROUP],
  },
  colleague: {
    login: 'collegue',
    oid: 'a0000000-0000-4000-8000-00000000a003',
    tid: TENANT,
    name: 'Alex Collègue',
  },
  // Listed in ADVISOR_IDS, but from another Entra tenant: refused at the callback.
  outsider: {
    login: 'externe',
    oid: 'a0000000-0000-4000-8000-00000000a004',
    tid: 'b2222222-0000-4000-8000-000000000bad',
    name: 'Eve Externe',
  },
} satisfies Record<string, TestAccount>;

export interface SigninSetup {
  app: RunningApp;
  provider: LocalOidcProvider;
  close: () => Promise<void>;
}

/** The real server, with the advisors' sign-in pointed at a local OpenID Connect provider. */
export async function startSigninSetup(env: Record<string, string> = {}): Promise<SigninSetup> {
  const dataDir = tempDataDir('alize-signin-');
  const provider = await startOidcProvider(Object.values(ACCOUNTS));
  const app = await startTestServer(dataDir, {
    ADVISOR_IDS: `${ACCOUNTS.advisor.oid},${ACCOUNTS.outsider.oid}`,
    ADVISOR_GROUP_ID: ADVISOR_GROUP,
    MicrosoftAppTenantId: TENANT,
    ADVISOR_OIDC_ISSUER: provider.issuer,
    ADVISOR_OIDC_CLIENT_ID: provider.clientId,
    ADVISOR_OIDC_CLIENT_SECRET: provider.clientSecret,
    ...env,
  });
  provider.allowRedirect(`${app.url}/auth/callback`);
  return {
    app,
    provider,
    close: async () => {
      await app.close();
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
