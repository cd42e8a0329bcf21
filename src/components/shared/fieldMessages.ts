import { INVALID_PHONE_NUMBER } from './phone.js';

/**
 * The strings of the field machinery (the labels of the standard attributes the other tables lack, the
 * dial-code picker, the checks of typed URLs, dates, phone numbers and required boxes): a table of its own,
 * read by the forms that render configured fields. Keys of the one `MessageKey` type: override them through
 * `messages`, translate them in a locale table like any other.
 *
 * @example
 * <SignUp fields={['email', 'middle_name']} messages={{ 'attribute.middle_name': 'Second name' }} />
 */
export const fieldMessages = {
  'attribute.middle_name': 'Middle name',
  'attribute.nickname': 'Nickname',
  'attribute.profile': 'Profile page',
  'attribute.picture': 'Picture URL',
  'attribute.website': 'Website',
  'attribute.gender': 'Gender',
  'attribute.zoneinfo': 'Time zone',
  'attribute.locale': 'Language',
  'attribute.updated_at': 'Last updated',
  'field.country': 'Country or region',
  'field.noCountry': 'Other (type the + code)',
  'field.terms': 'I accept the terms and conditions',
  'invalid.phoneNumber': INVALID_PHONE_NUMBER,
  'invalid.url': 'Enter a web address that starts with https://.',
  'invalid.date': 'Enter a date, like 1990-04-25.',
  'invalid.checkbox': 'Check this box to continue.',
} as const;
