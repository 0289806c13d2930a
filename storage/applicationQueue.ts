import type { ApplicationStatus } from '../dialogs/domain/applicationStatus.js';

export type ApplicationOrigin = 'applicant' | 'advisor';
export type EligibilityVerdict = 'OK' | 'REVIEW' | 'NO';

/** One line of the file's audit trail; `from` is null for the submission itself. */
export interface StatusChange {
  at: string;
  by: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  comment?: string;
  /**
   * Not a status change (`from` and `to` are the file's status then): a correction the applicant asked for, or
   * a document they added after submission (`documentId`, and `piece` when known; never its name or content).
   */
  kind?: 'correctionRequest' | 'documentAdded';
  documentId?: string;
  piece?: string;
}

/** A submitted application file as the committee sees it. */
export interface StoredApplication {
  /** `ALZ-<year>-<sequence>`, e.g. `ALZ-2026-0007`. */
  reference: string;
  status: ApplicationStatus;
  /** ISO 8601. */
  submittedAt: string;
  /** webchat, msteams, emulator… */
  channel: string;
  origin: ApplicationOrigin;
  userId: string;
  advisorId?: string;
  /**
   * The pre-assessment, computed again at submission from the file's own answers; `check` is what the
   * eligibility check said before, when there was one (the application may have corrected an answer since).
   */
  eligibility?: {
    verdict: EligibilityVerdict;
    reasons: string[];
    /** What fills each reason's sentence (the commune, the headcount…), in the order of `reasons`. */
    details?: (Record<string, string | number> | null)[];
    check?: { verdict: EligibilityVerdict; reasons: string[] };
  };
  /** What the bot noticed at submission and the applicant confirmed: for the committee to look at. */
  checks?: ApplicationChecks;
  /** The form values by DOMAIN.md keys, e.g. `company.siret`. */
  data: Record<string, unknown>;
  /** Bot Framework conversation reference, kept to notify the applicant later. */
  conversationReference?: unknown;
  history: StatusChange[];
  /** The data-protection side of the file: an erasure the applicant asked for, an anonymisation done. */
  retention?: RetentionMarks;
  /** The back office's private notes: advisors and the committee only, never shown to the applicant. */
  notes?: PrivateNote[];
  /** The advisor the file is assigned to in the back office (their name as shown there). */
  assignedTo?: string;
}

/** A private note of the back office (who wrote it is a CCI staff name; its text may hold personal data). */
export interface PrivateNote {
  at: string;
  by: string;
  text: string;
}

export interface ApplicationChecks {
  /** Other files (not withdrawn when this one was sent) with the same SIRET. */
  duplicateOf?: string[];
  /** A cost that does not add up: investment ≠ advance asked + other financing, in euros. */
  costMismatch?: { investment: number; amountRequested: number; otherFinancing: number };
  /** Sent although the verdict is NO, because the applicant asked a person to examine it as it stands. */
  ineligibleReview?: boolean;
}

export interface RetentionMarks {
  /** ISO 8601: the applicant asked for their data to be erased ("supprimer mes données"). */
  erasureRequestedAt?: string;
  /** ISO 8601: personal data replaced (retention period over, or erasure of a decided file). */
  anonymisedAt?: string;
}

/** What `amend` may change: never the status (that is changeStatus, with its rules and history). */
export interface ApplicationAmendment {
  retention?: RetentionMarks;
  /** Fields of `data` to replace (e.g. personal fields set to null by an anonymisation). */
  data?: Record<string, unknown>;
  userId?: string;
  history?: StatusChange[];
  /** Lines added at the end of the history, read and written under the same lock (a correction request). */
  appendHistory?: StatusChange[];
  /** Flags merged into `checks` (another file with the same SIRET arrived since). */
  checks?: ApplicationChecks;
  dropConversationReference?: boolean;
  /** Private notes to replace (an anonymisation drops their text). */
  notes?: PrivateNote[];
  /** Private notes added at the end, read and written under the same lock or ETag. */
  appendNotes?: PrivateNote[];
  /** The advisor assigned; null removes the assignment. */
  assignedTo?: string | null;
}

/** One file's amendment among several (`amendEach`). */
export interface FileAmendment {
  reference: string;
  amendment: ApplicationAmendment;
}

export type NewApplication = Omit<
  StoredApplication,
  'reference' | 'status' | 'submittedAt' | 'history' | 'retention'
> & {
  /** Submission time; defaults to now (tests pass a fixed date). */
  now?: Date;
};

export interface ApplicationFilter {
  status?: ApplicationStatus;
  /** A user's files: their user id is theirs only within one channel (same string, other channel: someone else). */
  userId?: string;
  channel?: string;
}

/** Filled by `list`: the files it could not read and left out (one bad file must not hide the others). */
export interface ListReport {
  /** References (`ALZ-2026-0003`) of the unreadable files; never their content. */
  skipped: string[];
}

export interface SubmitResult {
  application: StoredApplication;
  /** false when the idempotency key was already used (double click, retried request). */
  created: boolean;
}

/** The committee queue. Only a lowdb back end for now; an Azure one can come behind the same interface. */
export interface ApplicationQueue {
  submit(input: NewApplication, idempotencyKey: string): Promise<SubmitResult>;
  get(reference: string): Promise<StoredApplication | undefined>;
  /** Sorted by reference (year, then sequence). An unreadable file is left out and named in `report`. */
  list(filter?: ApplicationFilter, report?: ListReport): Promise<StoredApplication[]>;
  /**
   * With `expectedVersions`, the change is made only if the stored file's `applicationVersion` is one of them,
   * checked under the same lock or ETag as the write (the HTTP API's If-Match).
   * @throws IllegalTransitionError, UnknownReferenceError, StaleVersionError
   */
  changeStatus(
    reference: string,
    to: ApplicationStatus,
    by: string,
    comment?: string,
    now?: Date,
    expectedVersions?: readonly string[],
  ): Promise<StoredApplication>;
  /** Retention marks and anonymisation. @throws UnknownReferenceError */
  amend(reference: string, amendment: ApplicationAmendment): Promise<StoredApplication>;
  /**
   * Several files amended at once, best effort: a file unknown or unreadable is left out, the others written
   * together (under one lock, one fsync of the folder). Optional: without it, `amendEach` of
   * storage/applicationAmendment.ts amends one file after the other.
   */
  amendEach?(changes: readonly FileAmendment[]): Promise<void>;
  /**
   * A value that changes whenever any file changes, from any process, so that a reader may keep what `list`
   * gave while it stays the same; undefined when it cannot be told (then read again). Optional: Azure has none.
   */
  listVersion?(): Promise<string | undefined>;
}
