import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';
import { UserTeamErrorCode } from './user-team-error-code';

// The errors more than one use case raises, built in one place so that, for instance, a
// team that does not exist and a team the caller is not in give byte-identical answers.

export function profileNotReady(): ServiceError {
  return ServiceError.notFound(UserTeamErrorCode.ProfileNotReady, 'the profile is not ready yet; try again shortly');
}

/** Missing, deleted, or not the caller's: never tell these apart (no existence oracle). */
export function teamNotFound(): ServiceError {
  return ServiceError.notFound(UserTeamErrorCode.TeamNotFound, 'team not found');
}

export function adminOnly(): ServiceError {
  return ServiceError.denied(UserTeamErrorCode.AdminOnly, 'only a team admin can do this');
}

export function memberNotFound(): ServiceError {
  return ServiceError.notFound(UserTeamErrorCode.MemberNotFound, 'member not found');
}

/** Missing, answered, revoked, or addressed to another phone: all look the same. */
export function invitationNotFound(): ServiceError {
  return ServiceError.notFound(UserTeamErrorCode.InvitationNotFound, 'invitation not found');
}

export function invitationExpired(): ServiceError {
  return new ServiceError(status.FAILED_PRECONDITION, UserTeamErrorCode.InvitationExpired, 'this invitation has expired; ask for a new one');
}

export function lastAdmin(): ServiceError {
  return new ServiceError(
    status.FAILED_PRECONDITION,
    UserTeamErrorCode.LastAdmin,
    'a team needs at least one admin: make another member admin first, or delete the team',
  );
}

export function phoneAlreadyMember(): ServiceError {
  return ServiceError.conflict(UserTeamErrorCode.AlreadyMember, 'this phone number already belongs to a member of the team');
}

export function alreadyMember(): ServiceError {
  return ServiceError.conflict(UserTeamErrorCode.AlreadyMember, 'you are already a member of this team');
}

export function limitReached(code: UserTeamErrorCode, message: string): ServiceError {
  return new ServiceError(status.RESOURCE_EXHAUSTED, code, message);
}
