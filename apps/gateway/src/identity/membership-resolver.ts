import { status } from '@grpc/grpc-js';
import type { Role, UserContext } from '@cashier/auth-context';
import type { Downstream } from '../grpc-clients/downstream';
import { isGrpcError } from '../http/grpc-problem';
import type { MembershipCache } from './membership-cache';
import { roleFromProto } from './role-mapping';

/** The caller's role in a team, from user-team (through a short cache); null = not a member. */
export class MembershipResolver {
  constructor(
    private readonly downstream: Downstream,
    private readonly cache: MembershipCache,
  ) {}

  async roleOf(user: UserContext, teamId: string): Promise<Role | null> {
    const cached = this.cache.get(user.userId, teamId);
    if (cached !== undefined) return cached;
    let role: Role | null;
    try {
      const membership = await this.downstream.call('user-team', 'getMembership', { teamId }, user);
      role = roleFromProto(membership.role) ?? null;
    } catch (error) {
      if (!isGrpcError(error) || error.code !== status.NOT_FOUND) throw error;
      role = null;
    }
    this.cache.set(user.userId, teamId, role);
    return role;
  }
}
