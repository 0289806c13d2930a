import { foldForMatch } from '../french/normalize.js';
import type { ActivityCategory } from './naf.js';

/**
 * Plain words of an activity mapped to a sector category, for owners who describe what they do instead of
 * giving a NAF code ("usinage de pièces", "transport routier"). A match is a guess: the dialog confirms it.
 */
const KEYWORDS: [ActivityCategory, RegExp][] = [
  [
    'industry',
    /\b(usin\w*|mecani\w*|metallur\w*|fabricat\w*|industri\w*|manufactur\w*|chaudronn\w*|soudure|plasturg\w*|chimi\w*|textile|menuiserie industrielle|agroalimentaire|imprimerie|decolletage|fonderie|machining|factory)\b/,
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
  ['commerce', /\b(commerce|magasin|boutique|vente au detail|negoce|grossiste|retail|shop)\b/],
  ['hospitality', /\b(restaura\w*|hotel\w*|hebergement|gite|camping|traiteur|bar|cafe)\b/],
  [
    'agriculture',
    /\b(agricol\w*|agricult\w*|elevage|viticult\w*|maraich\w*|ferme|exploitation agricole|farm\w*)\b/,
  ],
  ['finance', /\b(banque|assurance|courtage|financ\w*|bank|insurance)\b/],
  ['realEstate', /\b(immobili\w*|agence immobiliere|location de logements|real estate)\b/],
];

export function guessActivityCategory(text: string): ActivityCategory | undefined {
  const folded = foldForMatch(text).replace(/[^a-z0-9]+/g, ' ');
  return KEYWORDS.find(([, pattern]) => pattern.test(folded))?.[0];
}
