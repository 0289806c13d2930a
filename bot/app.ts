import { opensWithFacts } from '../dialogs/openingFacts.js';
import { createDocumentReceiver } from './documents/createDocumentReceiver.js';
import { UploadStore } from './directLine/uploadStore.js';
import { withDocumentsAtSubmission } from '../storage/documentsAtSubmission.js';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { UserState, type ConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { AboutDialog } from '../dialogs/aboutDialog.js';
import { loadCommuneIndex } from '../dialogs/domain/communes.js';
import { loadProgrammeSettings, type ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import { ApplicationDialog } from '../dialogs/applicationDialog.js';
import { EligibilityDialog } from '../dialogs/eligibilityDialog.js';
import { profileEligibilityStore } from '../dialogs/eligibilityStore.js';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { EligibilityRecord, UserProfile } from '../dialogs/userProfile.js';
import { AdvisorDialog } from '../dialogs/advisor/advisorDialog.js';
import { ContactAdvisorDialog, type AdvisorAlert } from '../dialogs/contactAdvisorDialog.js';
import type { AdvisorOf } from '../dialogs/advisor/advisorIdentity.js';
import { DeleteDataDialog } from '../dialogs/deleteDataDialog.js';
import { HandoverStore } from '../dialogs/handover.js';
import { MyFilesDialog } from '../dialogs/myFilesDialog.js';
import { WithdrawFileDialog } from '../dialogs/withdrawFileDialog.js';
import { CorrectFileDialog } from '../dialogs/correctFileDialog.js';
import { DRAFT_MIGRATIONS, type DraftMigration } from '../dialogs/domain/draftMigration.js';
import { DECLARATIONS_KEY } from '../dialogs/domain/declarations.js';
import { migratingProfiles } from '../dialogs/draftVersions.js';
import type { Answers } from '../dialogs/questionnaire/question.js';
import type { StatusChangeListener } from '../dialogs/statusMessages.js';
import type { ContactRequestStore } from '../storage/contactRequests.js';
import { createStores } from '../storage/createStores.js';
import type { DocumentStore } from '../storage/documentStore.js';
import { createAdvisorAlert } from './advisorAlert.js';
import { documentAddedToFile } from './documents/documentAddedToFile.js';
import { announceErasure } from './erasedEvent.js';
import { ApplicantMessenger } from './applicantMessenger.js';
import { ResumeCodeTurns } from './resumeCodeTurns.js';
import { ResumeCodeStore } from '../storage/resumeCodes.js';
import { OUTBOX_POLL_MS, startOutboxDelivery } from './outboxDelivery.js';
import { createStatusService, type StatusService } from '../committee/statusService.js';
import { warmUpParsers } from '../dialogs/french/recognizersWarmup.js';
import { RootDialog } from '../dialogs/rootDialog.js';
import { LANGUAGE_PREFERENCE_PROPERTY, type LanguagePreference } from '../dialogs/languagePreference.js';
import { createAdapter } from './adapter.js';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { advisorRole } from './identity/advisorRole.js';
import { SharedConversationState } from './identity/sharedConversationState.js';
import { AlizeBot } from './alizeBot.js';
import { registerCommitteeApi } from '../committee/committeeApi.js';
import { registerBackOffice } from '../committee/backOffice/backOfficeRoutes.js';
import type { BackOfficePdf, BackOfficeStatistics } from '../committee/backOffice/backOfficeParts.js';
import { CommitteePdf } from '../committee/pdf/committeePdf.js';
import { computeStatistics } from '../committee/statistics/programmeStatistics.js';
import { renderStatisticsHtml } from '../committee/statistics/statisticsView.js';
import type { AppConfig } from './config.js';
import { Localizer } from './i18n.js';
import { createLogger, type Logger } from './logger.js';
import { createServer } from './server.js';
import { closeServer } from './serverShutdown.js';
import { registerLegalRoutes } from './webPage/legalRoutes.js';
import { registerWebChannel } from './webChannel.js';
import { registerSigninOff, WebSignin } from './webSignin/webSignin.js';
import { isWarmUpTurn, warmUpTurns } from './warmUpTurns.js';
import type { EligibilityRuleSet } from '../dialogs/domain/eligibilityRuleSet.js';
import { startTelemetry } from './telemetry/startTelemetry.js';
import type { Telemetry } from './telemetry/telemetry.js';
import { TracedStorage, tracedContactRequests, tracedQueue } from './telemetry/tracedStores.js';
import { CompanyLookupDialog } from '../dialogs/companyLookupDialog.js';
import type { CompanyRegister } from '../dialogs/domain/companyRegister.js';
import { createCompanyRegisterClient } from './companyRegisterClient.js';
import { FunnelBatch } from '../storage/funnelBatch.js';
import { FunnelRecorder } from './funnelRecorder.js';
import type { ApplicantPdf } from '../committee/receipts/applicantPdf.js';
import type { MailSender } from './mail/mailTransport.js';
import { createApplicantReceipts } from './receipts/applicantReceipts.js';
import { DownloadFileDialog, type FileOffer } from '../dialogs/downloadFileDialog.js';
import type { SubmissionReceipts } from '../dialogs/applicationSubmission.js';

export interface RunningApp {
  server: Server;
  url: string;
  logger: Logger;
  storage: Storage;
  queue: ApplicationQueue;
  /** Resolves with the warm-up figures once /healthz reports ready. */
  ready: Promise<{ ms: number }>;
  /** One round of the outboxes now (chat messages, e-mails), and the e-mails being sent: tests wait for them. */
  deliverOutbox: () => Promise<void>;
  close: () => Promise<void>;
}

export interface AppOverrides {
  logger?: Logger;
  storage?: Storage;
  /** The current time, for tests that need a given day (the call window, office hours). */
  clock?: () => Date;
  settings?: ProgrammeSettings;
  queue?: ApplicationQueue;
  contactRequests?: ContactRequestStore;
  /** How often the status outbox is read (tests make it quick). */
  outboxPollMs?: number;
  /** Telemetry made by the caller (tests: an in-memory exporter); the caller then shuts it down. */
  telemetry?: Telemetry;
  /** The bot's own token source instead of Entra ID (tests: a token endpoint on loopback). */
  botCredentials?: ServiceClientCredentialsFactory;
  /** How e-mails leave (tests: nodemailer to their own SMTP server is the default; a failing one, say). */
  mailSender?: MailSender;
  /** The applicant's PDF (the real renderer by default). */
  applicantPdf?: ApplicantPdf;
  /** The back office's hooks: its PDFs (committee/pdf/) and its statistics fragment (committee/statistics/). */
  backOffice?: { pdf?: BackOfficePdf; statistics?: BackOfficeStatistics; listCacheMs?: number };
}

/** Builds every part from the configuration and starts listening; used by index.ts and by the HTTP tests. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const startedAt = Date.now();
  const logger = overrides.logger ?? createLogger(config.logLevel);
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (config.advisorLocal) {
    logger.warn(
      { event: 'advisor_local' },
      'ADVISOR_LOCAL=1: loopback requests on /api/messages may speak as any advisor listed in ADVISOR_IDS; for local use only, never on a shared or public machine',
    );
  }

  const telemetry = overrides.telemetry ?? (await startTelemetry(config.telemetry));
  const settings = overrides.settings ?? loadProgrammeSettings(config.programmeFile);
  const clock = overrides.clock ?? (() => new Date());
  const stores = createStores({
    dataDir: config.dataDir,
    backend: config.storage,
    onNotifyError: (err, reference) =>
      logger.warn({ err, event: 'notify_failed', reference }, 'new file stored, advisors not notified'),
    // The reference and the error code only: a parse error's message quotes the file's content.
    onSkippedFile: (reference, error) =>
      logger.error(
        { event: 'application_file_unreadable', reference, code: errorCode(error) },
        'unreadable application file skipped',
      ),
    // The journal keeps the changes and the next compaction tries again; a lasting failure grows the journal.
    onStateCompactionError: (error) =>
      logger.error(
        { event: 'state_compaction_failed', code: errorCode(error) },
        'bot state not written behind: the journal keeps it',
      ),
  });
  // Off: the stores as they are, not even a wrapper.
  const backend = config.storage.kind;
  const trace = telemetry.enabled;
  const rawStorage = overrides.storage ?? stores.storage;
  const storage = trace ? new TracedStorage(rawStorage, backend, telemetry) : rawStorage;
  const conversationState = new SharedConversationState(storage);
  const userState = new UserState(storage);
  const localizer = new Localizer();
  // At submission a draft's documents move to the file's reference (storage/documentsAtSubmission.ts).
  const rawQueue = withDocumentsAtSubmission(overrides.queue ?? stores.queue, stores.documents);
  const queue = trace ? tracedQueue(rawQueue, backend, telemetry) : rawQueue;
  const rawRequests = overrides.contactRequests ?? stores.contactRequests;
  const contactRequests = trace ? tracedContactRequests(rawRequests, backend, telemetry) : rawRequests;
  const adapter = createAdapter(
    config.auth,
    localizer,
    logger,
    conversationState,
    storage,
    overrides.botCredentials,
  );
  const proactive = { adapter, botAppId: config.auth.appId, localizer, settings, logger };
  // Every message to an applicant outside their turns: stored, sent when a channel takes it (or next visit).
  const messenger = new ApplicantMessenger({
    ...proactive,
    outbox: stores.applicantOutbox,
    legacyOutbox: stores.statusOutbox,
    queue,
    documents: stores.documents,
    clock,
  });
  let serverUrl = '';
  const receipts = createApplicantReceipts({
    config,
    storage,
    mailOutbox: stores.mailOutbox,
    queue,
    documents: stores.documents,
    localizer,
    settings,
    logger,
    clock,
    serverUrl: () => serverUrl,
    ...(overrides.mailSender ? { mailSender: overrides.mailSender } : {}),
    ...(overrides.applicantPdf ? { applicantPdf: overrides.applicantPdf } : {}),
  });
  // A status change: the chat's message, and its e-mail next to it.
  const onStatusChanged: StatusChangeListener = async (application, change) => {
    await receipts.notifyStatus(application, change);
    await messenger.notifyStatus(application, change);
  };
  // The one status service of the server: the advisor mode and the committee API both change statuses here.
  const statusService = createStatusService({
    queue,
    clock,
    deliver: onStatusChanged,
    onDeliveryError: (err, reference) =>
      logger.error({ err, event: 'status_listener_failed', reference }, 'status change listener failed'),
  });
  // Notices the committee CLI left (it cannot reach conversations): delivered while the server runs.
  const outboxDelivery = startOutboxDelivery({
    round: async () => {
      try {
        await messenger.round();
      } finally {
        await receipts.round();
      }
    },
    logger,
    everyMs: overrides.outboxPollMs ?? OUTBOX_POLL_MS,
  });
  const rootDialog = createRootDialog({
    userState,
    conversationState,
    storage,
    settings,
    clock,
    queue,
    contactRequests,
    advisorOf: advisorRole({
      advisorIds: config.advisorIds,
      tenantId: config.auth.tenantId,
      ...(config.advisorGroupId ? { advisorGroupId: config.advisorGroupId } : {}),
    }),
    onStatusChanged,
    statusService,
    alertAdvisors: createAdvisorAlert(proactive),
    documents: stores.documents,
    files: receipts.files,
    ...(receipts.mailer ? { receipts: receipts.mailer } : {}),
    ...(config.companyLookup
      ? { companyRegister: createCompanyRegisterClient({ baseUrl: config.companyLookup.url, logger }) }
      : {}),
  });
  const resumeCodes = new ResumeCodeTurns({
    codes: new ResumeCodeStore(storage),
    storage,
    userState,
    clock,
    logger,
  });
  const uploads = new UploadStore();
  const documents = createDocumentReceiver({
    config,
    store: stores.documents,
    uploads,
    required: settings.documents,
    logger,
    clock,
    timeZone: settings.timeZone,
    onAddedToFile: documentAddedToFile({
      queue,
      alertAdvisors: createAdvisorAlert(proactive),
      clock,
      logger,
    }),
  });
  // The anonymous funnel: counted after each saved turn, written every few seconds and at close.
  const funnelBatch = new FunnelBatch(stores.funnel, {
    onError: (error) =>
      logger.warn(
        { event: 'funnel_not_saved', code: errorCode(error) },
        'funnel counts kept for the next flush',
      ),
  });
  const bot = new AlizeBot({
    conversationState,
    userState,
    storage,
    rootDialog,
    logger,
    telemetry,
    clock,
    timeZone: settings.timeZone,
    onErased: async (context) => {
      await messenger.eraseUser(context.activity.from.id);
      await receipts.eraseUser(context.activity.from.id);
      await resumeCodes.erase(context);
      await announceErasure(context);
    },
    documents,
    funnel: new FunnelRecorder(conversationState, funnelBatch, settings.timeZone, isWarmUpTurn),
    fileConsent: (context) => receipts.files.answerConsent(context),
  });
  // After the bot's turn, what waits for this applicant in the outbox, as replies of the turn.
  const runTurn = async (context: TurnContext): Promise<void> => {
    // A resume code asked for or typed is handled around the bot's turn, in every dialog and channel.
    if (!(await resumeCodes.before(context))) {
      await bot.run(context);
      await resumeCodes.after(context);
    }
    await messenger.deliverInTurn(context);
  };

  let isReady = false;
  // Messages wait for the indexes and parsers; /healthz says ready once warm-up turns have been served too.
  const modelsReady = warmUp(localizer);

  const server = createServer({
    adapter,
    runTurn,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    ready: modelsReady,
    isReady: () => isReady,
    ...(config.storage.kind === 'azure' ? {} : { storageWritable: () => canWrite(config.dataDir) }),
    startedAt,
    config,
    telemetry,
  });
  registerCommitteeApi(server, {
    queue,
    documents: stores.documents,
    token: config.committeeToken,
    logger,
    clock,
    localizer,
    onStatusChanged,
    statusService,
    settings,
    statistics: { funnel: stores.funnel, settings },
  });
  receipts.register(server);
  // The advisors' web sign-in; its default redirect URL is this server's own, known once it listens.
  const conformity = settings.legal?.accessibility.conformity;
  const signin = config.webSignin
    ? new WebSignin({
        config: config.webSignin,
        localizer,
        logger,
        serverUrl: () => serverUrl,
        clock,
        ...(conformity ? { conformity } : {}),
      })
    : undefined;
  if (signin) signin.register(server);
  else registerSigninOff(server, localizer, conformity);
  // The committee's pages under /committee: the same sign-in, the same status service as the API.
  const backOffice = registerBackOffice(server, {
    queue,
    statusService,
    documents: stores.documents,
    settings,
    localizer,
    logger,
    ...(config.committeeToken ? { committeeToken: config.committeeToken } : {}),
    ...(signin ? { signin } : {}),
    committeeRoles: config.committeeRoles,
    advisors: {
      advisorIds: config.advisorIds,
      tenantId: config.auth.tenantId,
      ...(config.advisorGroupId ? { advisorGroupId: config.advisorGroupId } : {}),
    },
    clock,
    ...(config.webSignin ? { sessionHours: config.webSignin.sessionHours } : {}),
    pdf: new CommitteePdf({ queue, documents: stores.documents, localizer, settings, clock }),
    statistics: async (text) =>
      renderStatisticsHtml(
        await computeStatistics({ queue, funnel: stores.funnel, settings, now: clock() }),
        text,
      ),
    ...overrides.backOffice,
  });
  registerLegalRoutes(server, localizer, settings, { mail: config.mail !== undefined });
  registerWebChannel(server, {
    ...(conformity ? { conformity } : {}),
    ...(signin ? { signin } : {}),
    adapter,
    runTurn,
    logger,
    botAppId: config.auth.appId,
    ready: modelsReady,
    directLineSecret: config.directLineSecret,
    onVisitorBack: (userId) => void messenger.retryFor('webchat', userId),
    clock,
    uploads,
    uploadLimits: {
      maxFileBytes: config.documents.limits.maxBytes,
      maxFiles: config.documents.limits.maxCount,
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  serverUrl = `http://${shownHost}:${port}`;
  const ready = modelsReady.then(async (figures) => {
    const parts = {
      host: config.host,
      port,
      adapter,
      localizer,
      storage,
      conversationState,
      userState,
      logger,
      companyLookup: config.companyLookup !== undefined,
    };
    // With a Bot Framework identity our own unauthenticated request would be refused: skip the turns.
    const turns = config.auth.appId === '' ? await warmUpTurns(parts) : { ms: 0, turns: 0 };
    isReady = true;
    // After the bot's warm-up, so that reading every file does not delay the first conversations.
    void backOffice?.prime();
    const warmUpMs = figures.ms + turns.ms;
    logger.info(
      { event: 'ready', warmUpMs, warmUpTurns: turns.turns, sinceStartMs: Date.now() - startedAt },
      'ready',
    );
    return { ms: warmUpMs };
  });

  return {
    server,
    url: serverUrl,
    logger,
    storage,
    queue,
    ready,
    deliverOutbox: async () => {
      await receipts.settled();
      await outboxDelivery.deliverNow();
      await receipts.settled();
    },
    close: async () => {
      await outboxDelivery.stop();
      await receipts.settled();
      await closeServer(server);
      await funnelBatch.close();
      await stores.close();
      if (!overrides.telemetry) await telemetry.shutdown();
    },
  };
}

/** The dialogs of the product, wired to their dependencies (state, stores, settings, clock). */
export interface DialogDeps {
  userState: UserState;
  conversationState: ConversationState;
  storage: Storage;
  settings: ProgrammeSettings;
  clock: () => Date;
  queue: ApplicationQueue;
  contactRequests: ContactRequestStore;
  /** The verified advisor of a turn (bot/identity/advisorRole.ts), or undefined. */
  advisorOf: AdvisorOf;
  /** How an applicant is told of a status change (a proactive message; tests record it). */
  onStatusChanged: StatusChangeListener;
  /** The status service; by default one over `queue` that tells `onStatusChanged`. */
  statusService?: StatusService;
  /** The form's history, to bring saved drafts to today's keys (tests give one with a renamed field). */
  draftMigrations?: readonly DraftMigration[];
  alertAdvisors: AdvisorAlert;
  /** The eligibility rules (the programme's by default): the check, its questions and the application's prefill. */
  eligibilityRules?: EligibilityRuleSet;
  /** The company register (COMPANY_LOOKUP): the lookup is offered when it is given, never otherwise. */
  companyRegister?: CompanyRegister;
  /** The supporting documents (the recap lists the pieces received and missing). */
  documents?: DocumentStore;
  /** The applicant's PDF from the chat (« télécharger mon dossier en PDF »); absent: not offered. */
  files?: FileOffer;
  /** The e-mailed receipt at submission (mail on); absent: no mail and nothing said about it. */
  receipts?: SubmissionReceipts;
}

const PROFILE_PROPERTY = 'profile';

export function createRootDialog(deps: DialogDeps): RootDialog {
  const { userState, conversationState, settings, clock, queue, advisorOf } = deps;
  const profiles = migratingProfiles(
    userState.createProperty<UserProfile>(PROFILE_PROPERTY),
    deps.draftMigrations ?? DRAFT_MIGRATIONS,
    { state: userState, property: PROFILE_PROPERTY },
  );
  const handovers = new HandoverStore(deps.storage);
  const rules = deps.eligibilityRules;
  const lookup = deps.companyRegister
    ? new CompanyLookupDialog(deps.companyRegister, profiles, clock)
    : undefined;
  const application = new ApplicationDialog(
    profiles,
    settings,
    clock,
    queue,
    handovers,
    rules,
    lookup,
    deps.documents,
    { ...(deps.receipts ? { receipts: deps.receipts } : {}), offersDownload: deps.files !== undefined },
  );
  const contact = new ContactAdvisorDialog({
    profiles,
    callbackAnswers: conversationState.createProperty<Answers>('callbackAnswers'),
    requests: deps.contactRequests,
    settings,
    clock,
    alertAdvisors: deps.alertAdvisors,
  });
  // One status service for every status change made in the chat (advisor mode, withdrawal, correction).
  const statusService =
    deps.statusService ?? createStatusService({ queue, clock, deliver: deps.onStatusChanged });
  const advisor = new AdvisorDialog({
    advisorOf,
    queue,
    requests: deps.contactRequests,
    handovers,
    prescreens: conversationState.createProperty<{ record?: EligibilityRecord }>('prescreen'),
    settings,
    clock,
    statusService,
    eligibilityRules: rules,
  });
  return new RootDialog(
    [
      {
        entry: 'eligibility',
        dialog: new EligibilityDialog(profileEligibilityStore(profiles), settings, clock, {
          rules,
          ...(lookup
            ? {
                lookup: {
                  dialog: lookup,
                  offered: async (context, restart) =>
                    restart || !(await profiles.get(context, {})).companyLookup,
                },
              }
            : {}),
        }),
      },
      { entry: 'apply', dialog: application },
      { entry: 'resume', dialog: application, options: { resume: true } },
      { entry: 'advisor', dialog: contact },
      { entry: 'about', dialog: new AboutDialog() },
      { entry: 'myFiles', dialog: new MyFilesDialog(queue, deps.files !== undefined) },
      ...(deps.files
        ? [{ entry: 'downloadFile' as const, dialog: new DownloadFileDialog(queue, deps.files) }]
        : []),
      { entry: 'withdrawFile', dialog: new WithdrawFileDialog(queue, statusService) },
      {
        entry: 'correctFile',
        dialog: new CorrectFileDialog({
          queue,
          statusService,
          requests: deps.contactRequests,
          alertAdvisors: deps.alertAdvisors,
          clock,
        }),
      },
      { entry: 'advisorMode', dialog: advisor },
      {
        entry: 'deleteData',
        dialog: new DeleteDataDialog(queue, clock, undefined, deps.contactRequests),
      },
    ],
    // Advisors see their mode in the menu; nobody else learns it exists.
    (context) => (advisorOf(context) ? ['advisorMode'] : []),
    opensWithFacts(settings, clock),
    {
      settings,
      clock,
      languages: userState.createProperty<LanguagePreference>(LANGUAGE_PREFERENCE_PROPERTY),
    },
    {
      // What *recommencer* and *annuler* would delete, said before they do (issue 15).
      async count(context, flow) {
        const profile = await profiles.get(context, {});
        if (flow === 'apply' || flow === 'resume')
          return Object.keys(profile.application?.answers ?? {}).length;
        // The attestation's own answer is not one more: it stands for the four declarations it filled.
        if (flow === 'eligibility')
          return Object.keys(profile.eligibility?.answers ?? {}).filter((key) => key !== DECLARATIONS_KEY)
            .length;
        return 0;
      },
      async discard(context, flow) {
        if (flow !== 'apply' && flow !== 'resume') return;
        const profile = await profiles.get(context, {});
        profile.application = undefined;
        await profiles.set(context, profile);
      },
    },
  );
}

/** Builds the lazily built indexes and compiles our parsers before the first user needs them. */
async function warmUp(localizer: Localizer): Promise<{ ms: number }> {
  // Let the server start listening first, so that /healthz answers "starting" rather than refusing connections.
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  loadCommuneIndex();
  warmUpParsers();
  localizer.language('fr').t('common:greeting.hello');
  localizer.language('en').t('common:greeting.hello');
  return { ms: Math.round(performance.now() - started) };
}

/** Writes and removes a small file where the state lives: a read-only or full data folder fails here. */
async function canWrite(dataDir: string): Promise<boolean> {
  // A .tmp name: a process killed between write and removal leaves what every check counts as a leftover.
  const probe = path.join(dataDir, 'state', `.healthz-${process.pid}.tmp`);
  try {
    await fs.promises.mkdir(path.dirname(probe), { recursive: true });
    await fs.promises.writeFile(probe, String(Date.now()));
    await fs.promises.rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** `EACCES`, `CorruptJsonFileError`…: what went wrong, without any of the file's content. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'unknown';
}
