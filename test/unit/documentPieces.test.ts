import {
  asksToAddDocument,
  documentPieces,
  missingPieces,
  recognisePiece,
} from '../../dialogs/domain/documentPieces.js';

const REQUIRED = ['kbis', 'balanceSheets', 'urssafCertificate', 'taxCertificate', 'rib'];
const PIECES = documentPieces(REQUIRED);

describe('which piece an applicant’s words name', () => {
  test.each([
    ['voici le Kbis', 'kbis'],
    ['extrait K-bis de moins de 3 mois', 'kbis'],
    ['nos deux derniers bilans', 'balanceSheets'],
    ['Attestation de vigilance URSSAF', 'urssafCertificate'],
    ['attestation de régularité fiscale', 'taxCertificate'],
    ['les impôts', 'taxCertificate'],
    ['notre RIB', 'rib'],
    ['relevé d’identité bancaire', 'rib'],
    ['le devis du fournisseur', 'quotes'],
    ['the bank details', 'rib'],
  ])('%s → %s', (text, piece) => {
    expect(recognisePiece(text, PIECES)).toBe(piece);
  });

  test.each(['', 'voici', 'le document demandé', 'ribambelle'])('"%s" names none', (text) => {
    expect(recognisePiece(text, PIECES)).toBeUndefined();
  });

  test('the required pieces come first, then quotes and other; missing ones are those not yet labelled', () => {
    expect(PIECES).toEqual([...REQUIRED, 'quotes', 'other']);
    expect(missingPieces(REQUIRED, ['rib', undefined, 'quotes', 'kbis'])).toEqual([
      'balanceSheets',
      'urssafCertificate',
      'taxCertificate',
    ]);
  });
});

describe('asking to add a document', () => {
  test.each([
    'ajouter un document à mon dossier',
    'Ajouter un document',
    'je voudrais joindre une pièce',
    'envoyer d’autres justificatifs',
    'add a document to my file',
  ])('"%s" asks', (text) => {
    expect(asksToAddDocument(text)).toBe(true);
  });

  test.each([
    'nous allons ajouter une ligne de production et embaucher trois personnes pour la nouvelle activité de découpe laser',
    'document',
    'oui',
  ])('"%s" does not', (text) => {
    expect(asksToAddDocument(text)).toBe(false);
  });
});
