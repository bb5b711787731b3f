import type { Member as MemberMessage } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { MemberView } from '../use-cases/member-view';
import { roleToProto } from './role-mapper';

export function memberToProto(member: MemberView): MemberMessage {
  return {
    userId: member.userId,
    name: member.name,
    phone: member.phone,
    role: roleToProto(member.role),
    joinedAt: member.joinedAt,
  };
}
