import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GITHUB_WEBHOOK_PATH } from '../receiver/github-receiver';

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
  url: string;
  hook_attributes: { url: string; active: boolean };
  default_permissions: Record<string, string>;
  default_events: string[];
};

describe('app.yml, the GitHub App manifest', () => {
  it('asks the least wecena needs, and nothing more', () => {
    expect(manifest.default_permissions).toEqual({ issues: 'write', pull_requests: 'read', contents: 'read', metadata: 'read' });
  });

  it('subscribes to the events wecena translates; installation events come without subscribing', () => {
    expect([...manifest.default_events].sort()).toEqual(['issue_comment', 'issues', 'pull_request']);
  });

  it('sends deliveries to the receiver path, under the App homepage', () => {
    expect(manifest.hook_attributes).toEqual({ url: `${manifest.url}${GITHUB_WEBHOOK_PATH}`, active: true });
  });
});
