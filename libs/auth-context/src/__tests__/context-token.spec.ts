import { SignJWT, UnsecuredJWT, importJWK } from 'jose';
import {
  ContextTokenSigner,
  ContextTokenVerifier,
  InvalidContextTokenError,
  generateContextKeyPair,
  roleAllows,
  type CallerContext,
} from '../index';

const context: CallerContext = {
  userId: '0190f3a0-0000-7000-8000-000000000001',
  teamId: '0190f3a0-0000-7000-8000-0000000000aa',
  role: 'cashier',
  requestId: 'req-1',
};

describe('context token', () => {
  let signer: ContextTokenSigner;
  let verifier: ContextTokenVerifier;
  beforeAll(async () => {
    const keys = await generateContextKeyPair();
    signer = await ContextTokenSigner.fromJwk(keys.privateJwk);
    verifier = await ContextTokenVerifier.fromJwk(keys.publicJwk, 'transactions');
  });

  it('round-trips the caller context', async () => {
    await expect(verifier.verify(await signer.sign(context, 'transactions'), 'req-1')).resolves.toEqual(context);
  });

  it('refuses a token minted for another service', async () => {
    await expect(verifier.verify(await signer.sign(context, 'billing'), 'req-1')).rejects.toBeInstanceOf(InvalidContextTokenError);
  });

  it('refuses a missing token, a tampered payload and an unsigned token', async () => {
    await expect(verifier.verify(undefined, 'req-1')).rejects.toBeInstanceOf(InvalidContextTokenError);
    const token = await signer.sign(context, 'transactions');
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    await expect(verifier.verify(`${h}.${forged}.${s}`, 'req-1')).rejects.toBeInstanceOf(InvalidContextTokenError);
    const unsigned = new UnsecuredJWT({ team: context.teamId, role: 'admin', rid: 'x' })
      .setSubject(context.userId)
      .setAudience('transactions')
      .setIssuer('cashier-gateway')
      .setIssuedAt()
      .setExpirationTime('1m')
      .encode();
    await expect(verifier.verify(unsigned, 'req-1')).rejects.toBeInstanceOf(InvalidContextTokenError);
  });

  it('reuses one token per caller and callee; the request id travels beside it', async () => {
    const first = await signer.sign(context, 'transactions');
    expect(await signer.sign({ ...context, requestId: 'req-2' }, 'transactions')).toBe(first);
    expect(await signer.sign(context, 'billing')).not.toBe(first);
    expect(await signer.sign({ ...context, role: 'observer' }, 'transactions')).not.toBe(first);
    expect(await signer.sign({ ...context, sessionId: '0190f3a0-0000-7000-8000-0000000000bb' }, 'transactions')).not.toBe(first);
    await expect(verifier.verify(first, 'req-2')).resolves.toEqual({ ...context, requestId: 'req-2' });
    await expect(verifier.verify(first, 'req-3')).resolves.toEqual({ ...context, requestId: 'req-3' });
  });

  it('a forged token stays refused after its genuine twin was accepted', async () => {
    const token = await signer.sign({ ...context, teamId: '0190f3a0-0000-7000-8000-0000000000cc' }, 'transactions');
    await verifier.verify(token, 'req-1');
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' })).toString('base64url');
    await expect(verifier.verify(`${h}.${forged}.${s}`, 'req-1')).rejects.toBeInstanceOf(InvalidContextTokenError);
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateContextKeyPair();
    const token = await new SignJWT({ team: context.teamId, role: 'admin', rid: 'x' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'cashier-ctx+jwt' })
      .setIssuer('cashier-gateway')
      .setAudience('transactions')
      .setSubject(context.userId)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(await importJWK(other.privateJwk, 'EdDSA'));
    await expect(verifier.verify(token, 'req-1')).rejects.toBeInstanceOf(InvalidContextTokenError);
  });
});

describe('roleAllows', () => {
  it('gives observers read only, cashiers read+write, admins everything', () => {
    expect([roleAllows('observer', 'read'), roleAllows('observer', 'write')]).toEqual([true, false]);
    expect([roleAllows('cashier', 'write'), roleAllows('cashier', 'manage')]).toEqual([true, false]);
    expect(roleAllows('admin', 'manage')).toBe(true);
  });
});
