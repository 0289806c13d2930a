import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { documentRefusalSentence } from '../../dialogs/documentSentences.js';
import { megabytes, type DocumentLimits } from '../../dialogs/domain/documentChecks.js';
import {
  asksToAddDocument,
  documentPieces,
  missingPieces,
  recognisePiece,
} from '../../dialogs/domain/documentPieces.js';
import { KBIS_PIECE, kbisIssuedOnIn, kbisTooOld } from '../../dialogs/domain/kbisAge.js';
import { formatDate } from '../../dialogs/formatting.js';
import { languageOf, type TurnLanguage } from '../../dialogs/translator.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import type { DocumentIntake } from '../../storage/documentIntake.js';
import type { DocumentStore, StoredDocument } from '../../storage/documentStore.js';
import { draftDocumentsOwner } from '../../storage/documentsAtSubmission.js';
import type { Logger } from '../logger.js';
import { fileAttachments, type AttachmentSources } from './attachmentSources.js';

/** The value of a "which piece is it" button. */
interface PieceChoice {
  alizeDocument: string;
  piece: string;
}

export interface DocumentReceiverParts {
  intake: DocumentIntake;
  store: DocumentStore;
  sources: AttachmentSources;
  limits: DocumentLimits;
  /** The programme's required pieces (settings `documents`). */
  required: readonly string[];
  logger: Logger;
  /** A document joined a submitted file: its history and the committee hear of it. */
  onAddedToFile?: (reference: string, document: StoredDocument, context: TurnContext) => Promise<void>;
  /** Today, for the Kbis' age; and where the applicant's days are counted (the programme's time zone). */
  clock: () => Date;
  timeZone: string;
}

/** Whose documents these are: the draft being filled, or else the user's last submitted file. */
export function documentOwnerOf(profile: UserProfile): { owner: string; reference?: string } | undefined {
  if (profile.application) return { owner: draftDocumentsOwner(profile.application.id) };
  const last = profile.submitted?.at(-1);
  return last ? { owner: last.reference, reference: last.reference } : undefined;
}

function pieceChoiceOf(value: unknown): PieceChoice | undefined {
  const choice = value as Partial<PieceChoice> | undefined;
  return typeof choice?.alizeDocument === 'string' && typeof choice.piece === 'string'
    ? (choice as PieceChoice)
    : undefined;
}

export function pieceLabel(t: TurnLanguage['t'], piece: string): string {
  return t(`documents:piece.${piece}`);
}

/**
 * Files sent in the chat, whatever dialog is running: each is fetched from a trusted source, checked and kept
 * with the draft (or the submitted file), and the applicant is told what was received, which piece it is (from
 * their words, or with buttons) and what is still missing.
 */
export class DocumentReceiver {
  constructor(private readonly parts: DocumentReceiverParts) {}

  /** "Supprimer mes données": the draft's documents go at once. */
  async eraseDraft(draftId: string): Promise<void> {
    await this.parts.store.removeAll(draftDocumentsOwner(draftId));
  }

  /**
   * The answer to « De quelle date est cet extrait Kbis ? », asked once, in the message right after: a day is
   * kept with the document; anything else goes to the dialog as usual (the question is not asked again).
   */
  async answersKbisDate(context: TurnContext, profile: UserProfile): Promise<boolean> {
    const asked = profile.kbisDateAsked;
    if (!asked) return false;
    delete profile.kbisDateAsked;
    const language = languageOf(context);
    const issuedOn = this.issuedOnIn(context.activity.text ?? '', language, false);
    if (!issuedOn || documentOwnerOf(profile)?.owner !== asked.owner) return false;
    const dated = await this.parts.store.label(asked.owner, asked.documentId, KBIS_PIECE, issuedOn);
    if (!dated) return false;
    await this.sayKbisDate(context, language, issuedOn);
    return true;
  }

  handles(activity: Partial<Activity>): boolean {
    return (
      fileAttachments(activity.attachments).length > 0 ||
      pieceChoiceOf(activity.value) !== undefined ||
      asksToAddDocument(activity.text ?? '')
    );
  }

  async receive(context: TurnContext, profile: UserProfile): Promise<void> {
    const language = languageOf(context);
    const { t } = language;
    const target = documentOwnerOf(profile);
    // A file or a button instead of the extract's date: the question is not carried on.
    delete profile.kbisDateAsked;
    if (!target) {
      await context.sendActivity(t('documents:noFile'));
      return;
    }
    const pieces = documentPieces(this.parts.required);
    const choice = pieceChoiceOf(context.activity.value);
    if (choice) {
      const labelled = pieces.includes(choice.piece)
        ? await this.parts.store.label(target.owner, choice.alizeDocument, choice.piece)
        : undefined;
      await context.sendActivity(
        labelled
          ? t('documents:labelled', { name: labelled.name, piece: pieceLabel(t, choice.piece) })
          : t('documents:unknownDocument'),
      );
      if (!labelled) return;
      if (labelled.piece === KBIS_PIECE && !labelled.issuedOn)
        this.askKbisDate(profile, target.owner, labelled);
      await this.sendMissing(context, language, target.owner);
      if (profile.kbisDateAsked) await context.sendActivity(t('documents:kbisDate.ask'));
      return;
    }
    if (fileAttachments(context.activity.attachments).length === 0) {
      // "Ajouter un document à mon dossier": how to, and what is still expected (also after submission).
      await context.sendActivity(
        target.reference
          ? t('documents:howToAddToFile', { reference: target.reference })
          : t('documents:howToAdd'),
      );
      await this.sendMissing(context, language, target.owner);
      return;
    }
    const said = recognisePiece(context.activity.text ?? '', pieces);
    // « Voici le Kbis du 12 novembre 2026 »: the extract's day, from the same words.
    const issuedOn =
      said === KBIS_PIECE ? this.issuedOnIn(context.activity.text ?? '', language, true) : undefined;
    for (const attachment of fileAttachments(context.activity.attachments)) {
      const fetched = await this.parts.sources.fetch(context, attachment);
      if ('refused' in fetched) {
        this.parts.logger.warn({ event: 'document_source_refused', reason: fetched.refused }, 'document');
        await context.sendActivity(t(`documents:source.${fetched.refused}`));
        continue;
      }
      const { file } = fetched;
      if (!file.bytes) {
        const refusal = { reason: 'tooBig' as const, params: { max: megabytes(this.parts.limits.maxBytes) } };
        await context.sendActivity(documentRefusalSentence(t, refusal));
        continue;
      }
      const result = await this.parts.intake.add(target.owner, {
        name: file.name,
        bytes: file.bytes,
        ...(said ? { piece: said } : {}),
        ...(issuedOn ? { issuedOn } : {}),
      });
      this.parts.logger.info({ event: 'document_received', outcome: result.outcome }, 'document');
      if (result.outcome === 'refused') {
        await context.sendActivity(documentRefusalSentence(t, result.refusal));
        continue;
      }
      if (result.outcome === 'duplicate') {
        await context.sendActivity(t('documents:duplicate', { name: result.document.name }));
        continue;
      }
      const { document } = result;
      if (target.reference) await this.parts.onAddedToFile?.(target.reference, document, context);
      if (document.piece) {
        await context.sendActivity(
          t('documents:receivedAs', { name: document.name, piece: pieceLabel(t, document.piece) }),
        );
        if (document.piece === KBIS_PIECE) {
          if (document.issuedOn) await this.sayKbisDate(context, language, document.issuedOn);
          else this.askKbisDate(profile, target.owner, document);
        }
      } else {
        await context.sendActivity(this.whichPiece(language, document, pieces));
      }
    }
    await this.sendMissing(context, language, target.owner);
    // Last, so that the applicant's next message answers it.
    if (profile.kbisDateAsked) await context.sendActivity(t('documents:kbisDate.ask'));
  }

  private issuedOnIn(text: string, language: TurnLanguage, wordsWithFile: boolean): string | undefined {
    return kbisIssuedOnIn(text, {
      now: this.parts.clock(),
      locale: language.locale,
      timeZone: this.parts.timeZone,
      wordsWithFile,
    });
  }

  /** Once per Kbis whose day is not known: the next message may answer it. */
  private askKbisDate(profile: UserProfile, owner: string, document: StoredDocument): void {
    profile.kbisDateAsked = { owner, documentId: document.id };
  }

  private async sayKbisDate(context: TurnContext, language: TurnLanguage, issuedOn: string): Promise<void> {
    const { t } = language;
    await context.sendActivity(
      t('documents:kbisDate.noted', { date: formatDate(issuedOn, language.locale) }),
    );
    if (kbisTooOld(issuedOn, this.parts.clock(), this.parts.timeZone)) {
      await context.sendActivity(t('documents:kbisDate.old'));
    }
  }

  private whichPiece(language: TurnLanguage, document: StoredDocument, pieces: string[]): Partial<Activity> {
    const { t } = language;
    const buttons = pieces.map((piece) => ({
      type: 'messageBack',
      title: pieceLabel(t, piece),
      displayText: pieceLabel(t, piece),
      text: '',
      value: { alizeDocument: document.id, piece } satisfies PieceChoice,
    }));
    const card = CardFactory.heroCard('', t('documents:whichPiece', { name: document.name }), [], buttons);
    return MessageFactory.attachment(card);
  }

  private async sendMissing(context: TurnContext, language: TurnLanguage, owner: string): Promise<void> {
    const { t } = language;
    const documents = await this.parts.store.list(owner);
    const missing = missingPieces(
      this.parts.required,
      documents.map((document) => document.piece),
    );
    await context.sendActivity(
      missing.length === 0
        ? t('documents:allReceived')
        : `${t('documents:stillMissing')}\n\n${missing.map((piece) => `- ${pieceLabel(t, piece)}`).join('\n')}`,
    );
  }
}
