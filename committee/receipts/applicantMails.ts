import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { statusChangeMessage } from '../../dialogs/statusMessages.js';
import { submissionNextStep } from '../../dialogs/submissionNextStep.js';
import type { TurnLanguage } from '../../dialogs/translator.js';
import type { StatusChange, StoredApplication } from '../../storage/applicationQueue.js';

/** The words of one e-mail; the address, the sender and the attachment are added by the mailer. */
export interface MailWords {
  subject: string;
  text: string;
}

const EMAIL_KEY = 'contact.email';

/** The contact's address from the file, or undefined (not given, or anonymised). */
export function contactAddress(application: StoredApplication): string | undefined {
  const value = application.data[EMAIL_KEY];
  return typeof value === 'string' && value.includes('@') ? value : undefined;
}

function greeting(language: TurnLanguage, application: StoredApplication): string {
  const first = application.data['contact.firstName'];
  const last = application.data['contact.lastName'];
  const name = [first, last].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return name ? language.t('receipts:mail.greetingNamed', { name }) : language.t('receipts:mail.greeting');
}

const closing = (language: TurnLanguage): string[] => [
  language.t('receipts:mail.follow'),
  language.t('receipts:mail.signature'),
  language.t('receipts:mail.automatic'),
];

/** The receipt of a file just sent: its reference, what happens next, the PDF attached. */
export function receiptMail(
  language: TurnLanguage,
  application: StoredApplication,
  settings: ProgrammeSettings,
  now: Date,
): MailWords {
  const { t } = language;
  const examinedAsIneligible = application.checks?.ineligibleReview === true;
  return {
    subject: t('receipts:receipt.subject', { reference: application.reference }),
    text: [
      greeting(language, application),
      t('receipts:receipt.received', {
        reference: application.reference,
        date: application.submittedAt.slice(0, 10),
      }),
      submissionNextStep(t, settings, now, examinedAsIneligible),
      t('receipts:receipt.attached'),
      ...closing(language),
    ].join('\n\n'),
  };
}

/** A status change: the chat's own message (same keys), introduced as such. */
export function statusMail(
  language: TurnLanguage,
  application: StoredApplication,
  change: StatusChange,
  settings: ProgrammeSettings,
  received?: readonly (string | undefined)[],
): MailWords {
  const { t } = language;
  return {
    subject: t('receipts:status.subject', {
      reference: application.reference,
      label: t(`status:label.${change.to}`),
    }),
    text: [
      greeting(language, application),
      t('receipts:status.intro'),
      statusChangeMessage(language, application, change, settings, received),
      ...closing(language),
    ].join('\n\n'),
  };
}
