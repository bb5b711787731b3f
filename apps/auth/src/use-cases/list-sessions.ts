import type { UserContext } from '@cashier/auth-context';
import { SessionRepository } from '../db/session-repository';
import type { AuthDeps } from './auth-deps';

export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  deviceName: string;
  current: boolean;
}

/** The caller's live sessions, newest first; `current` marks the one making this call. */
export async function listSessions(deps: Pick<AuthDeps, 'prisma' | 'clock'>, caller: UserContext): Promise<SessionView[]> {
  const sessions = await SessionRepository.listLive(deps.prisma, caller.userId, deps.clock());
  return sessions.map((session) => ({
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    deviceName: session.deviceName,
    current: session.id === caller.sessionId,
  }));
}
