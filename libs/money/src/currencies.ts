import { data } from 'currency-codes';

// ISO 4217 "list one" carries a few codes that are not money a team keeps books in:
// precious metals, bond-market units, SDRs, the test and "no currency" codes.
const NOT_LEDGER_CURRENCIES = new Set([
  'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX',
]);

const MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  data
    .filter((c) => !NOT_LEDGER_CURRENCIES.has(c.code))
    .map((c) => [c.code, c.digits] as const),
);

/** The number of decimal places of an ISO 4217 currency (USD 2, JPY 0, KWD 3), or undefined if unknown. */
export function minorUnitsOf(currencyCode: string): number | undefined {
  return MINOR_UNITS.get(currencyCode);
}

export function isKnownCurrency(currencyCode: string): boolean {
  return MINOR_UNITS.has(currencyCode);
}
