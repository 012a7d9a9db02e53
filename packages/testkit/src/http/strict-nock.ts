import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * A forge's API at the HTTP boundary: no real network, and each test fails on a request it
 * did not mock or a mock it did not use, listing them.
 */
export function useStrictNock(): void {
  const unexpected: string[] = [];
  const recordUnexpected = (request: { method?: string; path?: string; href?: string }) => {
    unexpected.push(`${request.method ?? '?'} ${request.href ?? request.path ?? '?'}`);
  };

  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', recordUnexpected);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    const unmatched = unexpected.splice(0);
    nock.cleanAll();
    expect(unmatched, 'requests nobody mocked').toEqual([]);
    expect(pending, 'mocks nobody used').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnexpected);
    nock.enableNetConnect();
  });
}
