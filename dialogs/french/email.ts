import { normalizeFrench } from './normalize.js';
import { failed, parsed, type Parsed } from './parseResult.js';

// Words a user may put before the address: "mon mail : jean@exemple.fr", "c'est jean@exemple.fr".
const INTRO_WORDS = new Set([
  'mail',
  'email',
  'e-mail',
  'courriel',
  'mel',
  'mél',
  'adresse',
  'est',
  "c'est",
  'voici',
  'voila',
  'voilà',
  'à',
  'a',
  'sur',
  'mon',
  'ma',
  'is',
  'my',
  'address',
  'at',
  'contact',
  ':',
  '-',
  'électronique',
  'electronique',
]);
const WRAPPERS = /^[<("'[]+|[>)"'\].,;:!?]+$/g;
// Local part: letters, digits and the usual symbols; no leading, trailing or double dot.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]+)$/u;

function cleanToken(token: string): string {
  return token.replace(/^mailto:/i, '').replace(WRAPPERS, '');
}

/** Checks "jean.dupont@exemple.fr" and returns it with a lower-cased domain. */
function checkAddress(address: string): Parsed<string> {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local === '' || local.includes('@') || !LOCAL_PART.test(local)) return failed('invalid_format');
  if (domain === '') return failed('email_no_domain');
  const labels = domain.split('.');
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return failed('invalid_format');
  if (labels.length < 2 || !TOP_LEVEL.test(labels[labels.length - 1])) return failed('email_no_domain');
  return parsed(`${local}@${domain}`);
}

/**
 * Reads one e-mail address, possibly inside a short sentence ("mon mail : jean.dupont@exemple.fr").
 * A space inside the address ("jean dupont@exemple.fr", "jean@ exemple.fr") is refused rather than guessed.
 */
export function parseEmail(text: string): Parsed<string> {
  const normalized = normalizeFrench(text);
  if (normalized === '') return failed('empty');
  const tokens = normalized.split(' ');
  const positions = tokens.flatMap((token, index) => (token.includes('@') ? [index] : []));
  if (positions.length === 0) return failed('not_understood');
  const addresses = new Set(positions.map((index) => cleanToken(tokens[index]).toLowerCase()));
  if (addresses.size > 1) return failed('ambiguous');
  const index = positions[0];
  const address = cleanToken(tokens[index]);
  // "jean.dupont @ exemple.fr": the address was split by spaces.
  if (address === '@' || address.startsWith('@')) return failed('invalid_format');
  if (address.endsWith('@') && index < tokens.length - 1) return failed('invalid_format');
  const before = tokens[index - 1]?.toLowerCase();
  if (before !== undefined && !INTRO_WORDS.has(before) && !/[:;,]$/.test(before))
    return failed('invalid_format');
  return checkAddress(address);
}
