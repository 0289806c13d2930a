import type { RegisterCompany } from './domain/companyRegister.js';
import { headcountRange, isClosed, legalFormOfCategory } from './domain/companyRegisterAnswers.js';
import { formatDate } from './formatting.js';
import type { TurnLanguage } from './translator.js';

const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

/** "MÉCANIQUE CÉVENOLE, Alès (732 829 320)": a company among several of the same name. */
export function choiceLabel(company: RegisterCompany): string {
  const place = company.establishment?.communeName;
  const siren = company.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
  return place ? `${company.name}, ${place} (${siren})` : `${company.name} (${siren})`;
}

/** The staff band in words, said as a starting point: the owner gives the number later. */
function headcountLine(company: RegisterCompany, t: TurnLanguage['t']): string | undefined {
  const range = headcountRange(company.headcountBand);
  if (!range) return undefined;
  if (range.max === 0) return t('companyLookup:card.headcountNone');
  if (range.max === undefined) return t('companyLookup:card.headcountFrom', { min: range.min });
  return t('companyLookup:card.headcount', { min: range.min, max: range.max });
}

/** What the register says of the company, one line a fact, as the card "C'est bien votre entreprise ?" shows it. */
export function companyCard(company: RegisterCompany, language: TurnLanguage): string {
  const { t, locale } = language;
  const place = company.establishment;
  const legalForm = legalFormOfCategory(company.legalCategory);
  const address = [place?.street, [place?.postalCode, place?.communeName].filter(Boolean).join(' ')]
    .filter((part) => part)
    .join(', ');
  const lines = [
    t('companyLookup:card.name', { value: company.name }),
    place ? t('companyLookup:card.siret', { value: formatSiret(place.siret) }) : undefined,
    legalForm
      ? t('companyLookup:card.legalForm', { value: t(`application:choice.legalForm.${legalForm}`) })
      : undefined,
    company.creationDate
      ? t('companyLookup:card.creationDate', { value: formatDate(company.creationDate, locale) })
      : undefined,
    company.nafCode ? t('companyLookup:card.activity', { value: company.nafCode }) : undefined,
    address ? t('companyLookup:card.address', { value: address }) : undefined,
    headcountLine(company, t),
  ].filter((line): line is string => line !== undefined);
  const closed = isClosed(company) ? [t('companyLookup:closed')] : [];
  return [t('companyLookup:card.title'), lines.join('\n'), ...closed].join('\n\n');
}
