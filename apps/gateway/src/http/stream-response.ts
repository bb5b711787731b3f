import type { Response } from 'express';
import type { Logger } from '@cashier/logger';

class ClientGoneError extends Error {
  constructor() {
    super('the client went away');
    this.name = 'ClientGoneError';
  }
}

function roomToWrite(res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (gone: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (gone) reject(new ClientGoneError());
      else resolve();
    };
    const onDrain = () => settle(false);
    const onClose = () => settle(true);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/**
 * Writes a body produced piece by piece, with backpressure: the next piece is asked for
 * only once the client has room for it. When the client goes away, `cancel` stops the
 * producer. When the producer fails midway, the response is destroyed, never ended: the
 * client sees a broken download rather than a short one that looks complete.
 * Headers must be set before; they go out with the first piece.
 */
export async function streamResponse(res: Response, body: AsyncIterable<string>, cancel: () => void, log: Logger): Promise<void> {
  let clientGone = false;
  res.once('close', () => {
    if (res.writableFinished) return;
    clientGone = true;
    cancel();
  });
  const started = performance.now();
  let bytes = 0;
  try {
    for await (const piece of body) {
      if (clientGone) throw new ClientGoneError();
      bytes += Buffer.byteLength(piece);
      if (!res.write(piece)) await roomToWrite(res);
    }
    res.end();
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    if (clientGone) {
      log.info({ bytes, ms }, 'download abandoned by the client');
    } else {
      log.error({ err: error, bytes, ms }, 'download failed midway; response cut off');
    }
    cancel();
    res.destroy();
  }
}
