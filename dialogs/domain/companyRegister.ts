import { parseSiret } from '../french/siret.js';
import { cleanText, lengthOf } from './applicationFieldKit.js';
import { parseNafCode } from './nafCodes.js';

/*
 * The State's company register as the bot reads it (API Recherche d'entreprises, DOMAIN.md): what is asked of
 * it, what its JSON means for us, and what a lookup can end with. Pure: the HTTP client lives in bot/.
 */

/** What leaves the server: a SIRET, or the company's name, and nothing else. */
export type RegisterQuery = { kind: 'siret'; siret: string } | { kind: 'name'; name: string };

/** The establishment the lookup is about (the one of the SIRET typed, or the head office). */
export interface RegisterEstablishment {
  siret: string;
  /** The street part of the address ("12 RUE DE LA REPUBLIQUE"), without postal code and commune. */
  street?: string;
  postalCode?: string;
  /** INSEE code of the commune. */
  inseeCode?: string;
  communeName?: string;
  /** `etat_administratif` F: the establishment is closed. */
  closed: boolean;
}

/** A legal unit found in the register, read into our terms; every field may be missing from a record. */
export interface RegisterCompany {
  siren: string;
  name: string;
  /** INSEE legal category (`nature_juridique`, level III: 5710 SAS…). */
  legalCategory?: string;
  /** ISO date (YYYY-MM-DD). */
  creationDate?: string;
  /** NAF code as we write it (25.62B). */
  nafCode?: string;
  /** INSEE headcount band code (`tranche_effectif_salarie`: 11 is 10 to 19 employees). */
  headcountBand?: string;
  /** `etat_administratif` C: the legal unit has ceased. */
  ceased: boolean;
  establishment?: RegisterEstablishment;
}

/** How a lookup ended; an unavailable register is never the user's problem (they answer the questions). */
export type LookupOutcome =
  | { kind: 'found'; companies: RegisterCompany[] }
  | { kind: 'none' }
  | { kind: 'unavailable'; reason: 'timeout' | 'unreachable' | 'rateLimited' | 'serverError' | 'malformed' };

/** The register as the dialogs see it (bot/companyRegisterClient.ts calls the API). */
export interface CompanyRegister {
  search(query: RegisterQuery): Promise<LookupOutcome>;
}

/** A SIRET typed with or without spaces, or a company name (2 to 120 characters with a letter). */
export function registerQuery(text: string): RegisterQuery | { kind: 'invalid'; reason: 'siret' | 'name' } {
  const cleaned = cleanText(text).replace(/\n/g, ' ');
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length >= 9) {
    const parsed = parseSiret(cleaned);
    return parsed.ok ? { kind: 'siret', siret: parsed.value } : { kind: 'invalid', reason: 'siret' };
  }
  const length = lengthOf(cleaned);
  if (length < 2 || length > 120 || !/\p{L}/u.test(cleaned)) return { kind: 'invalid', reason: 'name' };
  return { kind: 'name', name: cleaned };
}

/** The cache key of a query: the same company typed twice is one request. */
export function queryKey(query: RegisterQuery): string {
  return query.kind === 'siret' ? `siret:${query.siret}` : `name:${query.name.toLowerCase()}`;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "12 RUE DE LA REPUBLIQUE 30100 ALES" → "12 RUE DE LA REPUBLIQUE"; older records give the parts instead. */
function streetOf(record: Json, postalCode: string | undefined): string | undefined {
  const full = text(record.adresse);
  if (full) {
    const at = postalCode ? full.lastIndexOf(postalCode) : -1;
    const street = (at > 0 ? full.slice(0, at) : full).replace(/[\s,]+$/, '');
    return street.length >= 3 ? street : undefined;
  }
  const parts = [record.numero_voie, record.indice_repetition, record.type_voie, record.libelle_voie]
    .map(text)
    .filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function establishmentOf(record: unknown): RegisterEstablishment | undefined {
  if (!isObject(record)) return undefined;
  const siret = text(record.siret);
  if (!siret || !/^\d{14}$/.test(siret)) return undefined;
  const postalCode = text(record.code_postal);
  const establishment: RegisterEstablishment = {
    siret,
    closed: record.etat_administratif === 'F',
  };
  const street = streetOf(record, postalCode);
  if (street) establishment.street = street;
  if (postalCode && /^\d{5}$/.test(postalCode)) establishment.postalCode = postalCode;
  const inseeCode = text(record.commune);
  if (inseeCode && /^[0-9AB]{5}$/i.test(inseeCode)) establishment.inseeCode = inseeCode.toUpperCase();
  const communeName = text(record.libelle_commune);
  if (communeName) establishment.communeName = communeName;
  return establishment;
}

/** The establishment a query is about: that of the SIRET typed, or for a name the first match, else the head office. */
function chosenEstablishment(result: Json, query: RegisterQuery): RegisterEstablishment | undefined {
  const matching = Array.isArray(result.matching_etablissements)
    ? result.matching_etablissements.map(establishmentOf).filter((e) => e !== undefined)
    : [];
  const siege = establishmentOf(result.siege);
  if (query.kind === 'siret') {
    return [...matching, ...(siege ? [siege] : [])].find((e) => e.siret === query.siret);
  }
  return matching[0] ?? siege;
}

function companyOf(result: unknown, query: RegisterQuery): RegisterCompany | undefined {
  if (!isObject(result)) return undefined;
  const siren = text(result.siren);
  const name = text(result.nom_complet) ?? text(result.nom_raison_sociale);
  if (!siren || !/^\d{9}$/.test(siren) || !name) return undefined;
  const company: RegisterCompany = {
    siren,
    name: name.slice(0, 120),
    ceased: result.etat_administratif === 'C',
  };
  const category = text(result.nature_juridique);
  if (category && /^\d{4}$/.test(category)) company.legalCategory = category;
  const created = text(result.date_creation);
  if (created && ISO_DATE.test(created)) company.creationDate = created;
  const naf = parseNafCode(text(result.activite_principale) ?? '');
  if (naf.ok) company.nafCode = naf.code;
  const band = text(result.tranche_effectif_salarie);
  if (band && /^(NN|\d{2})$/.test(band)) company.headcountBand = band;
  const establishment = chosenEstablishment(result, query);
  if (establishment) company.establishment = establishment;
  if (query.kind === 'siret' && !establishment) return undefined;
  return company;
}

/**
 * The companies of a response body, in the register's order; undefined when the body is not the documented
 * shape (`{ results: [...] }`), so that a changed or broken answer is treated like an unavailable register.
 */
export function readRegisterResponse(body: unknown, query: RegisterQuery): RegisterCompany[] | undefined {
  if (!isObject(body) || !Array.isArray(body.results)) return undefined;
  return body.results
    .map((result) => companyOf(result, query))
    .filter((company): company is RegisterCompany => company !== undefined);
}
