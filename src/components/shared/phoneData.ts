/**
 * The dial-code picker's country data, in a module of its own that `phone.ts` imports dynamically (a small
 * lazy chunk): the generated table (`dialCodes.generated.ts`, from libphonenumber-js's metadata) and the few
 * checks the picker makes on it. Lengths only: which numbers a range holds is the business of Cognito and
 * the phone company, not of a sign-up form.
 */
import { DIAL_CODES } from './dialCodes.generated.js';

interface Plan {
  readonly country: string;
  readonly calling: string;
  readonly lengths: readonly number[];
  /** The international call prefix, a regular expression. */
  readonly idd: string;
  /** The national prefix for parsing (the trunk prefix and more), a regular expression, and its replacement. */
  readonly parsing: string;
  readonly transform: string;
}

const byCountry = new Map<string, Plan>();
/** Each calling code's main country (the first the table lists for it). */
const byCalling = new Map<string, Plan>();
for (const entry of DIAL_CODES.split(';')) {
  const [head = '', lengths = '', idd = '', parsing = '', transform = ''] = entry.split(' ');
  const plan: Plan = { country: head.slice(0, 2), calling: head.slice(2), lengths: [...lengths].map((digit) => parseInt(digit, 36)), idd: idd || '00', parsing, transform };
  byCountry.set(plan.country, plan);
  if (!byCalling.has(plan.calling)) byCalling.set(plan.calling, plan);
}

/** The countries (ISO 3166 codes) the picker offers. */
export function getCountries(): string[] {
  return [...byCountry.keys()];
}

/** A country's calling code (`DE` → `49`), or `undefined` for a code the table does not know. */
export function getCountryCallingCode(country: string): string | undefined {
  return byCountry.get(country)?.calling;
}

/** The plan of an E.164 number's calling code (1 to 3 digits, none the start of another). */
function planOf(e164: string): Plan | undefined {
  for (let digits = 1; digits <= 3; digits++) {
    const plan = byCalling.get(e164.slice(1, 1 + digits));
    if (plan) return plan;
  }
  return undefined;
}

const fits = (plan: Plan, national: string) => plan.lengths.includes(national.length);

/**
 * Whether an E.164 number (`+4915112345678`) has a length its calling code's numbers have (its national
 * prefix dropped first where the rest would not, as libphonenumber-js does).
 */
export function isPossiblePhoneNumber(e164: string): boolean {
  if (!/^\+\d+$/.test(e164)) return false;
  const plan = planOf(e164);
  return plan !== undefined && fits(plan, withoutPrefix(plan, e164.slice(1 + plan.calling.length)));
}

/**
 * A national number without the country's national prefix for parsing (the trunk prefix 0, a carrier code;
 * with a transform rule, the match rewritten when its last group caught something: 15 of an Argentine
 * mobile → 9), kept when what would remain is too short for the country or of a length between its lengths.
 */
function withoutPrefix(plan: Plan, digits: string): string {
  if (!plan.parsing) return digits;
  const pattern = new RegExp(`^(?:${plan.parsing})`);
  const match = pattern.exec(digits);
  if (!match) return digits;
  const stripped = plan.transform && match[match.length - 1] ? digits.replace(pattern, plan.transform) : digits.slice(match[0].length);
  return fits(plan, stripped) || stripped.length > Math.max(...plan.lengths) ? stripped : digits;
}

/**
 * The E.164 number of a number typed for a country (spaces and dashes gone), read as libphonenumber-js reads
 * it: after the country's international call prefix (00, 011 in North America) the rest is international
 * (`0044…` → `+44…`); else the national prefix (the 0 of 0151 in Germany) is dropped as E.164 requires.
 * `undefined` for a country the table does not know.
 */
export function nationalToE164(typed: string, country: string): string | undefined {
  const plan = byCountry.get(country);
  if (!plan) return undefined;
  if (!/^\d*$/.test(typed)) return `+${plan.calling}${typed.replace(/^0+/, '')}`;
  const idd = new RegExp(`^(?:${plan.idd})`).exec(typed);
  if (idd && /^[1-9]/.test(typed.slice(idd[0].length))) return `+${typed.slice(idd[0].length)}`;
  return `+${plan.calling}${withoutPrefix(plan, typed)}`;
}

/**
 * An E.164 number of a possible length as its country and national number (`undefined` for one the picker
 * would not assemble the same again, as +49 0151…): the `preferred` country when it
 * shares the calling code (a +1 number stays Canadian when the picker says CA), else the code's main country.
 */
export function splitE164(e164: string, preferred?: string): { country: string; national: string } | undefined {
  if (!isPossiblePhoneNumber(e164)) return undefined;
  const main = planOf(e164);
  if (!main) return undefined;
  const plan = preferred !== undefined && byCountry.get(preferred)?.calling === main.calling ? byCountry.get(preferred) ?? main : main;
  const national = e164.slice(1 + plan.calling.length);
  // Only a number that comes back the same when assembled again (not +49 0151…, whose 0 would go).
  return nationalToE164(national, plan.country) === e164 ? { country: plan.country, national } : undefined;
}
