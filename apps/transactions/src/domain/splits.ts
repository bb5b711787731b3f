import type { FieldViolation } from '@cashier/grpc';
import type { Money } from '@cashier/money';
import { parseId } from './client-id';
import { positiveMoney } from './checked-money';

export interface SplitPart {
  categoryId: string;
  amountMinor: bigint;
  description: string;
}

export interface SplitInput {
  categoryId: string;
  amount: Money | undefined;
  description: string;
}

export const MIN_SPLIT_PARTS = 2;
export const MAX_SPLIT_PARTS = 50;
export const MAX_SPLIT_DESCRIPTION_LENGTH = 200;

/**
 * The parts of a split payment: each names a category and a positive amount in the
 * transaction's currency, and together they add up exactly to the whole; never rounded.
 */
export function checkSplits(parts: readonly SplitInput[], whole: Money | undefined, violations: FieldViolation[]): SplitPart[] {
  if (parts.length === 0) return [];
  if (parts.length < MIN_SPLIT_PARTS || parts.length > MAX_SPLIT_PARTS) {
    violations.push({ field: 'splits', description: `a split has ${MIN_SPLIT_PARTS} to ${MAX_SPLIT_PARTS} parts` });
    return [];
  }
  const checked: SplitPart[] = [];
  parts.forEach((part, index) => {
    const field = `splits[${index}]`;
    const categoryId = parseId(part.categoryId);
    if (!categoryId) violations.push({ field: `${field}.category_id`, description: 'must be a category id' });
    const amount = positiveMoney(part.amount, `${field}.amount`, violations, `${field}.currency`);
    if (amount && whole && amount.currencyCode !== whole.currencyCode) {
      violations.push({ field: `${field}.amount`, description: `must be in the transaction's currency ${whole.currencyCode}` });
    }
    if (part.description.length > MAX_SPLIT_DESCRIPTION_LENGTH) {
      violations.push({ field: `${field}.description`, description: `at most ${MAX_SPLIT_DESCRIPTION_LENGTH} characters` });
    }
    if (categoryId && amount) checked.push({ categoryId, amountMinor: amount.amountMinor, description: part.description });
  });
  if (checked.length === parts.length && whole) {
    const total = sumOfParts(checked);
    if (total !== whole.amountMinor) {
      violations.push({
        field: 'splits',
        description: `the parts add up to ${total} minor units but the amount is ${whole.amountMinor}; they must be equal`,
      });
    }
  }
  return checked;
}

export function sumOfParts(parts: readonly { amountMinor: bigint }[]): bigint {
  return parts.reduce((sum, part) => sum + part.amountMinor, 0n);
}
