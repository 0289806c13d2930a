import { DEFAULT_COMPANY_LOOKUP_URL } from './companyRegisterClient.js';

/** The company lookup's settings: COMPANY_LOOKUP (on by default, `off` disables it) and COMPANY_LOOKUP_URL. */
export interface CompanyLookupConfig {
  /** The API's root; `/search` is added. */
  url: string;
}

const OFF = ['off', '0', 'false', 'no'];
const ON = ['', 'on', '1', 'true', 'yes'];

/** Undefined when the lookup is off; problems are pushed with the variable's name. */
export function readCompanyLookup(
  text: (name: string) => string,
  problems: string[],
): CompanyLookupConfig | undefined {
  const switchValue = text('COMPANY_LOOKUP').toLowerCase();
  if (OFF.includes(switchValue)) return undefined;
  if (!ON.includes(switchValue)) {
    problems.push(`COMPANY_LOOKUP="${text('COMPANY_LOOKUP')}": expected on or off`);
    return undefined;
  }
  const url = text('COMPANY_LOOKUP_URL') || DEFAULT_COMPANY_LOOKUP_URL;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(url)) {
    problems.push(
      `COMPANY_LOOKUP_URL="${url}": expected an http(s) URL without query, e.g. ${DEFAULT_COMPANY_LOOKUP_URL}`,
    );
    return undefined;
  }
  return { url };
}
