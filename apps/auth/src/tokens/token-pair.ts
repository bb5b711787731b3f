/** What a successful sign-in or refresh hands out (the shape of cashier.auth.v1.TokenPair). */
export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  /** The session's absolute end: rotation never extends it. */
  refreshTokenExpiresAt: Date;
  sessionId: string;
  userId: string;
}
