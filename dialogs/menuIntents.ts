import { commandKey } from './globalCommands.js';

/** The entries of the main menu, in display order. */
export const MENU_ENTRIES = ['eligibility', 'apply', 'resume', 'advisor', 'about'] as const;
/** Flows reached by typing, not shown in the menu: the applicant's files, the advisors' mode. */
export const HIDDEN_ENTRIES = [
  'myFiles',
  'advisorMode',
  'deleteData',
  'withdrawFile',
  'correctFile',
  'downloadFile',
] as const;
export const ALL_ENTRIES = [...MENU_ENTRIES, ...HIDDEN_ENTRIES] as const;
export type MenuEntry = (typeof ALL_ENTRIES)[number];
export type MenuIntent = MenuEntry | 'greeting';

/**
 * Keyword patterns on folded text (no accents, lower case). Checked in order: the first match wins, so the
 * more specific entries (resume, apply) come before the broad ones.
 */
const PATTERNS: [MenuIntent, RegExp][] = [
  ['advisorMode', /^(mode conseiller|espace conseiller|advisor mode)$/],
  // « Télécharger mon dossier en PDF », « envoyez-moi le PDF »: before "dossier" starts a new application.
  [
    'downloadFile',
    /\b(telecharg\w*|download\w*)\b.*\b(dossier|candidature|pdf|file|application)s?\b|\b(envoy\w*|renvoy\w*|send|email|mail)\b.*\bpdf\b|^(le |mon )?pdf( de mon dossier)?$/,
  ],
  // A submitted file: "retirer mon dossier ALZ-2026-0001" must not start a new application (issue 15).
  [
    'withdrawFile',
    /\b(retirer|retire|retirez|retrait|abandonner|desister|withdraw\w*)\b.*\b(dossier|candidature|file|application)s?\b|\bannul\w*\b.*\balz \d{4} \d{4,}|^(retirer|withdraw)\b/,
  ],
  [
    'correctFile',
    /\b(corriger|corrige|rectifier|correct|amend)\b.*\b(dossier|candidature|file|application)s?\b|\bmodifi\w*\b.*\balz \d{4} \d{4,}|^(corriger|correct) un dossier$/,
  ],
  [
    'myFiles',
    /\b(ou en est|ou en sont|suivi|statut|etat|avancement|status|where is|track)\b.*\b(dossier|dossiers|candidature|file|application)s?\b|^mes dossiers$|^(my )?applications?$/,
  ],
  [
    'resume',
    /\b(reprendre|continuer|poursuivre|resume|continue)\b.*\b(dossier|candidature|file|application)\b|^(reprendre|resume)\b/,
  ],
  [
    'eligibility',
    /\b(eligib\w*|suis je|sommes nous|puis je|pouvons nous)\b.*\b(eligib\w*|aliz\w*|candidat\w*|droit)\b|\beligib\w*|\bverifier\b|\bcheck\b/,
  ],
  ['apply', /\b(deposer|depose|candidater|postuler|candidature|dossier|apply|application)\b/],
  [
    'advisor',
    /\b(conseill\w*|humain|quelqu un|une personne|appeler|rappel\w*|advisor|human|someone|person)\b/,
  ],
  [
    'about',
    /\b(en savoir plus|savoir plus|c est quoi|qu est ce|comment ca marche|presentation|explique\w*|about|learn more|what is)\b|^aliz\w*$/,
  ],
  ['greeting', /^(bonjour|bonsoir|salut|coucou|hello|hi|hey|good (morning|evening))\b/],
];

export function detectMenuIntent(text: string | undefined): MenuIntent | null {
  if (!text) return null;
  const key = commandKey(text);
  if (key === '') return null;
  for (const [intent, pattern] of PATTERNS) {
    if (pattern.test(key)) return intent;
  }
  return null;
}
