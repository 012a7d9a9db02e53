import { gitlabFixture } from '@wecena/testkit';
import { describe, expect, it } from 'vitest';
import { gitlabToForgeEvent } from './to-forge-event';

describe('GitLab deliveries as forge events', () => {
  it('reads an opened issue from the documented example', () => {
    const event = gitlabToForgeEvent('Issue Hook', gitlabFixture('issue_open'), 'gitlab.example.org');
    expect(event).toMatchObject({
      kind: 'issue_changed',
      action: 'opened',
      repository: { forge: 'gitlab', host: 'gitlab.example.org', path: 'gitlabhq/gitlab-test', forgeId: '1' },
      issue: { number: 23, forgeId: '301', title: 'New API: create/update/delete file', labels: ['API'], assignees: ['user1'], locked: true },
      actor: { login: 'root' },
    });
  });

  it('turns a label change into the labels added and removed', () => {
    const payload = gitlabFixture('issue_open') as { object_attributes: { action: string } };
    payload.object_attributes.action = 'update';
    const event = gitlabToForgeEvent('Issue Hook', payload, null);
    expect(event).toMatchObject({ action: 'updated', labelsAdded: ['Platform'], labelsRemoved: ['API'], contentEdited: false });
  });

  it('reads a note on an issue', () => {
    const event = gitlabToForgeEvent('Note Hook', gitlabFixture('note_issue'), null);
    expect(event).toMatchObject({
      kind: 'comment_created',
      repository: { host: 'gitlab.com' },
      on: { type: 'issue', issue: { number: 17, state: 'closed' } },
      comment: { forgeId: '1241', body: 'Hello world' },
    });
  });

  it('reads a note on a merge request as a comment on a change request', () => {
    const event = gitlabToForgeEvent('Note Hook', gitlabFixture('note_merge_request'), null);
    expect(event).toMatchObject({ kind: 'comment_created', on: { type: 'change_request', changeRequest: { number: 1, authorForgeId: '8' } } });
  });

  it("marks the users of GitLab's access tokens as bots", () => {
    const payload = gitlabFixture('note_issue') as { user: { username: string } };
    payload.user.username = 'project_14_bot_1b9c2f0e8d7a6b5c4d3e2f1a0b9c8d7e';
    expect(gitlabToForgeEvent('Note Hook', payload, null)).toMatchObject({ author: { isBot: true } });
  });

  it('ignores GitLab system notes', () => {
    const payload = gitlabFixture('note_issue') as { object_attributes: { system: boolean } };
    payload.object_attributes.system = true;
    expect(gitlabToForgeEvent('Note Hook', payload, null)).toBeNull();
  });

  it('reads a merge, naming the author only when the hook does', () => {
    const event = gitlabToForgeEvent('Merge Request Hook', gitlabFixture('merge_request_merge'), null);
    expect(event).toMatchObject({
      kind: 'change_request_closed',
      merged: true,
      mergedAt: '2013-12-03T17:23:34.000Z',
      changeRequest: { number: 1, authorForgeId: '51', author: null, url: 'http://example.com/diaspora/merge_requests/1' },
      actor: { login: 'root' },
    });
  });

  it('reads a merge request opened as asking for review, the author named by id when someone else acted', () => {
    // In the fixture `root` (id 1) opens a merge request authored by user 51.
    expect(gitlabToForgeEvent('Merge Request Hook', gitlabFixture('merge_request_open'), null)).toMatchObject({
      kind: 'change_request_opened',
      changeRequest: { number: 1, authorForgeId: '51', author: null },
      actor: { login: 'root' },
    });
  });

  it('reads a draft marked ready as asking for review, and a draft opened as not yet', () => {
    const opened = gitlabFixture('merge_request_open') as { object_attributes: Record<string, unknown> };
    const markedReady = { ...opened, object_attributes: { ...opened.object_attributes, action: 'update' } };
    expect(gitlabToForgeEvent('Merge Request Hook', markedReady, null)).toMatchObject({ kind: 'change_request_opened' });
    expect(gitlabToForgeEvent('Merge Request Hook', { ...markedReady, changes: {} }, null)).toBeNull();
    const draft = { ...opened, object_attributes: { ...opened.object_attributes, draft: true } };
    expect(gitlabToForgeEvent('Merge Request Hook', draft, null)).toBeNull();
  });

  it('ignores Push Hook', () => {
    expect(gitlabToForgeEvent('Push Hook', gitlabFixture('push'), null)).toBeNull();
  });
});
