/** A customer's phone number (E.164) as people write it: "+966 50 123 4567"; the number itself when unknown. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
