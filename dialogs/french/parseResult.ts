/**
 * Result of every parser in this folder. Parsers never produce user-facing sentences: the dialog maps the
 * failure reason (or `certain: false`) to a localised re-prompt or confirmation.
 */
export type ParseFailure =
  /** Nothing but spaces or punctuation was typed. */
  | 'empty'
  /** No value of the expected kind was found (e.g. "beaucoup" for an amount, "peut-être" for yes/no). */
  | 'not_understood'
  /** Several different values were found ("12 ou 15", "oui et non", two phone numbers). */
  | 'ambiguous'
  /** A value was found but lies outside the `min`/`max` the caller asked for. */
  | 'out_of_range'
  /** A negative amount, or a negative number when `min` is 0 or more ("-5"). */
  | 'negative'
  /** An integer was required and the value has a fractional part ("12,5"). */
  | 'not_integer'
  /** The text has the shape of a value but is malformed ("1,2,3", an e-mail with a space, a 9-digit phone). */
  | 'invalid_format'
  /** An amount in a currency other than the euro ("12 $", "30 000 francs"). */
  | 'currency'
  /** A calendar date that does not exist ("31/02/2027", "13/13/2020"). */
  | 'invalid_date'
  /** An e-mail address without a domain or without a top-level domain ("jean@", "jean@exemple"). */
  | 'email_no_domain'
  /** A well-formed phone number of another country ("+44 20 7946 0958"). */
  | 'not_french'
  /** A SIRET that does not have exactly 14 digits. */
  | 'siret_length'
  /** A SIRET or SIREN whose check digit is wrong (Luhn, or the La Poste rule). */
  | 'checksum';

/** `certain: false` means the value is a plausible reading that the bot should confirm with the user. */
export type Parsed<T> =
  | {
      ok: true;
      value: T;
      certain: boolean;
      /** Other readings worth offering when the value is confirmed ("pas de minimis… 20 000 €": 0 €). */
      alternatives?: T[];
    }
  | { ok: false; reason: ParseFailure };

export function parsed<T>(value: T, certain = true): Parsed<T> {
  return { ok: true, value, certain };
}

export function failed<T>(reason: ParseFailure): Parsed<T> {
  return { ok: false, reason };
}
