import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../../src/services/coalescer.js';

const log = pino({ level: 'silent' });

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst for one key into one run, and requests during a run into exactly one more', async () => {
    const runs: string[] = [];
    const inflight = new Map<string, () => void>();
    const c = new Coalescer(
      (key) => {
        runs.push(key);
        return new Promise<void>((r) => inflight.set(key, r));
      },
      'test',
      log,
      500,
    );
    const finish = async (key: string) => {
      inflight.get(key)?.();
      inflight.delete(key);
      await vi.advanceTimersByTimeAsync(0);
    };
    for (let i = 0; i < 20; i++) c.request('a');
    c.request('b');
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect([...runs].sort()).toEqual(['a', 'b']);
    for (let i = 0; i < 5; i++) c.request('b'); // while b runs
    await finish('a');
    await finish('b');
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual(['a', 'b', 'b']);
    const settled = c.settled();
    await finish('b');
    await settled;
    expect(runs).toHaveLength(3);
  });

  it('keeps going after a failed run', async () => {
    let n = 0;
    const c = new Coalescer(
      async () => {
        n++;
        if (n === 1) throw new Error('slack down');
      },
      'test',
      log,
      10,
    );
    c.request('a');
    await vi.advanceTimersByTimeAsync(10);
    c.request('a');
    await vi.advanceTimersByTimeAsync(10);
    expect(n).toBe(2);
  });
});
