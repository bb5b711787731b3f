import { ServiceError } from '@cashier/grpc';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';

export function ruleNotFound(): ServiceError {
  return ServiceError.notFound(TransactionsErrorCode.RuleNotFound, 'rule not found');
}
