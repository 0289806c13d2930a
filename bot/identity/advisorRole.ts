import type { AdvisorOf } from '../../dialogs/advisor/advisorIdentity.js';
import { isAdvisorIdentity, type AdvisorPolicy } from '../../dialogs/domain/roles.js';
import { verifiedIdentityOf } from './verifiedIdentity.js';

/** The advisor role read from the turn's verified identity only, never from `activity.from`. */
export function advisorRole(policy: AdvisorPolicy): AdvisorOf {
  return (context) => {
    const identity = verifiedIdentityOf(context);
    return isAdvisorIdentity(policy, identity) ? identity?.objectId : undefined;
  };
}
