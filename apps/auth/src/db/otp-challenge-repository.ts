import type { AuthTx } from './transaction';

export interface NewOtpChallenge {
  id: string;
  phone: string;
  codeHash: Buffer;
  createdAt: Date;
  expiresAt: Date;
  clientIp: string | null;
  ipBucket: string | null;
}

/** OTP challenges: one row per code sent. Every lookup is by id, phone or address bucket. */
export const OtpChallengeRepository = {
  /** Send times to this phone since `since`, newest first. */
  /** Codes sent to anyone since `since`, counted up to `limit` (enough to know the budget is spent). */
  async sendsSince(tx: AuthTx, since: Date, limit: number): Promise<number> {
    const [{ sends }] = await tx.$queryRaw<{ sends: number }[]>`
      SELECT count(*)::int AS sends FROM (SELECT 1 FROM otp_challenges WHERE created_at > ${since} LIMIT ${limit}) recent`;
    return sends;
  },

  async phoneSendsSince(tx: AuthTx, phone: string, since: Date, limit: number): Promise<Date[]> {
    const rows = await tx.otpChallenge.findMany({
      where: { phone, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    return rows.map((row) => row.createdAt);
  },

  /** Send times from this client address bucket since `since`, newest first. */
  async ipSendsSince(tx: AuthTx, ipBucket: string, since: Date, limit: number): Promise<Date[]> {
    const rows = await tx.otpChallenge.findMany({
      where: { ipBucket, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    return rows.map((row) => row.createdAt);
  },

  /** A resend: the phone's codes still pending stop working. */
  async supersedePending(tx: AuthTx, phone: string, now: Date): Promise<number> {
    const { count } = await tx.otpChallenge.updateMany({
      where: { phone, consumedAt: null, supersededAt: null, expiresAt: { gt: now } },
      data: { supersededAt: now },
    });
    return count;
  },

  async insert(tx: AuthTx, challenge: NewOtpChallenge): Promise<void> {
    await tx.otpChallenge.create({ data: { ...challenge, codeHash: new Uint8Array(challenge.codeHash) } });
  },

  async phoneOf(tx: AuthTx, id: string): Promise<string | null> {
    const row = await tx.otpChallenge.findUnique({ where: { id }, select: { phone: true } });
    return row?.phone ?? null;
  },

  /**
   * Spends one attempt on a live challenge in a single UPDATE (which also row-locks it until
   * the transaction ends) and returns its stored hash; null when the challenge is expired,
   * used, superseded, out of attempts or unknown.
   */
  async takeAttempt(tx: AuthTx, id: string, now: Date, maxAttempts: number): Promise<Uint8Array | null> {
    const { count } = await tx.otpChallenge.updateMany({
      where: { id, consumedAt: null, supersededAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
      data: { attempts: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await tx.otpChallenge.findUnique({ where: { id }, select: { codeHash: true } });
    return row?.codeHash ?? null;
  },

  /** Marks the challenge used; true only for the one caller whose update hit the row. */
  async consume(tx: AuthTx, id: string, now: Date): Promise<boolean> {
    const { count } = await tx.otpChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
    return count === 1;
  },

  async deleteCreatedBefore(tx: AuthTx, before: Date): Promise<number> {
    const { count } = await tx.otpChallenge.deleteMany({ where: { createdAt: { lt: before } } });
    return count;
  },
};
