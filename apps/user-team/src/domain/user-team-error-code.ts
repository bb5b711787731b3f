/** Stable error codes of the user-team service; clients may branch on them. Do not rename. */
export enum UserTeamErrorCode {
  InvalidCaller = 'USERTEAM_INVALID_CALLER',
  ProfileNotReady = 'USERTEAM_PROFILE_NOT_READY',
  InvalidProfile = 'USERTEAM_INVALID_PROFILE',
  InvalidUpdateMask = 'USERTEAM_INVALID_UPDATE_MASK',
  InvalidTeam = 'USERTEAM_INVALID_TEAM',
  TeamNotFound = 'USERTEAM_TEAM_NOT_FOUND',
  TeamLimitReached = 'USERTEAM_TEAM_LIMIT_REACHED',
  AdminOnly = 'USERTEAM_ADMIN_ONLY',
  InvalidMemberChange = 'USERTEAM_INVALID_MEMBER_CHANGE',
  MemberNotFound = 'USERTEAM_MEMBER_NOT_FOUND',
  LastAdmin = 'USERTEAM_LAST_ADMIN',
  InvalidInvitation = 'USERTEAM_INVALID_INVITATION',
  AlreadyMember = 'USERTEAM_ALREADY_MEMBER',
  InvitationLimitReached = 'USERTEAM_INVITATION_LIMIT_REACHED',
  InvitationNotFound = 'USERTEAM_INVITATION_NOT_FOUND',
  InvitationExpired = 'USERTEAM_INVITATION_EXPIRED',
}
