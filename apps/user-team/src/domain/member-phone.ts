import type { Role } from '@cashier/auth-context';
import { maskPhone } from '@cashier/phone';

/** A member's phone as one viewer may see it: in full for admins and for the member themself, masked for the rest. */
export function visiblePhone(phone: string, memberUserId: string, viewer: { userId: string; role: Role }): string {
  if (phone === '' || viewer.role === 'admin' || viewer.userId === memberUserId) return phone;
  return maskPhone(phone);
}
