import { Problem } from '../../http/problem';
import { parseIdempotencyKey, scopedKey } from '../idempotency-key';
import { requestFingerprint } from '../request-fingerprint';

function refusal(header: string): Problem | undefined {
  try {
    parseIdempotencyKey(header);
    return undefined;
  } catch (error) {
    return error as Problem;
  }
}

describe('parseIdempotencyKey', () => {
  it('takes Stripe’s bare form and the draft’s quoted form as the same key', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"say \\"hi\\" \\\\ bye"')).toBe('say "hi" \\ bye');
  });

  it('accepts 1 to 255 printable ASCII characters', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey('order 42: ~!@#$%^&*()')).toBe('order 42: ~!@#$%^&*()');
  });

  it.each([
    ['empty', ''],
    ['an empty quoted string', '""'],
    ['256 characters', 'x'.repeat(256)],
    ['a non-ASCII character', 'café'],
    ['a control character', 'a\tb'],
  ])('refuses %s with a 400 problem', (_what, header) => {
    expect(refusal(header)).toMatchObject({ status: 400, code: 'IDEMPOTENCY_KEY_INVALID' });
  });
});

describe('scopedKey', () => {
  it('keeps the same key of different users and teams apart', () => {
    const keys = new Set([scopedKey('k', 'u1', 't1'), scopedKey('k', 'u2', 't1'), scopedKey('k', 'u1', 't2'), scopedKey('k', 'u1', undefined)]);
    expect(keys.size).toBe(4);
  });
});

describe('requestFingerprint', () => {
  const body = Buffer.from('{"amount":"12.50"}');

  it('is stable for the same method, path, query and body bytes', () => {
    const fingerprint = requestFingerprint('POST', '/v1/transactions?x=1', body);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint('POST', '/v1/transactions?x=1', Buffer.from('{"amount":"12.50"}'))).toBe(fingerprint);
  });

  it('changes with any of them, down to a space in the body', () => {
    const fingerprint = requestFingerprint('POST', '/v1/transactions', body);
    for (const other of [
      requestFingerprint('PATCH', '/v1/transactions', body),
      requestFingerprint('POST', '/v1/accounts', body),
      requestFingerprint('POST', '/v1/transactions?x=1', body),
      requestFingerprint('POST', '/v1/transactions', Buffer.from('{"amount": "12.50"}')),
      requestFingerprint('POST', '/v1/transactions', Buffer.alloc(0)),
    ]) {
      expect(other).not.toBe(fingerprint);
    }
  });
});
