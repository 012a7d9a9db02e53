import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex';

describe('Mutex', () => {
  it('runs holders one at a time, in arrival order', async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    const hold = (name: string, ms: number) =>
      mutex.runExclusive(async () => {
        events.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`${name} end`);
        return name;
      });

    const results = await Promise.all([hold('a', 20), hold('b', 1), hold('c', 5)]);

    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets the next holder run after one that threw', async () => {
    const mutex = new Mutex();

    const failed = mutex.runExclusive(async () => {
      throw new Error('boom');
    });
    const next = mutex.runExclusive(async () => 'ran');

    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
