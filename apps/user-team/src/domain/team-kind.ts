/** What kind of group a team is; only shapes defaults and wording in the app. */
export type TeamKind = 'family' | 'company' | 'institution' | 'other';
