import type { Storage } from 'botbuilder';
import { purgeIdleDrafts } from '../storage/draftPurge.js';
import { purgeExpiredResumeCodes } from '../storage/resumeCodes.js';
import type { ApplicantOutbox } from '../storage/applicantOutbox.js';
import type { MailOutbox } from '../storage/mailOutbox.js';
import { contactRequestView } from '../storage/displayUserId.js';
import { anonymisation, decisionDate, dueForAnonymisation, isDraftIdle } from '../storage/retentionPolicy.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  applicationToRecord,
  CorruptJsonFileError,
  IllegalTransitionError,
  LockTimeoutError,
  STATUS_TRANSITIONS,
  UnknownReferenceError,
  type ApplicationQueue,
  type ApplicationStatus,
  type ContactRequestStore,
  type ListReport,
} from '../storage/index.js';
import {
  applicationBlock,
  applicationsTable,
  contactRequestsTable,
  formatDateTime,
  type CommitteeText,
} from './committeeFormat.js';
import { committeeCsv } from './committeeCsv.js';
import { statusLabel, withLabels } from './committeeLabels.js';
import { documentRecord } from './committeeApiDocuments.js';
import { runDocuments, type DocumentsCommand } from './committeeDocuments.js';
import type { DocumentStore } from '../storage/documentStore.js';
import { draftDocumentsOwner } from '../storage/documentsAtSubmission.js';
import type { StatusService } from './statusService.js';
import type { CommitteePdf } from './pdf/committeePdf.js';
import { runPdfCommand, type DossierCommand, type PdfCommand } from './pdf/pdfCommands.js';
import { InvalidSessionDateError, NoCommitteeDateError } from './pdf/committeePdf.js';
import type { FunnelStore } from '../storage/funnelStore.js';
import type { ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import { computeStatistics } from './statistics/programmeStatistics.js';
import { statisticsText } from './statistics/statisticsText.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Everything a command touches, passed in so that nothing here reads the environment. */
export interface CommitteeContext {
  queue: ApplicationQueue;
  /** Where `status` changes a file: the rules, the history, the notice to the applicant. */
  statusService: StatusService;
  requests: ContactRequestStore;
  /** For `documents` (and `purge`, which removes an anonymised file's documents). */
  documents?: DocumentStore;
  /** For `purge`: bot state, its keys, the retention settings and the clock. */
  maintenance?: {
    storage: Storage;
    stateKeys(): AsyncIterable<string>;
    retention: { draftIdleDays: number; fileYearsAfterDecision: number };
    now(): Date;
    /** The applicant outbox: messages about files anonymised here go with their personal data. */
    outbox?: Pick<ApplicantOutbox, 'removeWhere'>;
    /** The applicants' e-mails waiting: those about files anonymised here are dropped too. */
    mailOutbox?: Pick<MailOutbox, 'removeWhere'>;
  };
  /** For `pdf` and `dossier`. */
  pdf?: CommitteePdf;
  /** For `stats`: the funnel counts, the programme settings (budget, target, committee dates) and the clock. */
  statistics?: { funnel: FunnelStore; settings: ProgrammeSettings; now(): Date };
  text: CommitteeText;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export type CommitteeCommand =
  | { name: 'list'; status?: ApplicationStatus; json: boolean }
  | { name: 'show'; reference: string; json: boolean }
  | DocumentsCommand
  | PdfCommand
  | DossierCommand
  | { name: 'export'; csv: string; status?: ApplicationStatus; keys: boolean }
  | { name: 'status'; reference: string; to: ApplicationStatus; by: string; comment?: string }
  | { name: 'callbacks'; json: boolean }
  | { name: 'purge'; dryRun: boolean }
  | { name: 'stats'; json: boolean }
  | { name: 'help' };

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Runs one parsed command and returns the process exit code; refusals are reported on stderr. */
export async function runCommittee(command: CommitteeCommand, context: CommitteeContext): Promise<number> {
  try {
    return await run(command, context);
  } catch (error) {
    context.err(
      `${context.text.t('committee:error.prefix', { message: describeFailure(error, context.text) })}\n`,
    );
    return EXIT_FAILURE;
  }
}

async function run(command: CommitteeCommand, context: CommitteeContext): Promise<number> {
  const { queue, text, out } = context;
  const { t } = text;
  switch (command.name) {
    case 'help':
      out(`${usageText(text)}\n`);
      return EXIT_OK;
    case 'list': {
      const report: ListReport = { skipped: [] };
      const apps = await queue.list({ status: command.status }, report);
      reportSkipped(report, context);
      if (command.json) out(json(apps.map((app) => withLabels(applicationToRecord(app), text))));
      else if (apps.length === 0) {
        out(
          `${command.status ? t('committee:list.emptyStatus', { status: statusLabel(command.status, text) }) : t('committee:list.empty')}\n`,
        );
      } else
        out(`${applicationsTable(apps, text)}\n\n${t('committee:list.total', { total: apps.length })}\n`);
      return EXIT_OK;
    }
    case 'show': {
      const app = await queue.get(command.reference);
      if (!app) throw new UnknownReferenceError(command.reference);
      if (command.json) {
        // The same JSON as the API's GET /api/applications/:reference, documents listed.
        const record = withLabels(applicationToRecord(app), text);
        const documents = context.documents ? await context.documents.list(app.reference) : undefined;
        const records = documents?.map((document) => documentRecord(document, app.submittedAt));
        out(json(records ? { ...record, documents: records } : record));
      } else out(`${applicationBlock(app, text)}\n`);
      return EXIT_OK;
    }
    case 'documents':
      await runDocuments(command, context);
      return EXIT_OK;
    case 'pdf':
    case 'dossier':
      await runPdfCommand(command, context);
      return EXIT_OK;
    case 'stats': {
      const { statistics } = context;
      if (!statistics) throw new Error('stats needs the funnel and the programme settings');
      const stats = await computeStatistics({ queue, ...statistics, now: statistics.now() });
      // --json: the body of GET /api/statistics.
      out(command.json ? json(stats) : statisticsText(stats, text));
      return EXIT_OK;
    }
    case 'export': {
      const report: ListReport = { skipped: [] };
      const apps = await queue.list({ status: command.status }, report);
      reportSkipped(report, context);
      const file = path.resolve(context.cwd, command.csv);
      await writeFile(file, committeeCsv(apps, text, { keys: command.keys }), 'utf8');
      out(`${t('committee:export.done', { total: apps.length, file })}\n`);
      return EXIT_OK;
    }
    case 'status': {
      // The service reads the file first, so an unknown reference never creates the data folders.
      const { reference, to, by, comment } = command;
      const after = await context.statusService.change({
        reference,
        to,
        by,
        ...(comment ? { comment } : {}),
      });
      const from = after.history[after.history.length - 1]?.from ?? after.status;
      const labels = { from: statusLabel(from, text), to: statusLabel(after.status, text) };
      out(`${t('committee:status.changed', { reference: after.reference, ...labels })}\n`);
      return EXIT_OK;
    }
    case 'purge':
      return purge(command.dryRun, context);
    case 'callbacks': {
      const requests = await context.requests.list();
      if (command.json) out(json(requests.map(contactRequestView)));
      else if (requests.length === 0) out(`${t('committee:callbacks.empty')}\n`);
      else
        out(
          `${contactRequestsTable(requests, text)}\n\n${t('committee:callbacks.total', { total: requests.length })}\n`,
        );
      return EXIT_OK;
    }
  }
}

/** On stderr, so that `list --json` stays valid JSON: which files were left out because unreadable. */
function reportSkipped(report: ListReport, context: CommitteeContext): void {
  if (report.skipped.length === 0) return;
  context.err(
    `${context.text.t('committee:list.skipped', { count: report.skipped.length, references: report.skipped.join(', ') })}\n`,
  );
}

/**
 * Retention (DOMAIN.md, "Personal data"): drafts idle past the setting are deleted from user state; decided
 * files past their retention, or whose applicant asked for erasure, lose their personal fields.
 */
async function purge(dryRun: boolean, context: CommitteeContext): Promise<number> {
  const { maintenance, queue, text, out } = context;
  if (!maintenance) throw new Error('purge needs the bot state and the programme settings');
  const now = maintenance.now();
  const { draftIdleDays, fileYearsAfterDecision } = maintenance.retention;
  const drafts = await purgeIdleDrafts(
    maintenance.storage,
    maintenance.stateKeys(),
    (updatedAt) => isDraftIdle(updatedAt, draftIdleDays, now),
    {
      dryRun,
      onPurged: (draftId) => context.documents?.removeAll(draftDocumentsOwner(draftId)) ?? Promise.resolve(),
    },
  );
  const due = (await queue.list()).filter((app) => dueForAnonymisation(app, fileYearsAfterDecision, now));
  if (!dryRun) {
    for (const app of due) {
      await queue.amend(app.reference, anonymisation(app, now));
      // A Kbis names the managers, a RIB is a bank account: an anonymised file keeps no document.
      await context.documents?.removeAll(app.reference);
    }
  }
  const anonymised = new Set(due.map((app) => app.reference));
  if (!dryRun && anonymised.size > 0) {
    await maintenance.outbox?.removeWhere(
      (message) => message.content.kind === 'status' && anonymised.has(message.content.reference),
    );
    await maintenance.mailOutbox?.removeWhere((entry) => anonymised.has(entry.reference));
  }
  out(
    `${text.t(dryRun ? 'committee:purge.dryRun' : 'committee:purge.done', {
      scanned: drafts.scanned,
      drafts: drafts.purged,
      skipped: drafts.skipped,
      files: due.length,
      references: due.map((app) => app.reference).join(', ') || '—',
    })}\n`,
  );
  const codes = await purgeExpiredResumeCodes(maintenance.storage, maintenance.stateKeys(), now, { dryRun });
  if (codes > 0) {
    out(
      `${text.t(dryRun ? 'committee:purge.resumeCodesDue' : 'committee:purge.resumeCodesDone', { count: codes })}\n`,
    );
  }
  // Erasure requests on open files: kept whole until the committee decides, and said so.
  const waiting = (await queue.list()).filter(
    (app) => app.retention?.erasureRequestedAt && !app.retention.anonymisedAt && !decisionDate(app),
  );
  if (waiting.length > 0) {
    const items = waiting.map((app) =>
      text.t('committee:purge.erasureItem', {
        reference: app.reference,
        at: formatDateTime(app.retention?.erasureRequestedAt ?? '', text.locale),
      }),
    );
    out(`${text.t('committee:purge.erasureWaiting', { count: waiting.length, items: items.join(', ') })}\n`);
  }
  const erased = due.filter((app) => app.retention?.erasureRequestedAt);
  if (erased.length > 0) {
    const items = erased.map((app) =>
      text.t('committee:purge.erasureItem', {
        reference: app.reference,
        at: formatDateTime(app.retention?.erasureRequestedAt ?? '', text.locale),
      }),
    );
    out(
      `${text.t(dryRun ? 'committee:purge.erasureDue' : 'committee:purge.erasureDone', { count: erased.length, items: items.join(', ') })}\n`,
    );
  }
  return EXIT_OK;
}

export function usageText(text: CommitteeText): string {
  const { t, list } = text;
  const statuses = Object.keys(STATUS_TRANSITIONS).join(', ');
  return [
    t('committee:usage.title'),
    '',
    t('committee:usage.commandsTitle'),
    ...list('committee:usage.commands'),
    '',
    ...list('committee:usage.footer', { statuses }),
  ].join('\n');
}

function describeFailure(error: unknown, text: CommitteeText): string {
  const { t } = text;
  if (error instanceof UnknownReferenceError) {
    return t('committee:error.unknownReference', { reference: error.reference });
  }
  if (error instanceof IllegalTransitionError) {
    const allowed = STATUS_TRANSITIONS[error.from];
    return t('committee:error.illegalTransition', {
      reference: error.reference,
      from: error.from,
      to: error.to,
      allowed: allowed.length > 0 ? allowed.join(', ') : t('committee:error.finalStatus'),
    });
  }
  if (error instanceof NoCommitteeDateError) return t('pdf:cli.noCommitteeDate');
  if (error instanceof InvalidSessionDateError) return t('pdf:cli.invalidDate', { date: error.date });
  if (error instanceof LockTimeoutError) return t('committee:error.locked');
  if (error instanceof CorruptJsonFileError) return t('committee:error.corrupt', { file: error.filePath });
  return t('committee:error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
