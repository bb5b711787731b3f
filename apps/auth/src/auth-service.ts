import type { AuthServiceServer } from '@cashier/contracts/cashier/auth/v1/auth';
import type { ContextTokenVerifier } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import { Housekeeping } from './background/housekeeping';
import { otpPolicyOf, type AuthConfig } from './config';
import type { AuthPrisma } from './db/create-prisma';
import { systemClock, type Clock } from './domain/clock';
import { authHandlers } from './grpc/auth-handlers';
import { SigningKeyCipher } from './keys/signing-key-cipher';
import { SigningKeyRing } from './keys/signing-key-ring';
import { createSmsSender } from './sms/create-sms-sender';
import { SmsDispatcher } from './sms/sms-dispatcher';
import type { SmsSender } from './sms/sms-sender';
import { AccessTokenSigner } from './tokens/access-token-signer';
import type { AuthDeps } from './use-cases/auth-deps';
import { ensureSigningKey } from './use-cases/ensure-signing-key';

export interface AuthServiceOptions {
  config: AuthConfig;
  prisma: AuthPrisma;
  verifier: ContextTokenVerifier;
  logger: Logger;
  /** Tests pass a movable clock and a recording SMS sender; production uses the defaults. */
  clock?: Clock;
  smsSender?: SmsSender;
  smsRetryDelaysMs?: number[];
}

export interface AuthService {
  handlers: AuthServiceServer;
  deps: AuthDeps;
  keyRing: SigningKeyRing;
  sms: SmsDispatcher;
  housekeeping: Housekeeping;
  /** Stops the background timers (key reload, housekeeping). */
  stop(): void;
}

/** Builds the auth service from its settings: signing key ensured and loaded, SMS dispatch, handlers. */
export async function createAuthService(options: AuthServiceOptions): Promise<AuthService> {
  const { config, prisma, logger } = options;
  const clock = options.clock ?? systemClock;
  const cipher = new SigningKeyCipher(config.SIGNING_KEYS_SECRET);
  const ensured = await ensureSigningKey({ prisma, cipher, clock });
  if (ensured.created) logger.info({ kid: ensured.kid }, 'no active signing key: created one');
  const keyRing = new SigningKeyRing(prisma, cipher, logger.child({ component: 'signing-keys' }));
  await keyRing.reload();
  keyRing.startReloading();

  const smsSender = options.smsSender ?? createSmsSender(config);
  const sms = new SmsDispatcher({ sender: smsSender, logger: logger.child({ component: 'sms' }), retryDelaysMs: options.smsRetryDelaysMs });
  logger.info({ provider: smsSender.name }, 'sms provider selected');

  const housekeeping = new Housekeeping(prisma, clock, logger.child({ component: 'housekeeping' }));
  housekeeping.start();

  const deps: AuthDeps = {
    prisma,
    clock,
    otpPolicy: otpPolicyOf(config),
    otpPepper: config.OTP_PEPPER,
    sms,
    accessTokens: new AccessTokenSigner(keyRing, {
      issuer: config.ACCESS_TOKEN_ISSUER,
      audience: config.ACCESS_TOKEN_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    }),
    sessionLifetimeDays: config.REFRESH_TOKEN_TTL_DAYS,
  };
  return {
    handlers: authHandlers({ ...deps, verifier: options.verifier, logger }),
    deps,
    keyRing,
    sms,
    housekeeping,
    stop: () => {
      keyRing.stop();
      housekeeping.stop();
    },
  };
}
