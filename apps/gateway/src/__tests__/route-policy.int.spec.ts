import type { Router } from 'express';
import Redis from 'ioredis';
import { generateContextKeyPair, ContextTokenSigner } from '@cashier/auth-context';
import { createLogger } from '@cashier/logger';
import { infra } from '@cashier/testing';
import { createApp } from '../app';
import { loadGatewayConfig } from '../config';
import { Downstream } from '../grpc-clients/downstream';
import type { AccessTokenVerifier } from '../identity/access-token-verifier';
import { MembershipCache } from '../identity/membership-cache';
import { MembershipResolver } from '../identity/membership-resolver';
import { SessionDenylist } from '../identity/session-denylist';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  name: string;
  handle: Router & { stack?: Layer[] };
}

/** Every route Express would serve under /v1, from the router stack itself. */
function expressRoutes(v1: Router): string[] {
  return ((v1 as unknown as { stack?: Layer[] }).stack ?? [])
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method} /v1${layer.route!.path}`));
}

describe('deny by default: the gateway serves no /v1 route without a policy', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(infra.redisUrl, { lazyConnect: false });
  });
  afterAll(async () => {
    // The rate-limit stores load their Lua scripts when built; let those replies land first.
    await redis.ping();
    await redis.quit();
  });

  async function build() {
    const keys = await generateContextKeyPair();
    const config = loadGatewayConfig({
      REDIS_URL: infra.redisUrl,
      KAFKA_BROKERS: infra.kafkaBrokers,
      AUTH_GRPC_ADDR: '127.0.0.1:1',
      USER_TEAM_GRPC_ADDR: '127.0.0.1:1',
      TRANSACTIONS_GRPC_ADDR: '127.0.0.1:1',
      BILLING_GRPC_ADDR: '127.0.0.1:1',
      INTERNAL_CONTEXT_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
    });
    const downstream = new Downstream(
      { auth: '127.0.0.1:1', 'user-team': '127.0.0.1:1', transactions: '127.0.0.1:1', billing: '127.0.0.1:1' },
      await ContextTokenSigner.fromJwk(keys.privateJwk),
      100,
    );
    const built = createApp({
      config,
      logger: createLogger('test', 'silent'),
      redis,
      downstream,
      tokens: {} as AccessTokenVerifier,
      denylist: new SessionDenylist(1000),
      memberships: new MembershipResolver(downstream, new MembershipCache(1000)),
      isShuttingDown: () => false,
    });
    downstream.close();
    return built;
  }

  it('every route in the Express stack is in the policy table, and the other way round', async () => {
    const { routes } = await build();
    const served = expressRoutes(routes.router).sort();
    const declared = routes.table.map((entry) => `${entry.method} ${entry.path}`).sort();
    expect(served).toEqual(declared);
    expect(declared.length).toBeGreaterThan(15);
  });

  it('detects a route added behind the policy router’s back', async () => {
    const { routes } = await build();
    routes.router.get('/debug', (_req, res) => {
      res.json({});
    });
    const served = expressRoutes(routes.router);
    const declared = new Set(routes.table.map((entry) => `${entry.method} ${entry.path}`));
    expect(served.filter((route) => !declared.has(route))).toEqual(['get /v1/debug']);
  });
});
