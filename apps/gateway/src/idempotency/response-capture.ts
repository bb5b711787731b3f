import type { Response } from 'express';
import type { StoredResponse } from './idempotency-store';

/** Larger bodies are not kept for replay. */
export const MAX_REPLAY_BODY_BYTES = 1024 * 1024;

const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

function replayedHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  return headers;
}

/**
 * Calls `settle` once with the response the handler produced, as it is handed to Node
 * (whether or not the client is still connected): a body sent through `res.json` (up to
 * MAX_REPLAY_BODY_BYTES) or no body with 204. Anything else — streamed, larger, or a
 * connection dropped in the middle of a stream — settles with `undefined`: not replayable.
 */
export function captureResponse(res: Response, settle: (response: StoredResponse | undefined) => void): void {
  let settled = false;
  const settleOnce = (response: StoredResponse | undefined) => {
    if (settled) return;
    settled = true;
    settle(response);
  };

  let sendingJson = false;
  const json = res.json.bind(res);
  res.json = (body) => {
    sendingJson = true;
    try {
      return json(body);
    } finally {
      sendingJson = false;
    }
  };

  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    settleOnce(replayable(res, sendingJson, args[0]));
    return end(...args);
  }) as Response['end'];

  res.on('close', () => {
    if (res.headersSent) settleOnce(undefined);
  });
}

function replayable(res: Response, sendingJson: boolean, chunk: unknown): StoredResponse | undefined {
  if (sendingJson) {
    const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    if (Buffer.byteLength(body) > MAX_REPLAY_BODY_BYTES) return undefined;
    return { status: res.statusCode, headers: replayedHeaders(res), body };
  }
  if (res.statusCode === 204) return { status: 204, headers: replayedHeaders(res), body: '' };
  return undefined;
}
