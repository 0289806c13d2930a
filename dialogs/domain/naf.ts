import type { Effect, ProgrammeSettings } from './programmeSettings.js';
import { parseNafCode, sectionOfDivision, type NafSection } from './nafCodes.js';

export {
  NAF_SECTIONS,
  nafCodesIn,
  nafSectionOf,
  parseNafCode,
  sectionOfDivision,
  type NafCodeParse,
  type NafSection,
} from './nafCodes.js';

/**
 * Plain-language activities offered as buttons when the applicant does not know their NAF code. Each maps to
 * a section, or to a representative division when the section is split by the programme's rules.
 */
export const ACTIVITY_CATEGORIES = [
  'industry',
  'energyEnvironment',
  'construction',
  'transport',
  'businessServices',
  'digital',
  'commerce',
  'hospitality',
  'agriculture',
  'finance',
  'realEstate',
  'other',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

type SectorTarget = { section?: NafSection; division?: string };

const CATEGORY_TARGETS: Readonly<Record<ActivityCategory, SectorTarget>> = {
  industry: { section: 'C' },
  energyEnvironment: { section: 'E' },
  construction: { section: 'F' },
  // Transport and logistics are services to industry (49–52), unlike postal services (53) in the same section.
  transport: { division: '49' },
  // Engineering, consulting, accounting, rental, staffing, support: divisions 69–74 and 77–82.
  businessServices: { division: '71' },
  digital: { section: 'J' },
  commerce: { section: 'G' },
  hospitality: { section: 'I' },
  agriculture: { section: 'A' },
  finance: { section: 'K' },
  realEstate: { section: 'L' },
  other: {},
};

/** The sector answer kept in the eligibility answers: a NAF code as typed, or a category button. */
export type SectorAnswer = { nafCode: string } | { category: ActivityCategory };

export function isActivityCategory(value: string): value is ActivityCategory {
  return (ACTIVITY_CATEGORIES as readonly string[]).includes(value);
}

/** The section and division the sector answer stands for (empty for "other" or an unreadable code). */
export function sectorTarget(sector: SectorAnswer): SectorTarget {
  if ('category' in sector) {
    const target = CATEGORY_TARGETS[sector.category];
    return target.division
      ? { section: sectionOfDivision(target.division), division: target.division }
      : target;
  }
  const parsed = parseNafCode(sector.nafCode);
  return parsed.ok ? { section: parsed.section, division: parsed.division } : {};
}

/** Division rule, else section rule, else the default of the settings. */
export function sectorEffect(sector: SectorAnswer, settings: Pick<ProgrammeSettings, 'sectors'>): Effect {
  const { section, division } = sectorTarget(sector);
  const byDivision = division === undefined ? undefined : settings.sectors.divisions[division];
  const bySection = section === undefined ? undefined : settings.sectors.sections[section];
  return byDivision ?? bySection ?? settings.sectors.default;
}
