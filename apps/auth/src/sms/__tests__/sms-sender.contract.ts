import { SmsSendError, type SmsMessage, type SmsSender } from '../sms-sender';

/** One adapter wired to a provider the test can observe and break. */
export interface SmsSenderHarness {
  sender: SmsSender;
  /** What the provider has received so far, in order. */
  received(): Promise<{ to: string; body: string }[]>;
  /** From now on the provider refuses every message. */
  breakProvider(): Promise<void>;
  close(): Promise<void>;
}

const message = (i: number): SmsMessage => ({
  to: `+88017123456${String(i).padStart(2, '0')}`,
  body: `Your CashierAI code is 0${String(i).padStart(5, '0')}. It expires in 5 minutes.`,
  challengeId: `01900000-0000-7000-8000-0000000000${String(i).padStart(2, '0')}`,
});

/** The behaviour every SmsSender adapter must have; run it against each one. */
export function smsSenderContract(name: string, setup: () => Promise<SmsSenderHarness>): void {
  describe(`${name} honours the SmsSender contract`, () => {
    let harness: SmsSenderHarness;
    beforeEach(async () => {
      harness = await setup();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('delivers the number and the text unchanged, once', async () => {
      await harness.sender.send(message(1));
      expect(await harness.received()).toEqual([{ to: message(1).to, body: message(1).body }]);
    });

    it('delivers every message of a burst of concurrent sends', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => harness.sender.send(message(i))));
      const received = await harness.received();
      expect(received).toHaveLength(20);
      expect(new Set(received.map((m) => m.body))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => message(i).body)));
    });

    it('rejects with SmsSendError when the provider fails, never repeating the text', async () => {
      await harness.breakProvider();
      const error = await harness.sender.send(message(2)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SmsSendError);
      expect(String((error as Error).message)).not.toContain('000002');
      expect(String((error as Error).message)).not.toContain(message(2).to);
    });

    it('has a name for the logs', () => {
      expect(harness.sender.name).toMatch(/^[a-z]+$/);
    });
  });
}
