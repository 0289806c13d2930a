/** Where an application file stands in the committee's review (DOMAIN.md, "The application file"). */
export const APPLICATION_STATUSES = [
  'received',
  'in_review',
  'incomplete',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The legal moves; a status with no way out is final. */
export const STATUS_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  received: ['in_review', 'withdrawn'],
  in_review: ['incomplete', 'accepted', 'rejected', 'withdrawn'],
  incomplete: ['in_review', 'withdrawn'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export function isFinalStatus(status: ApplicationStatus): boolean {
  return STATUS_TRANSITIONS[status].length === 0;
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly reference: string,
    readonly from: ApplicationStatus,
    readonly to: ApplicationStatus,
  ) {
    super(`Application ${reference}: cannot go from "${from}" to "${to}"`);
    this.name = 'IllegalTransitionError';
  }
}

export class UnknownReferenceError extends Error {
  constructor(readonly reference: string) {
    super(`Unknown application reference "${reference}"`);
    this.name = 'UnknownReferenceError';
  }
}
