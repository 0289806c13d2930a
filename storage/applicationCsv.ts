import type { StatusChange, StoredApplication } from './applicationQueue.js';
import { FIELD_REGISTRY, type FieldRegistry } from '../dialogs/domain/fieldRegistry.js';
import { applicationColumns, applicationRecord, dataKeysOf } from './applicationView.js';

// French Excel: it reads the BOM as "this is UTF-8", splits on ";" (the list separator of a French Windows)
// and expects CRLF line ends and a comma as decimal separator.
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/**
 * How a reader wants the columns: their titles, the values as shown (labels instead of codes), and the
 * columns of digits Excel must keep as text (a SIRET would become 7,32829E+13, a postal code lose its 0).
 * Storage knows no words: the committee passes its labels (committee/committeeCsv.ts).
 */
export interface CsvPresentation {
  title(key: string): string;
  value(key: string, value: unknown): unknown;
  excelText: ReadonlySet<string>;
}

/**
 * The committee export: a header row of record keys, then one row per application. Without `columns`, the
 * fixed columns (meta, the field registry's columns, history) come first, and keys the registry does not
 * know (an older form's) follow at the very end, sorted, so that the fixed columns never move.
 */
export function applicationsToCsv(
  apps: readonly StoredApplication[],
  columns?: readonly string[],
  registry: FieldRegistry = FIELD_REGISTRY,
  presentation?: CsvPresentation,
): string {
  const header = columns ?? defaultColumns(apps, registry);
  const rows = apps.map((app) => {
    const record = applicationRecord(app, registry);
    return header.map((column) => {
      const value = presentation ? presentation.value(column, record[column]) : record[column];
      return presentation?.excelText.has(column) ? excelTextCell(value) : csvCell(value, column);
    });
  });
  const titles = header.map((key) => csvCell(presentation?.title(key) ?? registry.find(key)?.column ?? key));
  return CSV_BOM + [titles, ...rows].map(csvLine).join('');
}

/** Digits (and a leading +) as `="…"`: Excel and LibreOffice show the text as it is, never as a number. */
function excelTextCell(value: unknown): string {
  return typeof value === 'string' && /^\+?\d+$/.test(value) ? `="${value}"` : csvCell(value);
}

function defaultColumns(apps: readonly StoredApplication[], registry: FieldRegistry): string[] {
  const fixed = applicationColumns(registry);
  const known = new Set(fixed);
  const extra = new Set(apps.flatMap((app) => dataKeysOf(app, registry)).filter((key) => !known.has(key)));
  return [...fixed, ...[...extra].sort()];
}

function csvLine(cells: string[]): string {
  return cells.join(CSV_SEPARATOR) + CSV_LINE_END;
}

/** One cell, escaped and quoted as needed. Only text is guarded: a negative number is a number. */
export function csvCell(value: unknown, column?: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : '';
  if (typeof value === 'boolean') return String(value);
  return quote(guardFormula(cellText(value, column)));
}

/** Plain digits, comma as decimal separator, no thousands grouping (Excel would read "1 234" as text). */
function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

function cellText(value: unknown, column: string | undefined): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = column === 'history' ? value.map((item) => historyText(item)) : value.map(itemText);
    return items.join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function itemText(item: unknown): string {
  if (typeof item === 'number') return formatNumber(item);
  if (item instanceof Date) return item.toISOString();
  if (typeof item === 'object' && item !== null) return JSON.stringify(item);
  return String(item);
}

/** `2026-03-17T08:00:00.000Z jury: received > in_review (comment)`: no words, so no locale is needed. */
function historyText(item: unknown): string {
  if (typeof item !== 'object' || item === null || !('to' in item)) return itemText(item);
  const change = item as StatusChange;
  const comment = change.comment ? ` (${change.comment})` : '';
  const move = change.from ? `${change.from} > ${change.to}` : change.to;
  return `${change.at} ${change.by}: ${move}${comment}`;
}

/** A text cell Excel could run as a formula (`=`, `+`, `-`, `@`, tab, CR) is made literal with an apostrophe. */
/**
 * Formula starters, ASCII and their full-width and small forms (Excel and LibreOffice read `＝1+1` as a
 * formula too), seen through leading spaces and invisible characters that a spreadsheet may skip.
 */
const FORMULA_START =
  /^[\s\u00a0\u200b-\u200f\u2028-\u202f\u2060-\u2064\u2066-\u206f\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\u2212]/u;

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  // Line breaks inside a cell become LF, so CRLF only ever ends a row.
  const cell = text.replace(/\r\n?/g, '\n');
  return /[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
