import type { Localizer } from '../../bot/i18n.js';
import type { Logger } from '../../bot/logger.js';
import type { WebSignin } from '../../bot/webSignin/webSignin.js';
import type { AdvisorPolicy } from '../../dialogs/domain/roles.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { DocumentStore } from '../../storage/documentStore.js';
import type { ApplicationQueue } from '../../storage/index.js';
import type { CommitteeText } from '../committeeLabels.js';
import type { StatusService } from '../statusService.js';
import type { CommitteeRoleConfig } from './backOfficeRoles.js';

/** The PDFs, made elsewhere (committee/pdf/): the back office only links to them and serves what it is given. */
export interface BackOfficePdf {
  /** One file's PDF; undefined when there is no such file. */
  file(reference: string): Promise<{ name: string; bytes: Buffer } | undefined>;
  /** The meeting's dossier (the files of a committee date, or the next one). */
  dossier(date?: string): Promise<{ name: string; bytes: Buffer }>;
}

/** Everything the back office's routes use, given by the app (bot/app.ts) or a test. */
export interface BackOfficeParts {
  queue: ApplicationQueue;
  /** The one place a status changes: the applicant is told exactly as with the API. */
  statusService: StatusService;
  documents?: DocumentStore;
  settings: ProgrammeSettings;
  localizer: Localizer;
  logger: Logger;
  /** COMMITTEE_TOKEN: typed once in the sign-in form, it gives the committee role. */
  committeeToken?: string;
  /** The Entra ID sign-in of the web advisors (ADVISOR_OIDC_*), shared: `/auth/signin?returnTo=/committee`. */
  signin?: WebSignin;
  committeeRoles: CommitteeRoleConfig;
  /** Who is an advisor (ADVISOR_IDS, ADVISOR_GROUP_ID), as in the chat. */
  advisors: AdvisorPolicy;
  clock?: () => Date;
  /** How long a token sign-in lasts (ADVISOR_SESSION_HOURS's value, 8 by default). */
  sessionHours?: number;
  pdf?: BackOfficePdf;
  /** An HTML fragment, already escaped, in the reader's language, placed in the « Statistiques » page. */
  statistics?: BackOfficeStatistics;
  /** How long the list of files is kept between requests (writes made here clear it at once). */
  listCacheMs?: number;
}

/** The statistics page's content: an HTML fragment, already escaped, in the language of `text`. */
export type BackOfficeStatistics = (text: CommitteeText) => Promise<string>;
