/**
 * Sessions revoked (logout, revocation, refresh-token reuse) whose access tokens may still
 * be unexpired. Fed by auth's `auth.session.revoked.v1` events; an entry lives as long as
 * the longest access token could.
 */
export class SessionDenylist {
  private readonly revoked = new Map<string, number>();

  constructor(private readonly maxTokenLifetimeMs: number) {}

  revoke(sessionId: string, revokedAt: number): void {
    const until = revokedAt + this.maxTokenLifetimeMs;
    if (until > Date.now()) this.revoked.set(sessionId, until);
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    if (until === undefined) return false;
    if (until <= Date.now()) {
      this.revoked.delete(sessionId);
      return false;
    }
    return true;
  }

  prune(): void {
    const now = Date.now();
    for (const [sessionId, until] of this.revoked) if (until <= now) this.revoked.delete(sessionId);
  }
}
