import { join } from 'node:path';
import { loadAuthConfig } from '../../config';
import { createSmsSender } from '../create-sms-sender';
import { FileSmsSink } from '../file-sms-sink';
import { HttpSmsSender } from '../http-sms-sender';

const secrets = { OTP_PEPPER: 'p'.repeat(32), SIGNING_KEYS_SECRET: 'k'.repeat(32) };

describe('createSmsSender', () => {
  it('defaults to the file sink at var/sms/outbox.jsonl under the working directory', () => {
    const sender = createSmsSender(loadAuthConfig(secrets));
    expect(sender).toBeInstanceOf(FileSmsSink);
    expect((sender as FileSmsSink).file).toBe(join(process.cwd(), 'var', 'sms', 'outbox.jsonl'));
  });

  it('selects the HTTP provider with SMS_PROVIDER=http', () => {
    const config = loadAuthConfig({ ...secrets, SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_TOKEN: 't' });
    expect(createSmsSender(config)).toBeInstanceOf(HttpSmsSender);
  });
});
