/** Caps on the flows that cost money or invite abuse (RELIABILITY.md 1.13). */
export const TEAMS_PER_USER_PER_DAY = 20;
export const INVITATIONS_PER_TEAM_PER_HOUR = 30;
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

export const MAX_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_LOCALE_LENGTH = 35;
