import type { Request, Response } from 'express';
import type { CallerContext, InternalContext, UserContext } from '@cashier/auth-context';

/** The signed-in user of this request, set by `authenticate`. */
export function userOf(res: Response): UserContext {
  const user = res.locals.user as UserContext | undefined;
  if (!user) throw new Error('route reached without authentication');
  return user;
}

/** The member and team of this request, set by `teamAccess`. */
export function callerOf(res: Response): CallerContext {
  const caller = res.locals.caller as CallerContext | undefined;
  if (!caller) throw new Error('route reached without a team check');
  return caller;
}

/** A request before sign-in: only the request id is vouched for. */
export function anonymousOf(res: Response): InternalContext {
  return { requestId: res.locals.requestId as string };
}

export function clientIp(req: Request): string {
  return req.ip ?? '';
}
