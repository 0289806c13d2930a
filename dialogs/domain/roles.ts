/**
 * An identity the server verified itself (the same shape as bot/identity's VerifiedIdentity, kept here so the
 * rule stays pure): from a Bot Framework token in Teams, an Entra ID sign-in on the web page, or a loopback
 * request with ADVISOR_LOCAL=1.
 */
export interface ProvenIdentity {
  source: 'teams' | 'web-signin' | 'local';
  objectId?: string;
  tenantId?: string;
  groups?: readonly string[];
}

/** Who may act as an advisor: the configured ids and, for Teams, the CCI's own tenant. */
export interface AdvisorPolicy {
  /** Entra object ids (or, for local use, the ids the Emulator or the terminal client send). */
  advisorIds: readonly string[];
  /** MicrosoftAppTenantId: a Teams identity from any other tenant is never an advisor. */
  tenantId?: string;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Is this verified identity an advisor? Nothing unverified ever is (no identity: no rights), whatever ids the
 * activity claims. Teams: the Entra object id is listed and the tenant is the CCI's. Web sign-in: the object id
 * is listed (the sign-in itself checked the tenant). Local: the id is listed (the server allowed it only for
 * loopback requests with ADVISOR_LOCAL=1).
 */
export function isAdvisorIdentity(policy: AdvisorPolicy, identity: ProvenIdentity | undefined): boolean {
  const objectId = identity?.objectId;
  if (!identity || !objectId || objectId.trim() === '') return false;
  const listed = policy.advisorIds.some((id) => same(id, objectId));
  switch (identity.source) {
    case 'teams':
      return (
        listed &&
        policy.tenantId !== undefined &&
        policy.tenantId !== '' &&
        identity.tenantId !== undefined &&
        same(identity.tenantId, policy.tenantId)
      );
    case 'web-signin':
    case 'local':
      return listed;
    default:
      return false;
  }
}
