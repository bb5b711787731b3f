import type { Role } from '@cashier/auth-context';

interface Entry {
  role: Role | null;
  expiresAt: number;
}

/**
 * Recently looked-up roles (and non-memberships) of users in teams. Entries expire after
 * a short TTL and are dropped at once on `userteam.membership.changed.v1` events, so a
 * demotion takes effect within an event's delivery time, and within the TTL at worst.
 */
export class MembershipCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(userId: string, teamId: string): Role | null | undefined {
    const key = `${teamId}:${userId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.role;
  }

  set(userId: string, teamId: string, role: Role | null): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // Non-membership is cached briefly: an accepted invitation must not wait a full TTL.
    const ttl = role === null ? Math.min(this.ttlMs, 2_000) : this.ttlMs;
    this.entries.set(`${teamId}:${userId}`, { role, expiresAt: Date.now() + ttl });
  }

  drop(userId: string, teamId: string): void {
    this.entries.delete(`${teamId}:${userId}`);
  }

  dropTeam(teamId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${teamId}:`)) this.entries.delete(key);
  }
}
