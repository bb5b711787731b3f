import { Router, type RequestHandler } from 'express';
import type { Permission } from '@cashier/auth-context';

/** Who may call a route. Every route has one; a route without one cannot be registered. */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'user' }
  | { access: 'team'; permission: Permission };

export const PUBLIC: RoutePolicy = { access: 'public' };
export const SIGNED_IN: RoutePolicy = { access: 'user' };
export const TEAM_READ: RoutePolicy = { access: 'team', permission: 'read' };
export const TEAM_WRITE: RoutePolicy = { access: 'team', permission: 'write' };
export const TEAM_MANAGE: RoutePolicy = { access: 'team', permission: 'manage' };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface PolicyEntry {
  method: Method;
  path: string;
  policy: RoutePolicy;
}

export interface PolicyGuards {
  authenticate: RequestHandler;
  teamAccess: (permission: Permission) => RequestHandler;
  /** Idempotency-Key on signed-in writes; after the access checks, so no refusal is ever remembered. */
  idempotency?: RequestHandler;
}

/** The methods an Idempotency-Key applies to. */
const IDEMPOTENCY_KEY_METHODS: ReadonlySet<Method> = new Set(['post', 'patch', 'delete']);

/**
 * An Express router that only accepts routes with a policy and puts the matching guards
 * in front of each; `table` lists them all (for the route-policy tests and the docs).
 */
export class PolicyRouter {
  readonly router = Router();
  readonly table: PolicyEntry[] = [];

  constructor(
    private readonly prefix: string,
    private readonly guards: PolicyGuards,
  ) {}

  route(method: Method, path: string, policy: RoutePolicy, handler: RequestHandler): this {
    const chain: RequestHandler[] = [];
    if (policy.access !== 'public') chain.push(this.guards.authenticate);
    if (policy.access === 'team') chain.push(this.guards.teamAccess(policy.permission));
    if (policy.access !== 'public' && this.guards.idempotency && IDEMPOTENCY_KEY_METHODS.has(method)) {
      chain.push(this.guards.idempotency);
    }
    this.router[method](path, ...chain, handler);
    this.table.push({ method, path: `${this.prefix}${path}`, policy });
    return this;
  }
}
