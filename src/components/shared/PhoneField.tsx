'use client';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { MessageKey } from '../messages.js';
import { fieldMessages } from './fieldMessages.js';
import { compactPhone, loadPhoneData, phoneData, type PhoneData } from './phone.js';
import type { FieldRenderProps } from './useStepForm.js';

/** The number as Cognito wants it: typed in full (`+…`), or the national number after the country's code. */
function assemble(data: PhoneData | undefined, country: string, typed: string): string {
  const compact = compactPhone(typed);
  if (compact === '' || compact.startsWith('+') || !country || !data) return compact;
  return data.nationalToE164(compact, country) ?? compact;
}

/** The country of the provider's locale when it names one (`de-AT` → AT). */
function regionOf(locale: string | undefined): string | undefined {
  return locale ? /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Z]{2})\b/i.exec(locale)?.[1]?.toUpperCase() : undefined;
}

/**
 * A phone number field with a dial-code picker: a country select (names in the form's language through
 * `Intl.DisplayNames`, calling codes from a table generated from libphonenumber-js's metadata, loaded when the picker mounts) beside the
 * national number; the field's value is the E.164 number the two make (`+4915112345678`). A number typed
 * with its `+` is taken as it is, whatever the select says.
 */
export function PhoneField({ field, error, typedRef }: { field: FieldRenderProps; error: ReactNode; typedRef?: { readonly current: boolean } }) {
  // The form's messages and locale (its `messages` prop over the provider's: every form's field carries them).
  const messages = field.phone?.messages;
  const t = (key: keyof typeof fieldMessages) => messages?.[key as MessageKey] ?? fieldMessages[key];
  // Without a locale from the app, the language of the page around the form (its nearest `lang`), as the
  // browser itself would read it: the country names are then in the language the form is shown in.
  const [pageLang, setPageLang] = useState<string | undefined>();
  const given = field.phone?.locale;
  const locale = given ?? pageLang;
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    try {
      if (!given) setPageLang(Intl.getCanonicalLocales(rootRef.current?.closest('[lang]')?.getAttribute('lang') ?? [])[0]);
    } catch {
      // Not a language tag: the names stay in English.
    }
  }, [given]);
  const [data, setData] = useState<PhoneData | undefined>(phoneData);
  const [country, setCountry] = useState<string>(() => (field.phone?.defaultCountry ?? regionOf(locale) ?? '').toUpperCase());
  const [typed, setTyped] = useState<string>(() => field.inputProps.value);
  const { setValue } = field;
  // What the load callback needs when the data arrives: the latest input and the form's setter.
  // `touched`: the user typed here, or in the stand-in shown while this chunk loaded (`typedRef`).
  const latest = useRef({ typed, country, touched: false, setValue });
  useEffect(() => {
    latest.current.setValue = setValue;
  });
  useEffect(() => {
    let live = true;
    void loadPhoneData().then((loadedData) => {
      if (!live) return;
      setData(loadedData);
      const now = latest.current;
      if (typedRef?.current) now.touched = true;
      // A number the field started with (a value kept, an attribute the user has) shows as its country and
      // national number; one typed while the data loaded is assembled again with the country's rules.
      const parsed = !now.touched && now.typed.startsWith('+') ? loadedData.splitE164(compactPhone(now.typed), now.country) : undefined;
      if (parsed) {
        setCountry(parsed.country);
        setTyped(parsed.national);
      } else if (now.typed !== '') {
        now.setValue(assemble(loadedData, now.country, now.typed));
      }
    });
    return () => {
      live = false;
    };
  }, [typedRef]);
  const countries = useMemo(() => {
    if (!data) return [];
    const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(locale ? [locale, 'en'] : ['en'], { type: 'region', fallback: 'code' }) : null;
    const collator = new Intl.Collator(locale);
    return data
      .getCountries()
      .map((code) => ({ code, name: names?.of(code) ?? code, calling: data.getCountryCallingCode(code) ?? '' }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [data, locale]);

  const { value: _value, onChange: _onChange, type: _type, autoComplete: _autoComplete, ...inputProps } = field.inputProps;
  const shown = countries.find((c) => c.code === country);
  const international = country === '' || typed.trimStart().startsWith('+');
  return (
    <div ref={rootRef} data-field={field.name} data-phone-field="" {...(field.error ? { 'data-invalid': '' } : {})}>
      <label htmlFor={inputProps.id}>{field.label}</label>
      <div data-phone="">
        <div data-dial="">
          {/* What the closed select shows, short ("DE +49"), so a narrow form keeps the code in sight; the
              select itself (full country names, type-ahead by name) lies over it. */}
          <span aria-hidden="true" data-dial-code="" dir="ltr">
            {shown ? `${shown.code} +${shown.calling}` : country || '+'}
          </span>
          <select
            aria-label={t('field.country')}
            name={`${field.name}:country`}
            value={country}
            disabled={!data && country !== ''}
            onChange={(event: ChangeEvent<HTMLSelectElement>) => {
              const next = event.target.value;
              setCountry(next);
              latest.current = { ...latest.current, country: next, touched: true };
              setValue(assemble(data, next, typed));
            }}
          >
            <option value="">{t('field.noCountry')}</option>
            {!data && country !== '' && <option value={country}>{country}</option>}
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {`${c.name} +${c.calling}`}
              </option>
            ))}
          </select>
        </div>
        <input
          {...inputProps}
          type="tel"
          dir="ltr"
          inputMode="tel"
          autoComplete={international ? 'tel' : 'tel-national'}
          value={typed}
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            setTyped(event.target.value);
            latest.current = { ...latest.current, typed: event.target.value, touched: true };
            setValue(assemble(data, country, event.target.value));
          }}
        />
      </div>
      {error}
    </div>
  );
}
