/**
 * French elision and contraction before a name: « de Alès » is written « d’Alès », « à Le Vigan » « au Vigan »,
 * « de Les Mages » « des Mages ». Names come from data (communes, the territory, companies), so the sentence
 * cannot hold the right form: `{{commune, à}}`, `{{territory, de}}` and `{{name, que}}` call these functions.
 */
export type Preposition = 'de' | 'à' | 'que';

const APOSTROPHE = '\u2019';
// A vowel or a mute h: names like « Hautes-Cévennes » take the elision too, as French usually writes them.
const ELIDES = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i;
const ARTICLE = /^(Le|Les) (?=\S)/;
const CONTRACTED: Record<Preposition, Record<'Le' | 'Les', string>> = {
  de: { Le: 'du', Les: 'des' },
  à: { Le: 'au', Les: 'aux' },
  que: { Le: 'que Le', Les: 'que Les' },
};

/** The preposition joined to the name as French writes it (« d’Alès », « du Vigan », « à Nîmes »). */
export function withPreposition(preposition: Preposition, name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return preposition;
  const article = ARTICLE.exec(trimmed);
  if (article) {
    const word = article[1] as 'Le' | 'Les';
    return `${CONTRACTED[preposition][word]} ${trimmed.slice(article[0].length)}`;
  }
  if (preposition !== 'à' && ELIDES.test(trimmed))
    return `${preposition.slice(0, -1)}${APOSTROPHE}${trimmed}`;
  return `${preposition} ${trimmed}`;
}
