import type { Response } from 'express';
import type { CallerContext } from '@cashier/auth-context';

/** The authenticated caller of this request, set by the identity middleware. */
export function callerOf(res: Response): CallerContext {
  const caller = res.locals.caller as CallerContext | undefined;
  if (!caller) throw new Error('route reached without an identity middleware');
  return caller;
}
