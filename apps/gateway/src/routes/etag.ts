import type { Request, Response } from 'express';
import { status, type ServiceError as GrpcError } from '@grpc/grpc-js';
import { ERROR_CODE_KEY } from '@cashier/grpc';
import { isGrpcError } from '../http/grpc-problem';
import { Problem } from '../http/problem';

const VERSION_MISMATCH = 'TRANSACTIONS_VERSION_MISMATCH';

/** The strong ETag of a versioned entity: `"v<version>"`. */
export function setEtag(res: Response, version: bigint | number): void {
  res.setHeader('ETag', `"v${version}"`);
}

/** The version named by If-Match, or null when the header is absent; anything but one `"v<n>"` is a 400. */
export function ifMatchVersion(req: Request): bigint | null {
  const header = req.header('if-match');
  if (header === undefined) return null;
  const match = /^\s*"v([1-9][0-9]{0,17})"\s*$/.exec(header);
  if (!match) {
    throw new Problem(400, 'INVALID_IF_MATCH', 'If-Match must be the ETag you read, like "v3"', [
      { field: 'If-Match', message: 'send the ETag from GET, like "v3"' },
    ]);
  }
  return BigInt(match[1]);
}

/** If-Match as a required precondition (428 Precondition Required when missing). */
export function requiredIfMatch(req: Request): bigint {
  const version = ifMatchVersion(req);
  if (version === null) {
    throw new Problem(428, 'PRECONDITION_REQUIRED', 'send If-Match with the ETag you read, so that no one else’s change is overwritten');
  }
  return version;
}

function isVersionMismatch(error: unknown): error is GrpcError {
  return isGrpcError(error) && error.code === status.FAILED_PRECONDITION && error.metadata.get(ERROR_CODE_KEY)[0] === VERSION_MISMATCH;
}

/**
 * Runs a conditional write; a stale version (FAILED_PRECONDITION with code
 * TRANSACTIONS_VERSION_MISMATCH) becomes 412 Precondition Failed (RFC 9110 §13.1.1).
 */
export async function conditionally<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isVersionMismatch(error)) {
      throw new Problem(412, VERSION_MISMATCH, 'it was changed since you read it; read it again and retry');
    }
    throw error;
  }
}
