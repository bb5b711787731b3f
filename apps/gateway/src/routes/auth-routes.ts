import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { TokenPair } from '@cashier/contracts/cashier/auth/v1/auth';
import { isUuid } from '@cashier/ids';
import type { Downstream } from '../grpc-clients/downstream';
import type { AccessTokenVerifier } from '../identity/access-token-verifier';
import { anonymousOf, clientIp, userOf } from '../http/caller';
import { Problem } from '../http/problem';
import { PUBLIC, SIGNED_IN, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';

const loginBody = z.strictObject({
  phone: z.string().min(3).max(40),
  default_region: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code like "BD"').optional(),
});

const verifyBody = z.strictObject({
  challenge_id: z.uuid({ error: 'must be the challenge_id from /v1/auth/login' }),
  code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the SMS'),
  device_name: z.string().max(100).default(''),
});

const refreshBody = z.strictObject({
  refresh_token: z.string().min(20).max(200),
});

function tokensJson(tokens: TokenPair) {
  return {
    token_type: 'Bearer',
    access_token: tokens.accessToken,
    expires_in: tokens.accessTokenExpiresIn,
    refresh_token: tokens.refreshToken,
    refresh_token_expires_at: tokens.refreshTokenExpiresAt?.toISOString(),
    session_id: tokens.sessionId,
    user_id: tokens.userId,
  };
}

export function authRoutes(
  routes: PolicyRouter,
  downstream: Downstream,
  verifier: AccessTokenVerifier,
  otpLimit: RequestHandler,
): void {
  routes.router.use(['/auth/login', '/auth/verify-otp', '/auth/refresh'], otpLimit);

  routes.route('post', '/auth/login', PUBLIC, async (req, res) => {
    const body = validate(loginBody, req.body ?? {});
    const challenge = await downstream.call(
      'auth',
      'requestOtp',
      { phone: body.phone, defaultRegion: body.default_region ?? '', clientIp: clientIp(req) },
      anonymousOf(res),
    );
    res.status(202).json({
      challenge_id: challenge.challengeId,
      expires_at: challenge.expiresAt?.toISOString(),
      resend_after_seconds: challenge.resendAfterSeconds,
    });
  });

  routes.route('post', '/auth/verify-otp', PUBLIC, async (req, res) => {
    const body = validate(verifyBody, req.body ?? {});
    const result = await downstream.call(
      'auth',
      'verifyOtp',
      { challengeId: body.challenge_id, code: body.code, deviceName: body.device_name, clientIp: clientIp(req) },
      anonymousOf(res),
    );
    res.json({ ...tokensJson(result.tokens!), new_user: result.newUser });
  });

  routes.route('post', '/auth/refresh', PUBLIC, async (req, res) => {
    const body = validate(refreshBody, req.body ?? {});
    const result = await downstream.call('auth', 'refresh', { refreshToken: body.refresh_token }, anonymousOf(res));
    res.json(tokensJson(result.tokens!));
  });

  routes.route('post', '/auth/logout', SIGNED_IN, async (_req, res) => {
    await downstream.call('auth', 'logout', {}, userOf(res));
    res.status(204).end();
  });

  routes.route('get', '/auth/sessions', SIGNED_IN, async (_req, res) => {
    const { sessions } = await downstream.call('auth', 'listSessions', {}, userOf(res));
    res.json({
      sessions: sessions.map((s) => ({
        id: s.id,
        device_name: s.deviceName,
        created_at: s.createdAt?.toISOString(),
        last_used_at: s.lastUsedAt?.toISOString(),
        current: s.current,
      })),
    });
  });

  routes.route('delete', '/auth/sessions/:sessionId', SIGNED_IN, async (req, res) => {
    const sessionId = String(req.params.sessionId).toLowerCase();
    if (!isUuid(sessionId)) throw new Problem(404, 'SESSION_NOT_FOUND', 'session not found');
    await downstream.call('auth', 'revokeSession', { sessionId }, userOf(res));
    res.status(204).end();
  });

  routes.route('get', '/auth/jwks', PUBLIC, async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await verifier.jwks());
  });
}
