import type { AuthPrisma } from '../db/create-prisma';
import type { Clock } from '../domain/clock';
import type { OtpPolicy } from '../domain/otp-policy';
import type { SmsMessage } from '../sms/sms-sender';
import type { AccessTokenSigner } from '../tokens/access-token-signer';

/** What the auth use cases run on; built once in auth-service.ts. */
export interface AuthDeps {
  prisma: AuthPrisma;
  clock: Clock;
  otpPolicy: OtpPolicy;
  otpPepper: string;
  sms: { dispatch(message: SmsMessage): void };
  accessTokens: AccessTokenSigner;
  sessionLifetimeDays: number;
}
