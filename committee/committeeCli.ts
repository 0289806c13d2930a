import 'dotenv/config';
import path from 'node:path';
import { createStores } from '../storage/createStores.js';
import { statusMessageFor } from '../storage/applicantOutbox.js';
import { statusMailFor } from '../storage/mailOutbox.js';
import { readMail } from '../bot/mail/mailConfig.js';
import { contactAddress } from './receipts/applicantMails.js';
import { readStorageBackend } from '../storage/storageBackend.js';
import { isIsoDate, loadProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import { CommitteePdf } from './pdf/committeePdf.js';
import { APPLICATION_STATUSES, isApplicationStatus, type ApplicationStatus } from '../storage/index.js';
import type { CommitteeText } from './committeeFormat.js';
import {
  EXIT_FAILURE,
  EXIT_USAGE,
  runCommittee,
  usageText,
  type CommitteeCommand,
} from './committeeCommands.js';
import { Localizer } from '../bot/i18n.js';
import { createStatusService } from './statusService.js';

/**
 * `npm run committee -- <command>`: the committee's tool over the application files in DATA_DIR.
 * Exit codes: 0 success, 1 refused or failed (unknown reference, illegal transition…), 2 wrong usage.
 */

/** A usage mistake: its message key and values in committee.json's `error` section. */
class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

interface CommandSpec {
  /** Names of the positional arguments, as the usage text writes them. */
  positionals: string[];
  /** Options taking a value. */
  values: string[];
  flags: string[];
}

const COMMANDS: Record<CommitteeCommand['name'], CommandSpec> = {
  list: { positionals: [], values: ['status'], flags: ['json'] },
  show: { positionals: ['REF'], values: [], flags: ['json'] },
  documents: { positionals: ['REF'], values: ['out'], flags: ['json'] },
  pdf: { positionals: ['REF'], values: ['out'], flags: [] },
  dossier: { positionals: [], values: ['date', 'out'], flags: [] },
  export: { positionals: [], values: ['csv', 'status'], flags: ['keys'] },
  status: { positionals: ['REF', 'NEW_STATUS'], values: ['comment', 'by'], flags: [] },
  callbacks: { positionals: [], values: [], flags: ['json'] },
  purge: { positionals: [], values: [], flags: ['dry-run'] },
  stats: { positionals: [], values: [], flags: ['json'] },
  help: { positionals: [], values: [], flags: [] },
};

interface RawArguments {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

function isCommandName(name: string): name is CommitteeCommand['name'] {
  return Object.hasOwn(COMMANDS, name);
}

/** Splits `--name value`, `--name=value` and flags by the command's spec; anything unknown is a usage error. */
function readArguments(command: string, spec: CommandSpec, args: string[]): RawArguments {
  const raw: RawArguments = { positionals: [], values: new Map(), flags: new Set() };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--') {
      raw.positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      raw.positionals.push(arg);
      continue;
    }
    const [name, inline] = splitOption(arg.slice(2));
    if (spec.flags.includes(name) && inline === undefined) raw.flags.add(name);
    else if (spec.values.includes(name)) {
      const value = inline ?? args[index + 1];
      // `--comment --by x`: the next option is not the comment.
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError('missingValue', { option: `--${name}` });
      }
      if (inline === undefined) index++;
      if (value.trim() === '') throw new UsageError('emptyValue', { option: `--${name}` });
      raw.values.set(name, value);
    } else throw new UsageError('unknownOption', { option: `--${name}`, command });
  }
  if (raw.positionals.length < spec.positionals.length) {
    throw new UsageError('missingArgument', { argument: spec.positionals[raw.positionals.length], command });
  }
  if (raw.positionals.length > spec.positionals.length) {
    throw new UsageError('unexpectedArgument', { argument: raw.positionals[spec.positionals.length] });
  }
  return raw;
}

function splitOption(option: string): [string, string | undefined] {
  const equals = option.indexOf('=');
  return equals < 0 ? [option, undefined] : [option.slice(0, equals), option.slice(equals + 1)];
}

function statusArgument(value: string | undefined): ApplicationStatus | undefined {
  if (value === undefined) return undefined;
  if (!isApplicationStatus(value)) {
    throw new UsageError('unknownStatus', { status: value, statuses: APPLICATION_STATUSES.join(', ') });
  }
  return value;
}

function required(raw: RawArguments, option: string, command: string): string {
  const value = raw.values.get(option);
  if (value === undefined) throw new UsageError('missingOption', { option: `--${option}`, command });
  return value;
}

/** References are written upper case; `alz-2026-0007` typed in a hurry still finds the file. */
const reference = (value: string): string => value.trim().toUpperCase();

function parseCommitteeArguments(args: string[]): CommitteeCommand {
  if (args.some((arg) => arg === '--help' || arg === '-h')) return { name: 'help' };
  const [name, ...rest] = args;
  if (name === undefined) throw new UsageError('missingCommand');
  if (!isCommandName(name)) throw new UsageError('unknownCommand', { command: name });
  const raw = readArguments(name, COMMANDS[name], rest);
  const json = raw.flags.has('json');
  switch (name) {
    case 'list':
      return { name, json, status: statusArgument(raw.values.get('status')) };
    case 'show':
      return { name, json, reference: reference(raw.positionals[0]) };
    case 'documents': {
      const out = raw.values.get('out');
      return { name, json, reference: reference(raw.positionals[0]), ...(out ? { out } : {}) };
    }
    case 'pdf': {
      const out = raw.values.get('out');
      return { name, reference: reference(raw.positionals[0]), ...(out ? { out } : {}) };
    }
    case 'dossier': {
      const out = raw.values.get('out');
      const date = raw.values.get('date')?.trim();
      if (date !== undefined && !isIsoDate(date)) throw new UsageError('invalidDate', { date });
      return { name, ...(date ? { date } : {}), ...(out ? { out } : {}) };
    }
    case 'export':
      return {
        name,
        csv: required(raw, 'csv', name),
        status: statusArgument(raw.values.get('status')),
        keys: raw.flags.has('keys'),
      };
    case 'status': {
      const to = statusArgument(raw.positionals[1]) as ApplicationStatus;
      const by = required(raw, 'by', name).trim();
      const comment = raw.values.get('comment')?.trim();
      return { name, reference: reference(raw.positionals[0]), to, by, ...(comment ? { comment } : {}) };
    }
    case 'callbacks':
      return { name, json };
    case 'purge':
      return { name, dryRun: raw.flags.has('dry-run') };
    case 'stats':
      return { name, json };
    case 'help':
      return { name };
  }
}

/** French unless the shell's LANG asks for English (`en_US.UTF-8`, `en_GB`…). */
const localeOf = (env: NodeJS.ProcessEnv) => ((env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr');

function committeeText(localizer: Localizer, env: NodeJS.ProcessEnv): CommitteeText {
  const locale = localeOf(env);
  return { ...localizer.language(locale), hasKey: (key) => localizer.hasKey(locale, key) };
}

async function main(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const localizer = new Localizer();
  const text = committeeText(localizer, env);
  let command: CommitteeCommand;
  try {
    command = parseCommitteeArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const message = text.t(`committee:error.${error.key}`, error.values);
    process.stderr.write(`${text.t('committee:error.prefix', { message })}\n\n${usageText(text)}\n`);
    return EXIT_USAGE;
  }
  // Same rule as the server (bot/config.ts): DATA_DIR, default ./data, relative to the working directory.
  const cwd = process.cwd();
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || './data');
  // The same back end as the server (STORAGE=lowdb|azure): the committee reads what the bot wrote.
  const { backend, problems } = readStorageBackend((name) => (env[name] ?? '').trim());
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return EXIT_USAGE;
  }
  const stores = createStores({ dataDir, backend });
  const settingsFile = path.resolve(cwd, env.PROGRAMME_FILE?.trim() || './programme/alize.settings.json');
  const maintenance =
    command.name === 'purge'
      ? {
          storage: stores.storage,
          stateKeys: () => stores.stateKeys(),
          retention: loadProgrammeSettings(settingsFile).retention,
          now: () => new Date(),
          outbox: stores.applicantOutbox,
          mailOutbox: stores.mailOutbox,
        }
      : undefined;
  const mailOn = readMail((name) => (env[name] ?? '').trim(), []) !== undefined;
  const pdf =
    command.name === 'pdf' || command.name === 'dossier'
      ? new CommitteePdf({
          queue: stores.queue,
          documents: stores.documents,
          localizer,
          settings: loadProgrammeSettings(settingsFile),
          clock: () => new Date(),
          locale: localeOf(env),
        })
      : undefined;
  // The CLI has no way to the applicant's conversation: the notice waits in the outbox for the server.
  const statusService = createStatusService({
    queue: stores.queue,
    deliver: async (application, change) => {
      await stores.applicantOutbox.add(statusMessageFor(application, change), new Date());
      // The e-mail next to it, when the server sends mail (the same SMTP_URL and MAIL_FROM): it sends it.
      if (mailOn && contactAddress(application)) {
        await stores.mailOutbox.add(statusMailFor(application, change), new Date());
      }
    },
    onDeliveryError: () => process.stderr.write(`${text.t('committee:status.notNotified')}\n`),
  });
  return runCommittee(command, {
    queue: stores.queue,
    statusService,
    requests: stores.contactRequests,
    documents: stores.documents,
    ...(maintenance ? { maintenance } : {}),
    ...(pdf ? { pdf } : {}),
    ...(command.name === 'stats'
      ? {
          statistics: {
            funnel: stores.funnel,
            settings: loadProgrammeSettings(settingsFile),
            now: () => new Date(),
          },
        }
      : {}),
    text,
    cwd,
    out: (chunk) => process.stdout.write(chunk),
    err: (chunk) => process.stderr.write(chunk),
  });
}

// exitCode rather than exit(): a long `list --json` piped to another program is fully flushed first.
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILURE;
});
