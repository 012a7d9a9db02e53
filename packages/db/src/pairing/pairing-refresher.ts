import type { Database } from '../database';
import { pairingTimeAt } from './load-pairing-input';
import { type PairingRefresh, refreshPairingProposals } from './refresh-pairing-proposals';

export interface PairingRefresherOptions {
  db: Database;
  clock: () => Date;
  /** How long to wait after a request for more to come, so a burst of deliveries makes one run (2 s unless told). */
  delayMs?: number;
  onRefreshed?: (refresh: PairingRefresh) => void;
  onError?: (error: unknown) => void;
  /** The refresh itself: `refreshPairingProposals` at the clock's time unless told (a test passes its own). */
  refresh?: (db: Database, at: Date) => Promise<PairingRefresh>;
}

export interface PairingRefresher {
  /** Asks for a refresh soon: requests within `delayMs` of each other make one. */
  request(): void;
  /** Waits for a refresh in progress, cancels one not yet started, and takes no more requests. */
  stop(): Promise<void>;
}

const DEFAULT_DELAY_MS = 2_000;

/**
 * Keeps the stored proposals in step with tasks, claims and availability: the server asks for
 * a refresh after each change (a processed delivery, an admin change) and on a timer (windows
 * open and close with the day, tasks age). One refresh at most runs at a time; a request during
 * a run makes one more run after it, never two at once, so a slow run (a large population)
 * cannot pile up.
 */
export function createPairingRefresher(options: PairingRefresherOptions): PairingRefresher {
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const refresh = options.refresh ?? ((db: Database, at: Date) => refreshPairingProposals(db, pairingTimeAt(at)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function run(): Promise<void> {
    timer = undefined;
    try {
      const result = await refresh(options.db, options.clock());
      options.onRefreshed?.(result);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = undefined;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  }

  function schedule(): void {
    if (timer !== undefined || stopped) return;
    timer = setTimeout(() => {
      running = run();
    }, delayMs);
    // A pending refresh never keeps the process alive on its own.
    timer.unref?.();
  }

  return {
    request() {
      if (stopped) return;
      if (running !== undefined) again = true;
      else schedule();
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
