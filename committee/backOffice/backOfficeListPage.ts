import { AID_TYPES } from '../../dialogs/domain/applicationChoices.js';
import { APPLICATION_STATUSES } from '../../dialogs/domain/applicationStatus.js';
import { escapeHtml as e } from '../../bot/webPage/htmlEscape.js';
import { formatAmount, formatDateTime } from '../committeeFormat.js';
import { choiceLabel, statusLabel, type CommitteeText } from '../committeeLabels.js';
import { BACK_OFFICE_ROOT, link } from './backOfficeHttp.js';
import type { ListPage, ListRow } from './backOfficeListModel.js';
import { LIST_COLUMNS, queryParams, UNASSIGNED, type ListColumn, type ListQuery } from './backOfficeQuery.js';

export interface ListPageOptions {
  text: CommitteeText;
  query: ListQuery;
  page: ListPage;
  /** With the PDF hook: the « Dossier de séance » link. */
  dossier: boolean;
}

const NUMERIC: ReadonlySet<ListColumn> = new Set(['amount', 'jobs']);

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
}

function select(name: string, label: string, options: string, hint?: string): string {
  return `<div class="bo-field"><label for="filter-${name}">${e(label)}</label>
<select id="filter-${name}" name="${name}"${hint ? ` aria-describedby="${hint}"` : ''}>${options}</select></div>`;
}

/** The filters and the search: a GET form, so the filtered view is the page's URL. */
function filters({ text, query, page }: ListPageOptions): string {
  const t = (key: string) => text.t(`backOffice:list.${key}`);
  const any = (label: string) => option('', label, false);
  const statuses = APPLICATION_STATUSES.map((s) => option(s, statusLabel(s, text), query.status === s)).join(
    '',
  );
  const communes = page.communes.map((c) => option(c, c, query.commune === c)).join('');
  const volets = AID_TYPES.map((v) =>
    option(v, choiceLabel('project.aidTypes', v, text) ?? v, query.volet === v),
  ).join('');
  const assignees = [
    option(UNASSIGNED, t('filter.unassigned'), query.assigned === UNASSIGNED),
    ...page.assignees.map((a) => option(a, a, query.assigned === a)),
  ].join('');
  const lang = text.locale === 'fr' ? '' : `<input type="hidden" name="lang" value="${e(text.locale)}">`;
  return `<form class="bo-filters" method="get" action="${BACK_OFFICE_ROOT}" role="search" aria-label="${e(t('filter.label'))}">
${lang}<div class="bo-field bo-field--wide"><label for="filter-q">${e(t('filter.search'))}</label>
<input id="filter-q" name="q" type="search" value="${e(query.q)}" maxlength="100" aria-describedby="filter-q-hint">
<p id="filter-q-hint" class="bo-hint">${e(t('filter.searchHint'))}</p></div>
${select('status', t('filter.status'), any(t('filter.any')) + statuses)}
${select('commune', t('filter.commune'), any(t('filter.any')) + communes)}
${select('volet', t('filter.volet'), any(t('filter.any')) + volets)}
${select('assigned', t('filter.assigned'), any(t('filter.any')) + assignees)}
<div class="bo-actions"><button type="submit" class="button">${e(t('filter.apply'))}</button>
<a href="${e(link(BACK_OFFICE_ROOT, text))}">${e(t('filter.reset'))}</a></div>
</form>`;
}

/** A column title that sorts by it; a second click reverses the order. aria-sort says the current one. */
function header(column: ListColumn, options: ListPageOptions): string {
  const { text, query } = options;
  const current = query.sort === column;
  const dir = current && query.dir === 'asc' ? 'desc' : 'asc';
  const href = link(BACK_OFFICE_ROOT, text, queryParams(query, { sort: column, dir, page: 1 }));
  const label = text.t(`backOffice:list.column.${column}`);
  const sorted = current ? ` aria-sort="${query.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
  const arrow = current ? `<span aria-hidden="true">${query.dir === 'asc' ? ' ▲' : ' ▼'}</span>` : '';
  return `<th scope="col"${sorted}${NUMERIC.has(column) ? ' class="bo-num"' : ''}><a href="${e(href)}">${e(label)}${arrow}</a></th>`;
}

function cells(row: ListRow, text: CommitteeText): string {
  const none = e(text.t('committee:value.none'));
  const cell = (value: string, numeric = false) =>
    `<td${numeric ? ' class="bo-num"' : ''}>${value === '' ? none : e(value)}</td>`;
  const volets = row.volets.map((v) => choiceLabel('project.aidTypes', v, text) ?? v).join(', ');
  const href = link(`${BACK_OFFICE_ROOT}/files/${encodeURIComponent(row.reference)}`, text);
  return `<tr><th scope="row"><a href="${e(href)}">${e(row.reference)}</a></th>
${cell(row.company)}${cell(row.commune)}${cell(volets)}${cell(row.amount === undefined ? '' : formatAmount(row.amount, text.locale), true)}${cell(row.jobs === undefined ? '' : String(row.jobs), true)}${cell(statusLabel(row.status, text))}${cell(formatDateTime(row.date, text.locale))}${cell(row.assigned)}</tr>`;
}

function pager({ text, query, page }: ListPageOptions): string {
  if (page.pageCount <= 1) return '';
  const t = (key: string, params?: Record<string, unknown>) => e(text.t(`backOffice:list.${key}`, params));
  const to = (n: number) => e(link(BACK_OFFICE_ROOT, text, queryParams(query, { page: n })));
  const previous =
    page.page > 1 ? `<a href="${to(page.page - 1)}" rel="prev">${t('pager.previous')}</a>` : '';
  const next =
    page.page < page.pageCount ? `<a href="${to(page.page + 1)}" rel="next">${t('pager.next')}</a>` : '';
  return `<nav class="bo-pager" aria-label="${t('pager.label')}">${previous}
<span aria-current="page">${t('pager.position', { page: page.page, count: page.pageCount })}</span>${next}</nav>`;
}

/** The list: filters, the count, the downloads, the table of one page and the pager. */
export function listMain(options: ListPageOptions): string {
  const { text, query, page } = options;
  const t = (key: string, params?: Record<string, unknown>) => e(text.t(`backOffice:list.${key}`, params));
  const csv = link(
    `${BACK_OFFICE_ROOT}/export.csv`,
    text,
    queryParams(query, { page: 1, sort: 'date', dir: 'desc' }),
  );
  const dossier = options.dossier
    ? ` <a class="button button--outline" href="${e(link(`${BACK_OFFICE_ROOT}/dossier.pdf`, text))}">${t('dossier')}</a>`
    : '';
  const body =
    page.rows.length === 0
      ? `<p class="bo-empty">${t('empty')}</p>`
      : `<div class="bo-table-wrap"><table class="bo-table">
<caption>${t('caption', { count: page.total })}</caption>
<thead><tr>${LIST_COLUMNS.map((column) => header(column, options)).join('')}</tr></thead>
<tbody>
${page.rows.map((row) => cells(row, text)).join('\n')}
</tbody></table></div>`;
  return `${filters(options)}
<p id="bo-count" class="bo-count" role="status">${t('count', { count: page.total })}</p>
<p class="bo-downloads"><a class="button button--outline" href="${e(csv)}" download>${t('csv')}</a>${dossier}</p>
${body}
${pager(options)}`;
}
