import { createHash } from 'node:crypto';
import { hashOtp } from '../domain/otp-hash';
import { randomPhone, rejection, startAuthTestServer, TEST_OTP_PEPPER, wrongCode, type AuthTestServer } from './support/auth-test-server';

/** The value as a whole token, not as part of a longer run of letters or digits (a uuid or a hash). */
const standalone = (value: string) => new RegExp(`(?<![A-Za-z0-9_-])${value.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`);

describe('codes and tokens stay out of logs and the database', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    t = await startAuthTestServer('cashier_auth_it_secrets');
  });
  afterAll(() => t.stop());

  async function databaseDump(): Promise<string> {
    const tables = await t.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  }

  it('after a full sign-in, a refresh and a logout, neither the logs nor any table hold a code or a token', async () => {
    const phone = randomPhone();
    const { challengeId } = await t.requestOtp({ phone });
    const code = await t.codeOf(challengeId);
    const wrong = wrongCode(code);
    await rejection(t.verifyOtp({ challengeId, code: wrong }));
    const { tokens } = await t.verifyOtp({ challengeId, code });
    const next = await t.refresh(tokens!.refreshToken);
    await t.logout({ userId: next.userId, sessionId: next.sessionId });
    await t.auth.sms.idle();

    expect(t.sms.sentTo(phone)[0].body).toContain(code);
    const logs = t.logs.lines.join('');
    expect(t.logs.lines.length).toBeGreaterThan(5);
    for (const secret of [code, wrong, tokens!.refreshToken, next.refreshToken, tokens!.accessToken, next.accessToken, TEST_OTP_PEPPER]) {
      expect(logs).not.toMatch(standalone(secret));
    }
    expect(logs).not.toContain(phone);

    const dump = await databaseDump();
    for (const secret of [code, wrong, tokens!.refreshToken, next.refreshToken, tokens!.accessToken]) {
      expect(dump).not.toMatch(standalone(secret));
    }

    const [challenge] = await t.query<{ code_hash: Buffer }>('SELECT code_hash FROM otp_challenges WHERE id = $1', [challengeId]);
    expect(challenge.code_hash.equals(Buffer.from(code))).toBe(false);
    expect(challenge.code_hash.toString('hex')).not.toContain(code);
    expect(challenge.code_hash.equals(hashOtp(TEST_OTP_PEPPER, challengeId, code))).toBe(true);

    const stored = await t.query<{ token_hash: Buffer }>('SELECT token_hash FROM refresh_tokens WHERE session_id = $1 ORDER BY created_at', [
      tokens!.sessionId,
    ]);
    expect(stored.map((row) => row.token_hash.toString('hex'))).toEqual(
      [tokens!.refreshToken, next.refreshToken].map((token) => createHash('sha256').update(token).digest('hex')),
    );
  });
});
