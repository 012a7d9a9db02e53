import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../database';
import { createPairingRefresher } from './pairing-refresher';
import type { PairingRefresh } from './refresh-pairing-proposals';

// The refresher only hands the database to its refresh: no database is opened here.
const db = {} as Database;

function refreshed(at: Date): PairingRefresh {
  return { consultants: 0, tasks: 0, pairedConsultants: 0, assigned: 0, proposals: 0, totalScore: 0, computedAt: at };
}

describe('pairing refresher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes one refresh of a burst of requests, after the delay', async () => {
    const runs: Date[] = [];
    const refresher = createPairingRefresher({ db, clock: () => new Date(), delayMs: 1_000, refresh: async (_, at) => (runs.push(at), refreshed(at)) });

    refresher.request();
    await vi.advanceTimersByTimeAsync(500);
    refresher.request();
    refresher.request();
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);

    expect(runs).toHaveLength(1);
    await refresher.stop();
  });

  it('runs once more after a run during which a request came, never two at once', async () => {
    let active = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const seen: PairingRefresh[] = [];
    const refresher = createPairingRefresher({
      db,
      clock: () => new Date(),
      delayMs: 100,
      onRefreshed: (result) => seen.push(result),
      refresh: async (_, at) => {
        active += 1;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => (finish = resolve));
        active -= 1;
        return refreshed(at);
      },
    });

    refresher.request();
    await vi.advanceTimersByTimeAsync(100);
    refresher.request();
    refresher.request();
    await vi.advanceTimersByTimeAsync(500);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);

    expect(seen).toHaveLength(2);
    expect(most).toBe(1);
    await refresher.stop();
  });

  it('reports a failed refresh and keeps serving requests', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const refresher = createPairingRefresher({
      db,
      clock: () => new Date(),
      delayMs: 10,
      onError: (error) => errors.push(error),
      refresh: async (_, at) => {
        calls += 1;
        if (calls === 1) throw new Error('database unreachable');
        return refreshed(at);
      },
    });

    refresher.request();
    await vi.advanceTimersByTimeAsync(10);
    refresher.request();
    await vi.advanceTimersByTimeAsync(10);

    expect(errors).toEqual([new Error('database unreachable')]);
    expect(calls).toBe(2);
    await refresher.stop();
  });

  it('cancels a refresh not yet started when stopped, and takes no more requests', async () => {
    let calls = 0;
    const refresher = createPairingRefresher({ db, clock: () => new Date(), delayMs: 10, refresh: async (_, at) => (calls++, refreshed(at)) });

    refresher.request();
    await refresher.stop();
    refresher.request();
    await vi.advanceTimersByTimeAsync(100);

    expect(calls).toBe(0);
  });
});
