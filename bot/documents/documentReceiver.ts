import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { documentRefusalSentence } from '../../dialogs/documentSentences.js';
import { megabytes, type DocumentLimits } from '../../dialogs/domain/documentChecks.js';
import {
  asksToAddDocument,
  documentPieces,
  missingPieces,
  recognisePiece,
} from '../../dialogs/domain/documentPieces.js';
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
      if (labelled) await this.sendMissing(context, language, target.owner);
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
      } else {
        await context.sendActivity(this.whichPiece(language, document, pieces));
      }
    }
    await this.sendMissing(context, language, target.owner);
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
