import { Localizer } from '../../bot/i18n.js';
import type { CommitteeText } from '../../committee/committeeLabels.js';
import type { SupportedLocale } from '../../dialogs/translator.js';

const localizer = new Localizer();

/** The committee's words in a locale, as the CLI and the API use them. */
export function committeeText(locale: SupportedLocale): CommitteeText {
  return { ...localizer.language(locale), hasKey: (key) => localizer.hasKey(locale, key) };
}
