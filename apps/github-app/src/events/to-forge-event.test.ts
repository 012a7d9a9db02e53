import { githubExample, withMerged } from '@wecena/testkit';
import { describe, expect, it } from 'vitest';
import { githubToForgeEvent } from './to-forge-event';

describe('GitHub deliveries as forge events', () => {
  it('reads a comment on an issue from the real example', () => {
    const payload = githubExample('issue_comment', { action: 'created', where: (p) => !p.issue.pull_request });
    const event = githubToForgeEvent('issue_comment', payload, null);
    expect(event).toMatchObject({
      kind: 'comment_created',
      repository: { forge: 'github', host: 'github.com', path: payload.repository.full_name, forgeId: String(payload.repository.id) },
      on: { type: 'issue', issue: { number: payload.issue.number, title: payload.issue.title, url: payload.issue.html_url } },
      comment: { forgeId: String(payload.comment.id), body: payload.comment.body },
      author: { login: payload.comment.user.login, isBot: false },
    });
  });

  it('sees a comment on a pull request as a comment on a change request', () => {
    // The examples hold no comment on a pull request: GitHub marks one with `issue.pull_request`.
    const payload = githubExample('issue_comment', { action: 'created' });
    const pullUrl = payload.issue.url.replace('/issues/', '/pulls/');
    payload.issue.pull_request = { url: pullUrl, html_url: pullUrl, diff_url: `${pullUrl}.diff`, patch_url: `${pullUrl}.patch` };
    const event = githubToForgeEvent('issue_comment', payload, null);
    expect(event).toMatchObject({ kind: 'comment_created', on: { type: 'change_request', changeRequest: { number: payload.issue.number } } });
  });

  it('reads a label added to an issue', () => {
    const payload = githubExample('issues', { action: 'labeled' });
    const event = githubToForgeEvent('issues', payload, 'github.example.org');
    expect(event).toMatchObject({
      kind: 'issue_changed',
      action: 'updated',
      repository: { host: 'github.example.org' },
      labelsAdded: ['label' in payload ? payload.label?.name : undefined],
      labelsRemoved: [],
      contentEdited: false,
    });
  });

  it('reads a merged pull request with its merge instant in UTC', () => {
    const payload = withMerged(githubExample('pull_request', { action: 'closed' }), { mergedAt: '2026-11-20T16:05:00+01:00' });
    const event = githubToForgeEvent('pull_request', payload, null);
    expect(event).toMatchObject({
      kind: 'change_request_closed',
      merged: true,
      mergedAt: '2026-11-20T15:05:00.000Z',
      changeRequest: { number: payload.pull_request.number, url: payload.pull_request.html_url, author: { login: payload.pull_request.user.login } },
    });
  });

  it('reads a pull request closed without merge as not merged', () => {
    const payload = githubExample('pull_request', { action: 'closed' });
    expect(githubToForgeEvent('pull_request', payload, null)).toMatchObject({ merged: false, mergedAt: null });
  });

  it.each(['opened', 'reopened', 'ready_for_review'] as const)('reads a pull request %s as asking for review', (action) => {
    const payload = githubExample('pull_request', { action });
    expect(githubToForgeEvent('pull_request', payload, null)).toMatchObject({
      kind: 'change_request_opened',
      changeRequest: { number: payload.pull_request.number, url: payload.pull_request.html_url, author: { login: payload.pull_request.user.login } },
      actor: { login: payload.sender.login },
    });
  });

  it('reads repositories added to and removed from an installation', () => {
    const payload = githubExample('installation_repositories', { action: 'added' });
    const event = githubToForgeEvent('installation_repositories', payload, null);
    expect(event).toMatchObject({
      kind: 'repositories_changed',
      installationId: String(payload.installation.id),
      added: payload.repositories_added.map((repo) => ({ forge: 'github', path: repo.full_name })),
    });
  });

  it.each([
    { event: 'push', payload: () => githubExample('push') },
    { event: 'issue_comment', payload: () => githubExample('issue_comment', { action: 'deleted' }) },
    { event: 'pull_request', payload: () => githubExample('pull_request', { action: 'synchronize' }) },
    { event: 'pull_request', payload: () => githubExample('pull_request', { action: 'converted_to_draft' }) },
    { event: 'pull_request', payload: () => ({ ...githubExample('pull_request', { action: 'opened' }), pull_request: { ...githubExample('pull_request', { action: 'opened' }).pull_request, draft: true } }) },
  ])('ignores $event deliveries wecena has no use for', ({ event, payload }) => {
    expect(githubToForgeEvent(event, payload(), null)).toBeNull();
  });

  it('throws on a payload that lacks a field wecena reads', () => {
    const payload = githubExample('issue_comment', { action: 'created' }) as unknown as Record<string, unknown>;
    delete payload.repository;
    expect(() => githubToForgeEvent('issue_comment', payload, null)).toThrow(/repository/);
  });
});
