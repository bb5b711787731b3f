export { isKnownCurrency, minorUnitsOf } from './currencies';
export { MoneyError, type MoneyErrorCode } from './money-error';
export { checkMoney, formatMoney, MAX_AMOUNT_MINOR, parseMoney, type Money } from './money';
