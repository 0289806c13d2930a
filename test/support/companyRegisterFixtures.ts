/**
 * Answers of the API Recherche d'entreprises, in its documented format (GET /search, OpenAPI of
 * annuaire-entreprises-data-gouv-fr/search-api; DOMAIN.md): `{ results, total_results, page, per_page,
 * total_pages }`, each result a legal unit with its head office (`siege`) and the establishments matching the
 * query (`matching_etablissements`). Fictitious companies; the SIRETs pass the Luhn check.
 */

/** The answer book's company: an SAS of 10 to 19 employees in Alès machining parts (25.62B), since 2015. */
export const FOUND_SIRET = '73282932000074';
/** Another establishment of the same company, closed (`etat_administratif` F). */
export const CLOSED_SIRET = '73282932000082';
/** Valid SIRETs the register answers with no result, slowly, with a 429, with a body of another shape. */
export const NOT_FOUND_SIRET = '82345678500018';
export const SLOW_SIRET = '55210055400013';
export const LIMITED_SIRET = '44306184100013';
export const MALFORMED_SIRET = '30123456300015';
/** A name three companies share. */
export const SHARED_NAME = 'Cévenole';

function establishment(
  siret: string,
  etat: 'A' | 'F',
  street: string,
  postalCode: string,
  insee: string,
  commune: string,
) {
  return {
    siret,
    activite_principale: '25.62B',
    adresse: `${street} ${postalCode} ${commune}`,
    code_postal: postalCode,
    commune: insee,
    libelle_commune: commune,
    date_creation: '2015-03-12',
    etat_administratif: etat,
    est_siege: siret.endsWith('00074'),
    tranche_effectif_salarie: '11',
  };
}

const HEAD_OFFICE = establishment(FOUND_SIRET, 'A', '12 RUE DE LA REPUBLIQUE', '30100', '30007', 'ALES');

export function legalUnit(overrides: Record<string, unknown> = {}, matching = [HEAD_OFFICE]) {
  return {
    siren: '732829320',
    nom_complet: 'MECANIQUE CEVENOLE',
    nom_raison_sociale: 'MECANIQUE CEVENOLE',
    nature_juridique: '5710',
    activite_principale: '25.62B',
    section_activite_principale: 'C',
    date_creation: '2015-03-12',
    etat_administratif: 'A',
    tranche_effectif_salarie: '11',
    categorie_entreprise: 'PME',
    siege: HEAD_OFFICE,
    matching_etablissements: matching,
    complements: { est_entrepreneur_individuel: false },
    ...overrides,
  };
}

export const page = (results: unknown[]) => ({
  results,
  total_results: results.length,
  page: 1,
  per_page: 5,
  total_pages: results.length > 0 ? 1 : 0,
});

/** What the local register answers to a query: a status, a body, and how long it takes. */
export interface RegisterAnswer {
  status: number;
  body: unknown;
  delayMs?: number;
}

/** The local register's answers, by the `q` it is asked. */
export function registerAnswerTo(q: string): RegisterAnswer {
  switch (q) {
    case FOUND_SIRET:
      return { status: 200, body: page([legalUnit()]) };
    case CLOSED_SIRET:
      return {
        status: 200,
        body: page([
          legalUnit({}, [establishment(CLOSED_SIRET, 'F', '4 CHEMIN DES MINES', '30100', '30007', 'ALES')]),
        ]),
      };
    case SLOW_SIRET:
      return { status: 200, body: page([legalUnit()]), delayMs: 3500 };
    case LIMITED_SIRET:
      return { status: 429, body: { erreur: 'Vous avez dépassé la limite de requêtes.' } };
    case MALFORMED_SIRET:
      return { status: 200, body: '<html><body>Maintenance</body></html>' };
    case SHARED_NAME:
      return {
        status: 200,
        body: page([
          legalUnit(),
          legalUnit({ siren: '552100554', nom_complet: 'CEVENOLE BOIS', nature_juridique: '5499' }, [
            establishment('55210055400013', 'A', '3 AVENUE JEAN JAURES', '30100', '30007', 'ALES'),
          ]),
          legalUnit({ siren: '443061841', nom_complet: 'GARAGE CEVENOL', nature_juridique: '1000' }, [
            establishment('44306184100013', 'A', '8 ROUTE D UZES', '30100', '30007', 'ALES'),
          ]),
        ]),
      };
    default:
      return { status: 200, body: page([]) };
  }
}
