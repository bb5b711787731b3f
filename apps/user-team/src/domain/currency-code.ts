import { isKnownCurrency } from '@cashier/money';
import { accept, refuse, type Checked } from './checked';

/** An ISO 4217 code a team can keep books in, upper case as the standard writes it ("USD", not "usd"). */
export function checkCurrencyCode(input: string): Checked<string> {
  return isKnownCurrency(input) ? accept(input) : refuse('must be an ISO 4217 currency code like "USD" or "BDT"');
}
