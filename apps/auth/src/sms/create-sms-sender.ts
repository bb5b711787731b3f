import type { AuthConfig } from '../config';
import { FileSmsSink } from './file-sms-sink';
import { HttpSmsSender } from './http-sms-sender';
import type { SmsSender } from './sms-sender';

/** The adapter SMS_PROVIDER names; config validation guarantees the HTTP settings when it is "http". */
export function createSmsSender(config: AuthConfig): SmsSender {
  if (config.SMS_PROVIDER === 'http') {
    return new HttpSmsSender({ url: config.SMS_HTTP_URL!, token: config.SMS_HTTP_TOKEN! });
  }
  return new FileSmsSink(config.SMS_SINK_FILE);
}
