/**
 * A first-come, first-served lock for one asynchronous resource: each `runExclusive` waits
 * for the previous holder to settle, whether it resolved or threw.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn);
    // The next holder waits for this one to settle, never for its outcome.
    this.#tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
