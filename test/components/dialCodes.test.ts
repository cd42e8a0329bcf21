/**
 * The dial-code picker's country table: generated from libphonenumber-js's metadata (a devDependency), and
 * the checks the picker runs on it, compared with the library on every country's example number.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import * as library from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, isPossiblePhoneNumber, nationalToE164, splitE164 } from '../../src/components/shared/phoneData.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the generated dial-code table', () => {
  it('is what scripts/dial-codes.mjs writes from the installed libphonenumber-js (else run node scripts/dial-codes.mjs)', () => {
    const generated = execFileSync(process.execPath, ['scripts/dial-codes.mjs', '--print'], { cwd: root, encoding: 'utf8' });
    expect(readFileSync(resolve(root, 'src/components/shared/dialCodes.generated.ts'), 'utf8')).toBe(generated);
  });

  it('offers every country of the library, each with its calling code', () => {
    expect(getCountries().sort()).toEqual([...library.getCountries()].sort());
    for (const country of library.getCountries()) expect(getCountryCallingCode(country), country).toBe(library.getCountryCallingCode(country));
    expect(getCountryCallingCode('XX')).toBeUndefined();
  });
});

describe('the checks on the table, against libphonenumber-js', () => {
  const countries = library.getCountries().filter((country) => country in examples);
  const example = (country: library.CountryCode) => library.parsePhoneNumberFromString(examples[country as keyof typeof examples], country)!;

  it('take a number of its country’s lengths, refuse one a digit too short or too long where the library does', () => {
    // Bonaire and Tristan da Cunha share their calling codes (+599, +290) with Curaçao and St Helena, whose
    // numbers may be longer: the table, which does not know whose ranges are whose, takes those lengths too.
    const lenient = new Set(['+59931812345', '+29089995']);
    for (const country of countries) {
      const number = example(country).number;
      for (const variant of [number, number.slice(0, -1), `${number}5`, `${number}55`, number.slice(0, -3)]) {
        if (lenient.has(variant)) expect(isPossiblePhoneNumber(variant), variant).toBe(true);
        else expect(isPossiblePhoneNumber(variant), `${country} ${variant}`).toBe(library.isPossiblePhoneNumber(variant));
      }
    }
    expect(isPossiblePhoneNumber('+4915112345678')).toBe(true);
    expect(isPossiblePhoneNumber('+49151')).toBe(false);
    expect(isPossiblePhoneNumber('+44 7911 123456')).toBe(false);
    expect(isPossiblePhoneNumber('+9991234567')).toBe(false);
  });

  it('assemble the E.164 number from a national number as written in its country, trunk prefix dropped', () => {
    for (const country of countries) {
      const parsed = example(country);
      const national = parsed.formatNational().replace(/[\s().-]/g, '');
      expect(nationalToE164(national, country), `${country} ${national}`).toBe(parsed.number);
      expect(nationalToE164(parsed.nationalNumber, country), `${country} ${parsed.nationalNumber}`).toBe(parsed.number);
    }
    expect(nationalToE164('01115 2345-6789'.replace(/[\s-]/g, ''), 'AR')).toBe('+5491123456789');
    expect(nationalToE164('015112345678', 'DE')).toBe('+4915112345678');
    expect(nationalToE164('15112345678', 'DE')).toBe('+4915112345678');
    expect(nationalToE164('0612345678', 'IT')).toBe('+390612345678');
    // Too short once the 0 goes: kept, as the library keeps it (the form then says the number is wrong).
    expect(nationalToE164('0151', 'DE')).toBe('+490151');
    expect(nationalToE164('88005553535', 'RU')).toBe('+78005553535');
    expect(nationalToE164('8005553535', 'RU')).toBe('+78005553535');
    expect(nationalToE164('123', 'XX')).toBeUndefined();
  });

  it('take a number typed after the country’s international call prefix as international', () => {
    const metadata = new library.Metadata();
    let checked = 0;
    for (const country of library.getCountries()) {
      metadata.selectNumberingPlan(country);
      const idd = (metadata.numberingPlan as unknown as { IDDPrefix(): string }).IDDPrefix();
      if (!/^\d+$/.test(idd)) continue;
      const typed = `${idd}447911123456`;
      expect(library.parsePhoneNumberFromString(typed, country)?.number, `${country} ${typed}`).toBe('+447911123456');
      expect(nationalToE164(typed, country), `${country} ${typed}`).toBe('+447911123456');
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(nationalToE164('00447911123456', 'DE')).toBe('+447911123456');
    expect(nationalToE164('011447911123456', 'US')).toBe('+447911123456');
  });

  it('split an E.164 number into its country and national number, keeping a country that shares the code', () => {
    expect(splitE164('+4915112345678')).toEqual({ country: 'DE', national: '15112345678' });
    expect(splitE164('+16135550100')).toEqual({ country: 'US', national: '6135550100' });
    expect(splitE164('+16135550100', 'CA')).toEqual({ country: 'CA', national: '6135550100' });
    expect(splitE164('+16135550100', 'DE')).toEqual({ country: 'US', national: '6135550100' });
    expect(splitE164('+49151')).toBeUndefined();
    expect(splitE164('+49015112345678')).toBeUndefined();
  });
});
