import { isAdvisorIdentity, type AdvisorPolicy, type ProvenIdentity } from '../../dialogs/domain/roles.js';

/**
 * The back office's two roles. An advisor reads, comments, changes a status, asks for documents and assigns;
 * the committee does all that and decides (accepted, rejected).
 */
export type BackOfficeRole = 'advisor' | 'committee';

/** Statuses only the committee may set: the decisions. */
export const COMMITTEE_DECISIONS: readonly string[] = ['accepted', 'rejected'];

/** Who is the committee once signed in with Entra ID (COMMITTEE_IDS, COMMITTEE_GROUP_ID). */
export interface CommitteeRoleConfig {
  /** Entra object ids of the committee's members. */
  committeeIds: string[];
  /** An Entra security group whose members are the committee (the ID token's groups claim). */
  committeeGroupId?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads COMMITTEE_IDS and COMMITTEE_GROUP_ID; problems are added to the list, one per mistake. */
export function readCommitteeRoles(text: (name: string) => string, problems: string[]): CommitteeRoleConfig {
  const committeeIds = text('COMMITTEE_IDS')
    .split(/[,;\s]+/)
    .filter((id) => id !== '');
  const notGuids = committeeIds.filter((id) => !GUID.test(id));
  if (notGuids.length > 0) {
    problems.push(
      `COMMITTEE_IDS lists ${notGuids.length} value(s) that are not Entra object ids (GUIDs): the committee is recognised from its Entra sign-in only`,
    );
  }
  const committeeGroupId = text('COMMITTEE_GROUP_ID');
  if (committeeGroupId !== '' && !GUID.test(committeeGroupId)) {
    problems.push(
      `COMMITTEE_GROUP_ID="${committeeGroupId}": expected the object id (GUID) of an Entra group`,
    );
  }
  return { committeeIds, ...(committeeGroupId ? { committeeGroupId } : {}) };
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The role of an identity the web sign-in verified: the committee when listed in COMMITTEE_IDS or a member of
 * COMMITTEE_GROUP_ID, an advisor when the advisors' policy says so (ADVISOR_IDS, ADVISOR_GROUP_ID), else none.
 */
export function roleOfIdentity(
  identity: ProvenIdentity,
  committee: CommitteeRoleConfig,
  advisors: AdvisorPolicy,
): BackOfficeRole | undefined {
  const objectId = identity.objectId;
  if (identity.source !== 'web-signin' || !objectId) return undefined;
  const listed = committee.committeeIds.some((id) => same(id, objectId));
  const group = committee.committeeGroupId;
  const member = group !== undefined && (identity.groups ?? []).some((g) => same(g, group));
  if (listed || member) return 'committee';
  return isAdvisorIdentity(advisors, identity) ? 'advisor' : undefined;
}

/** May this role move a file to that status? Decisions are the committee's. */
export function mayChangeTo(role: BackOfficeRole, status: string): boolean {
  return role === 'committee' || !COMMITTEE_DECISIONS.includes(status);
}
