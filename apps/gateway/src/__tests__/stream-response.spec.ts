import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { createLogger } from '@cashier/logger';
import { streamResponse } from '../http/stream-response';

/** A stand-in for an HTTP response: records what is written, refuses more while "full". */
class FakeResponse extends EventEmitter {
  readonly written: string[] = [];
  full = false;
  ended = false;
  destroyed = false;
  writableFinished = false;

  write(piece: string): boolean {
    this.written.push(piece);
    return !this.full;
  }

  end(): void {
    this.ended = true;
    this.writableFinished = true;
    this.emit('close');
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }

  /** The client hangs up. */
  hangUp(): void {
    this.emit('close');
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

function producer(failAfter = Infinity) {
  const state = { pulled: 0, cancelled: 0 };
  async function* pieces() {
    for (let i = 1; i <= 5; i++) {
      if (i > failAfter) throw new Error('stream broke');
      state.pulled = i;
      yield `piece ${i};`;
    }
  }
  return { state, pieces: pieces(), cancel: () => void (state.cancelled += 1) };
}

describe('streaming a body into the response', () => {
  const log = createLogger('test', 'silent');
  const send = (res: FakeResponse, p: ReturnType<typeof producer>) => streamResponse(res as unknown as Response, p.pieces, p.cancel, log);

  it('writes every piece and ends the response', async () => {
    const res = new FakeResponse();
    const p = producer();
    await send(res, p);
    expect([res.written.join(''), res.ended, res.destroyed, p.state.cancelled]).toEqual(['piece 1;piece 2;piece 3;piece 4;piece 5;', true, false, 0]);
  });

  it('asks for the next piece only after the client has drained the previous one', async () => {
    const res = new FakeResponse();
    res.full = true;
    const p = producer();
    const done = send(res, p);
    await tick();
    expect([res.written.length, p.state.pulled]).toEqual([1, 1]);
    res.full = false;
    res.emit('drain');
    await done;
    expect([res.written.length, res.ended]).toEqual([5, true]);
  });

  it('cancels the producer when the client hangs up, and stops writing', async () => {
    const res = new FakeResponse();
    res.full = true;
    const p = producer();
    const done = send(res, p);
    await tick();
    res.hangUp();
    await done;
    expect([res.written.length, p.state.pulled, res.ended, p.state.cancelled > 0]).toEqual([1, 1, false, true]);
  });

  it('destroys the response, never ends it, when the producer fails midway', async () => {
    const res = new FakeResponse();
    const p = producer(2);
    await send(res, p);
    expect([res.written, res.ended, res.destroyed]).toEqual([['piece 1;', 'piece 2;'], false, true]);
  });
});
