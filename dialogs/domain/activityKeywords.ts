import { foldForMatch } from '../french/normalize.js';
import type { ActivityCategory, SectorAnswer } from './naf.js';

/**
 * Plain words of an activity mapped to a sector category, for owners who describe what they do instead of
 * giving a NAF code ("usinage de pièces", "transport routier").
 */
const KEYWORDS: [ActivityCategory, RegExp][] = [
  [
    'industry',
    /\b(usin\w*|mecani\w*|metallur\w*|fabricat\w*|fabriqu\w*|industri\w*|manufactur\w*|chaudronn\w*|soudure|plasturg\w*|chimi\w*|textile|menuiserie industrielle|agroalimentaire|imprimerie|decolletage|fonderie|machining|factory)\b/,
  ],
  [
    'energyEnvironment',
    /\b(energie\w*|photovolta\w*|recycl\w*|dechets?|depollution|assainissement|eau potable|environnement|energy|waste)\b/,
  ],
  [
    'construction',
    /\b(batiment|btp|maconn\w*|construction|travaux publics|plomberie|electricite generale|charpente|couverture|renovation)\b/,
  ],
  ['transport', /\b(transports?|logistique|entreposage|fret|messagerie|demenagement|logistics|freight)\b/],
  [
    'businessServices',
    /\b(ingenierie|bureau d etudes?|conseil|consulting|comptab\w*|expertise comptable|juridique|avocats?|architect\w*|laboratoire|controle technique|nettoyage industriel|interim|location de materiel|engineering)\b/,
  ],
  [
    'digital',
    /\b(informatique|logiciels?|numerique|developpement web|web|saas|edition de logiciels?|software|it services)\b/,
  ],
  [
    'commerce',
    /\b(commerce|magasin|boutique|vente au detail|vente en ligne|e commerce|negoce|grossiste|retail|shop)\b/,
  ],
  ['hospitality', /\b(restaura\w*|hotel\w*|hebergement|gite|camping|traiteur|bar|cafe|salon de the)\b/],
  [
    'agriculture',
    /\b(agricol\w*|agricult\w*|elevage|viticult\w*|maraich\w*|ferme|exploitation agricole|farm\w*)\b/,
  ],
  ['finance', /\b(banque|assurance|courtage|financ\w*|bank|insurance)\b/],
  ['realEstate', /\b(immobili\w*|agence immobiliere|location de logements|real estate)\b/],
];

/** Crafts that are manufacturing in the NAF although people think of them as shops: food made on site. */
const CRAFTS: [string, RegExp][] = [
  ['10.71C', /\bboulanger\w*\b/],
  ['10.71D', /\bpatisser\w*\b/],
  ['10.82Z', /\b(chocolat\w*|confiser\w*)\b/],
  ['10.52Z', /\b(glacier|glaces artisanales)\b/],
  ['10.13B', /\b(charcuterie|salaisons?)\b/],
];

/** A side activity ("un peu de café", "avec un coin salon de thé") does not make the sector. */
const SIDE =
  /\b(un peu de|un peu d|avec un coin|avec une petite|avec un petit|aussi|accessoirement|en plus|a cote)\s*$/;

export type ActivityReading =
  { kind: 'one'; sector: SectorAnswer } | { kind: 'several'; sectors: SectorAnswer[] };

/**
 * An activity in plain words, as a sector: a craft with its NAF code, else a category. The main activity is
 * what is named outside side clauses; two main activities of different sectors are offered to choose from.
 */
export function readActivity(text: string): ActivityReading | undefined {
  const folded = foldForMatch(text).replace(/[^a-z0-9]+/g, ' ');
  const hits: { sector: SectorAnswer; at: number; group: string }[] = [];
  for (const [nafCode, pattern] of CRAFTS) {
    const match = pattern.exec(folded);
    if (match) hits.push({ sector: { nafCode }, at: match.index, group: 'food' });
  }
  for (const [category, pattern] of KEYWORDS) {
    const match = new RegExp(pattern.source, 'g').exec(folded);
    if (match) hits.push({ sector: { category }, at: match.index, group: category });
  }
  const main = hits.filter((hit) => !SIDE.test(folded.slice(0, hit.at))).sort((a, b) => a.at - b.at);
  if (main.length === 0) return undefined;
  // "boulangerie pâtisserie": both are food made on site, the first named is the main one.
  const groups = [...new Set(main.map((hit) => hit.group))];
  if (groups.length === 1) return { kind: 'one', sector: main[0].sector };
  return { kind: 'several', sectors: groups.map((group) => main.find((hit) => hit.group === group)!.sector) };
}
