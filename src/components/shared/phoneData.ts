/**
 * What the dial-code picker uses of libphonenumber-js (its smallest metadata), in a module of its own that
 * `phone.ts` imports dynamically: the bundler then keeps only these functions in the lazy chunk.
 */
export { getCountries, getCountryCallingCode, isPossiblePhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';
