import { Writable } from 'node:stream';
import { createLogger } from '@cashier/logger';
import { SmsDispatcher } from '../sms-dispatcher';
import { SmsSendError, type SmsMessage, type SmsSender } from '../sms-sender';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('auth', 'debug', stream), lines, raw };
}

class ScriptedSender implements SmsSender {
  readonly name = 'scripted';
  readonly sent: SmsMessage[] = [];
  attempts = 0;
  constructor(private failuresBeforeSuccess: number, private readonly delayMs = 0) {}
  async send(message: SmsMessage): Promise<void> {
    this.attempts++;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failuresBeforeSuccess-- > 0) throw new SmsSendError('SMS provider answered HTTP 503');
    this.sent.push(message);
  }
}

const message: SmsMessage = {
  to: '+8801712345678',
  body: 'Your CashierAI code is 482913. It expires in 5 minutes.',
  challengeId: '01900000-0000-7000-8000-000000000001',
};

describe('SmsDispatcher', () => {
  it('returns at once, before a slow provider has answered', async () => {
    const sender = new ScriptedSender(0, 200);
    const { logger } = capturedLogger();
    const dispatcher = new SmsDispatcher({ sender, logger });
    dispatcher.dispatch(message);
    expect(sender.sent).toEqual([]);
    await dispatcher.idle();
    expect(sender.sent).toEqual([message]);
  });

  it('retries a failed send, logging each failure without the text', async () => {
    const sender = new ScriptedSender(2);
    const { logger, lines, raw } = capturedLogger();
    const dispatcher = new SmsDispatcher({ sender, logger, retryDelaysMs: [1, 1, 1] });
    dispatcher.dispatch(message);
    await dispatcher.idle();
    expect(sender.attempts).toBe(3);
    expect(sender.sent).toEqual([message]);
    expect(lines.map((line) => line.msg)).toEqual(['sms send failed; will retry', 'sms send failed; will retry', 'sms sent']);
    expect(lines[0]).toMatchObject({ level: 'warn', challengeId: message.challengeId, to: '+8801******678', attempt: 1 });
    expect(raw.join('')).not.toContain('482913');
    expect(raw.join('')).not.toContain(message.to);
  });

  it('gives up after the last retry and says so', async () => {
    const sender = new ScriptedSender(99);
    const { logger, lines } = capturedLogger();
    const dispatcher = new SmsDispatcher({ sender, logger, retryDelaysMs: [1, 1] });
    dispatcher.dispatch(message);
    await dispatcher.idle();
    expect(sender.attempts).toBe(3);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'sms not sent; giving up', reason: 'SMS provider answered HTTP 503' });
  });

  it('bounds the queue', async () => {
    const sender = new ScriptedSender(0, 20);
    const { logger, lines } = capturedLogger();
    const dispatcher = new SmsDispatcher({ sender, logger, concurrency: 1, maxQueued: 2 });
    for (let i = 0; i < 5; i++) dispatcher.dispatch({ ...message, challengeId: `c${i}` });
    await dispatcher.idle();
    expect(sender.sent.map((m) => m.challengeId)).toEqual(['c0', 'c1', 'c2']);
    expect(lines.filter((line) => line.msg === 'sms queue full; message dropped')).toHaveLength(2);
  });
});
