/** One text message. `body` carries a secret: it goes to the provider and nowhere else (no logs). */
export interface SmsMessage {
  to: string;
  body: string;
  challengeId: string;
}

/** The port every SMS adapter implements. Resolves once the provider has accepted the message. */
export interface SmsSender {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** A send that failed; the message says why without repeating the SMS text or the provider's answer body. */
export class SmsSendError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SmsSendError';
  }
}
