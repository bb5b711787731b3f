import { SmsSendError, type SmsMessage, type SmsSender } from './sms-sender';

export interface HttpSmsSenderOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

/**
 * An SMS provider behind a JSON HTTP API: POST {to, body} with a bearer token. Redirects
 * are refused (never followed), the call is bounded by a timeout, and anything but 2xx
 * is a failure. The provider's answer body is never read into logs or errors.
 */
export class HttpSmsSender implements SmsSender {
  readonly name = 'http';
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpSmsSenderOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async send(message: SmsMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ to: message.to, body: message.body }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const failure = error as Error & { cause?: { message?: string } };
      if (failure.name === 'TimeoutError') throw new SmsSendError(`SMS provider timed out after ${this.timeoutMs} ms`);
      // fetch reports a refused redirect or a connection error as "fetch failed" with the reason in `cause`.
      throw new SmsSendError(`SMS provider unreachable: ${failure.cause?.message ?? failure.message}`);
    }
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) throw new SmsSendError(`SMS provider answered HTTP ${response.status}`);
  }
}
