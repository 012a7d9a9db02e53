import { type ForgePort, REMINDER_MARKER, type RepositoryRef, STATUS_MARKER } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { performEffects } from './perform-effects';

const repository: RepositoryRef = { forge: 'github', host: 'github.com', forgeId: '42', path: 'cartolibre/atlas' };

type Call = [verb: string, detail: unknown];

/** A forge that records what is asked of it and holds the comments it was given. */
function recordingForge(comments: Record<string, string> = {}) {
  const calls: Call[] = [];
  let nextId = 100;
  const port: Parameters<typeof performEffects>[0] = {
    async ensureLabels({ labels }) {
      calls.push(['ensureLabels', labels.map((label) => label.name)]);
    },
    async addLabels({ issue, labels }) {
      calls.push(['addLabels', [issue.issueNumber, labels]]);
    },
    async removeLabels({ issue, labels }) {
      calls.push(['removeLabels', [issue.issueNumber, labels]]);
    },
    async createComment({ issue, body, onChangeRequest }) {
      const commentId = String(nextId++);
      comments[commentId] = body;
      calls.push(['createComment', [issue.issueNumber, onChangeRequest ?? false, body]]);
      return { commentId };
    },
    async updateComment({ commentId, body }) {
      calls.push(['updateComment', [commentId, body]]);
      if (!(commentId in comments)) return false;
      comments[commentId] = body;
      return true;
    },
    async deleteComment({ commentId }) {
      calls.push(['deleteComment', commentId]);
      delete comments[commentId];
    },
    async findCommentWithMarker({ marker }) {
      const found = Object.entries(comments).find(([, body]) => body.includes(marker));
      return found ? { commentId: found[0] } : null;
    },
    async assign({ logins }) {
      calls.push(['assign', logins]);
    },
    async unassign({ logins }) {
      calls.push(['unassign', logins]);
    },
  } satisfies Partial<ForgePort>;
  return { port, calls, comments };
}

describe('performing forge effects', () => {
  it('edits the status comment found by its marker, and creates it when there is none', async () => {
    const forge = recordingForge({ '7': `${STATUS_MARKER}\nready` });
    await performEffects(forge.port, { repository, issueNumber: 12, replyTo: null }, [{ type: 'setStatusComment', body: `${STATUS_MARKER}\nclaimed` }]);
    expect(forge.calls).toEqual([['updateComment', ['7', `${STATUS_MARKER}\nclaimed`]]]);

    const fresh = recordingForge();
    await performEffects(fresh.port, { repository, issueNumber: 12, replyTo: null }, [{ type: 'setStatusComment', body: `${STATUS_MARKER}\nready` }]);
    expect(fresh.calls).toEqual([['createComment', [12, false, `${STATUS_MARKER}\nready`]]]);
  });

  it('answers on the change request the command was written on', async () => {
    const forge = recordingForge();
    await performEffects(forge.port, { repository, issueNumber: 12, replyTo: { number: 3, onChangeRequest: true } }, [{ type: 'reply', body: 'Only the claimant can log time.' }]);
    expect(forge.calls).toEqual([['createComment', [3, true, 'Only the claimant can log time.']]]);
  });

  it('posts one reminder and deletes it when the claim ends', async () => {
    const forge = recordingForge();
    const target = { repository, issueNumber: 12, replyTo: null };
    await performEffects(forge.port, target, [{ type: 'postReminder', body: `${REMINDER_MARKER}\nexpires tomorrow` }]);
    await performEffects(forge.port, target, [{ type: 'postReminder', body: `${REMINDER_MARKER}\nexpires tomorrow` }]);
    await performEffects(forge.port, target, [{ type: 'deleteReminder' }]);
    expect(forge.calls.map(([verb]) => verb)).toEqual(['createComment', 'updateComment', 'deleteComment']);
    expect(forge.comments).toEqual({});
  });

  it('resumes after the effects already performed, telling how far it got', async () => {
    const forge = recordingForge();
    const progress: number[] = [];
    await performEffects(
      forge.port,
      { repository, issueNumber: 12, replyTo: { number: 12, onChangeRequest: false } },
      [
        { type: 'addLabels', labels: ['wecena-claimed'] },
        { type: 'assign', logins: ['camille'] },
        { type: 'reply', body: 'Claimed.' },
      ],
      { from: 2, done: async (performed) => void progress.push(performed) },
    );
    expect(forge.calls).toEqual([['createComment', [12, false, 'Claimed.']]]);
    expect(progress).toEqual([3]);
  });

  it('refuses an issue effect without the issue, rather than act on another one', async () => {
    const forge = recordingForge();
    await expect(performEffects(forge.port, { repository, issueNumber: null, replyTo: null }, [{ type: 'addLabels', labels: ['x'] }])).rejects.toThrow(
      "addLabels needs the task's issue",
    );
    expect(forge.calls).toEqual([]);
  });
});
