import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SmsSendError, type SmsMessage, type SmsSender } from './sms-sender';

/**
 * The development and test "provider": appends one JSON line per message to a file a
 * developer (or a test) can read: {"to","body","challengeId","at"}.
 */
export class FileSmsSink implements SmsSender {
  readonly name = 'sink';
  readonly file: string;
  private ready: Promise<unknown> | undefined;

  constructor(
    file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = resolve(file);
  }

  async send(message: SmsMessage): Promise<void> {
    const line = `${JSON.stringify({ to: message.to, body: message.body, challengeId: message.challengeId, at: this.now().toISOString() })}\n`;
    try {
      this.ready ??= mkdir(dirname(this.file), { recursive: true });
      await this.ready;
      await appendFile(this.file, line, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      this.ready = undefined;
      throw new SmsSendError(`could not write to the SMS sink: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
}
