import { STATUS_TRANSITIONS, canTransition } from '../../dialogs/domain/applicationStatus.js';
import { FIELD_REGISTRY } from '../../dialogs/domain/fieldRegistry.js';
import { fileFlagLines } from '../../dialogs/fileFlagLines.js';
import { escapeHtml as e } from '../../bot/webPage/htmlEscape.js';
import { applicationRecord, dataKeysOf, type StoredApplication } from '../../storage/index.js';
import { displayedHistory } from '../../storage/displayUserId.js';
import type { StoredDocument } from '../../storage/documentStore.js';
import { formatAmount, formatDateTime, formatValue } from '../committeeFormat.js';
import {
  originLabel,
  reasonLabel,
  statusLabel,
  verdictLabel,
  type CommitteeText,
} from '../committeeLabels.js';
import { BACK_OFFICE_ROOT, link } from './backOfficeHttp.js';
import { hiddenFields } from './backOfficeLayout.js';
import { mayChangeTo } from './backOfficeRoles.js';
import type { BackOfficeUser } from './backOfficeSessions.js';

export interface FilePageOptions {
  text: CommitteeText;
  user: BackOfficeUser;
  app: StoredApplication;
  documents: StoredDocument[];
  /** The pieces the programme asks for (settings.documents). */
  requiredPieces: readonly string[];
  /** With the PDF hook: « Télécharger le PDF ». */
  pdf: boolean;
  /** A notice after an action (locale key under backOffice:notice / backOffice:problem). */
  notice?: { kind: 'done' | 'problem'; key: string };
  /** Names offered in the assignment field (those already assigned, and the user's own). */
  assignees: string[];
}

/** The recap's groups, in the recap's order; a key no question asks goes last. */
const GROUPS = ['company', 'project', 'financing', 'contact', 'other'] as const;

/** A path of the file; forms post to it without `lang` (their hidden field carries it). */
const filePath = (app: StoredApplication, tail = '') =>
  `${BACK_OFFICE_ROOT}/files/${encodeURIComponent(app.reference)}${tail}`;
const fileHref = (app: StoredApplication, text: CommitteeText, tail = '') => link(filePath(app, tail), text);

function definitionList(pairs: [string, string][]): string {
  return `<dl class="bo-facts">${pairs.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('')}</dl>`;
}

function section(id: string, title: string, body: string): string {
  return `<section class="bo-section" aria-labelledby="${id}"><h2 id="${id}">${e(title)}</h2>\n${body}\n</section>`;
}

function summary({ text, app }: FilePageOptions): string {
  const t = (key: string) => text.t(`backOffice:file.summary.${key}`);
  return definitionList([
    [t('status'), statusLabel(app.status, text)],
    [t('submittedAt'), formatDateTime(app.submittedAt, text.locale)],
    [t('origin'), `${originLabel(app.origin, text)} (${app.channel})`],
    [t('assignedTo'), app.assignedTo ?? t('unassigned')],
  ]);
}

function eligibility({ text, app }: FilePageOptions): string {
  const t = (key: string) => text.t(`backOffice:file.${key}`);
  const verdict = app.eligibility
    ? verdictLabel(app.eligibility.verdict, text)
    : text.t('committee:value.none');
  const reasons = (app.eligibility?.reasons ?? []).map(
    (reason) => `<li>${e(reasonLabel(reason, text))}</li>`,
  );
  const flags = fileFlagLines(app, text.t, (amount) => formatAmount(amount, text.locale)).map(
    (line) => `<li>${e(line)}</li>`,
  );
  return section(
    'file-eligibility',
    t('eligibility'),
    `<p class="bo-verdict bo-verdict--${e(app.eligibility?.verdict ?? 'none')}">${e(t('verdict'))} ${e(verdict)}</p>
${reasons.length > 0 ? `<h3>${e(t('reasons'))}</h3><ul>${reasons.join('')}</ul>` : ''}
${flags.length > 0 ? `<h3>${e(t('flags'))}</h3><ul>${flags.join('')}</ul>` : ''}`,
  );
}

/** Every answer, grouped as in the recap (entreprise, projet, financement, contact). */
function answers({ text, app }: FilePageOptions): string {
  const record = applicationRecord(app, FIELD_REGISTRY);
  const groups = new Map<string, [string, string][]>();
  for (const key of dataKeysOf(app)) {
    const field = FIELD_REGISTRY.find(key);
    const group = field?.group ?? 'other';
    const labelKey = field?.labelKey ?? `committee:field.${key}`;
    const label = text.hasKey(labelKey) ? text.t(labelKey) : key;
    groups.set(group, [...(groups.get(group) ?? []), [label, formatValue(key, record[key], text)]]);
  }
  const body = GROUPS.filter((group) => groups.has(group))
    .map((group) => {
      const title =
        group === 'other' ? text.t('backOffice:file.otherGroup') : text.t(`application:group.${group}`);
      return `<h3>${e(title)}</h3>\n${definitionList(groups.get(group) ?? [])}`;
    })
    .join('\n');
  return section('file-answers', text.t('backOffice:file.answers'), body);
}

function documents({ text, app, documents: docs, requiredPieces }: FilePageOptions): string {
  const t = (key: string, params?: Record<string, unknown>) => text.t(`backOffice:file.${key}`, params);
  const pieceLabel = (piece: string | undefined) => {
    const key = `applicationFlow:documents.${piece ?? ''}`;
    return piece && text.hasKey(key) ? text.t(key) : t('pieceUnknown');
  };
  const items = docs.map(
    (doc) =>
      `<li><a href="${e(fileHref(app, text, `/documents/${encodeURIComponent(doc.id)}`))}" download>${e(doc.name)}</a> — ${e(pieceLabel(doc.piece))}, ${e(formatDateTime(doc.receivedAt, text.locale))}</li>`,
  );
  const received = new Set(docs.map((doc) => doc.piece));
  const missing = requiredPieces
    .filter((piece) => !received.has(piece))
    .map((p) => `<li>${e(pieceLabel(p))}</li>`);
  return section(
    'file-documents',
    t('documents'),
    `${items.length > 0 ? `<ul>${items.join('')}</ul>` : `<p>${e(t('noDocuments'))}</p>`}
${missing.length > 0 ? `<h3>${e(t('missingPieces'))}</h3><ul>${missing.join('')}</ul>` : ''}`,
  );
}

function history({ text, app }: FilePageOptions): string {
  const lines = displayedHistory(app).map((change) => {
    const at = formatDateTime(change.at, text.locale);
    if (change.kind === 'documentAdded') {
      const key = `documents:piece.${change.piece ?? 'other'}`;
      return text.t('committee:show.historyDocumentAdded', {
        at,
        by: change.by,
        piece: text.hasKey(key) ? text.t(key) : (change.piece ?? ''),
        documentId: change.documentId ?? '',
      });
    }
    const line = text.t('committee:show.historyLine', {
      at,
      by: change.by,
      from: change.from ? statusLabel(change.from, text) : text.t('committee:show.submission'),
      to: statusLabel(change.to, text),
    });
    return change.comment
      ? `${line} ${text.t('committee:show.historyComment', { comment: change.comment })}`
      : line;
  });
  return section(
    'file-history',
    text.t('backOffice:file.history'),
    `<ol class="bo-history">${lines.map((line) => `<li>${e(line)}</li>`).join('')}</ol>`,
  );
}

function notes({ text, app, user }: FilePageOptions): string {
  const t = (key: string) => text.t(`backOffice:file.notes.${key}`);
  const items = (app.notes ?? []).map(
    (note) =>
      `<li><p class="bo-note-meta">${e(text.t('backOffice:file.notes.meta', { at: formatDateTime(note.at, text.locale), by: note.by }))}</p><p class="bo-note-text">${e(note.text)}</p></li>`,
  );
  return section(
    'file-notes',
    t('heading'),
    `<p class="bo-hint">${e(t('private'))}</p>
${items.length > 0 ? `<ul class="bo-notes">${items.join('')}</ul>` : `<p>${e(t('none'))}</p>`}
<form method="post" action="${e(filePath(app, '/notes'))}" class="bo-form">${hiddenFields(user, text)}
<label for="note-text">${e(t('label'))}</label>
<textarea id="note-text" name="text" rows="3" maxlength="2000" required></textarea>
<button type="submit" class="button">${e(t('add'))}</button></form>`,
  );
}

function actions(options: FilePageOptions): string {
  const { text, app, user, requiredPieces, documents: docs } = options;
  const t = (key: string, params?: Record<string, unknown>) => text.t(`backOffice:file.${key}`, params);
  const action = (tail: string) => e(filePath(app, tail));
  const next = STATUS_TRANSITIONS[app.status].filter((status) => mayChangeTo(user.role, status));
  const statusForm =
    next.length === 0
      ? `<p>${e(t('status.none'))}</p>`
      : `<form method="post" action="${action('/status')}" class="bo-form">${hiddenFields(user, text)}
<label for="status-to">${e(t('status.to'))}</label>
<select id="status-to" name="status" required>${next.map((s) => `<option value="${e(s)}">${e(statusLabel(s, text))}</option>`).join('')}</select>
<label for="status-comment">${e(t('status.comment'))}</label>
<textarea id="status-comment" name="comment" rows="2" maxlength="1000" aria-describedby="status-comment-hint"></textarea>
<p id="status-comment-hint" class="bo-hint">${e(t('status.commentHint'))}</p>
<button type="submit" class="button">${e(t('status.submit'))}</button></form>`;
  const received = new Set(docs.map((doc) => doc.piece));
  const complement = canTransition(app.status, 'incomplete')
    ? `<form method="post" action="${action('/complement')}" class="bo-form">${hiddenFields(user, text)}
<fieldset><legend>${e(t('complement.pieces'))}</legend>
${requiredPieces
  .map(
    (piece) =>
      `<div class="bo-check"><input type="checkbox" id="piece-${e(piece)}" name="piece" value="${e(piece)}"${received.has(piece) ? '' : ' checked'}><label for="piece-${e(piece)}">${e(text.t(`applicationFlow:documents.${piece}`))}</label></div>`,
  )
  .join('\n')}
</fieldset>
<label for="complement-comment">${e(t('complement.comment'))}</label>
<textarea id="complement-comment" name="comment" rows="2" maxlength="1000"></textarea>
<button type="submit" class="button">${e(t('complement.submit'))}</button></form>`
    : `<p>${e(t('complement.unavailable'))}</p>`;
  const names = [...new Set([user.name, ...options.assignees])].filter((n) => n !== '');
  const assign = `<form method="post" action="${action('/assign')}" class="bo-form">${hiddenFields(user, text)}
<label for="assign-to">${e(t('assign.to'))}</label>
<input id="assign-to" name="assignedTo" list="assign-names" maxlength="100" value="${e(app.assignedTo ?? '')}" aria-describedby="assign-hint">
<datalist id="assign-names">${names.map((n) => `<option value="${e(n)}"></option>`).join('')}</datalist>
<p id="assign-hint" class="bo-hint">${e(t('assign.hint'))}</p>
<button type="submit" class="button">${e(t('assign.submit'))}</button></form>`;
  return `${section('file-status', t('status.heading'), statusForm)}
${section('file-complement', t('complement.heading'), complement)}
${section('file-assign', t('assign.heading'), assign)}`;
}

/** The file: summary, eligibility, answers, documents, history, private notes and the actions. */
export function fileMain(options: FilePageOptions): string {
  const { text, app, notice } = options;
  const noticeHtml = notice
    ? `<p class="bo-notice bo-notice--${notice.kind}" role="${notice.kind === 'problem' ? 'alert' : 'status'}">${e(text.t(`backOffice:${notice.kind === 'done' ? 'notice' : 'problem'}.${notice.key}`))}</p>`
    : '';
  const pdf = options.pdf
    ? `<p><a class="button button--outline" href="${e(fileHref(app, text, '/pdf'))}">${e(text.t('backOffice:file.pdf'))}</a></p>`
    : '';
  return `${noticeHtml}
<p><a href="${e(link(BACK_OFFICE_ROOT, text))}">${e(text.t('backOffice:file.back'))}</a></p>
<section class="bo-section bo-summary" aria-label="${e(text.t('backOffice:file.summary.label'))}">
${summary(options)}
${pdf}
</section>
<div class="bo-columns"><div class="bo-column">
${eligibility(options)}
${answers(options)}
${documents(options)}
${history(options)}
</div><div class="bo-column">
${notes(options)}
${actions(options)}
</div></div>`;
}
