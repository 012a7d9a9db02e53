import { type ForgeEffect, type ForgePort, type IssueLocator, REMINDER_MARKER, type RepositoryRef, STATUS_MARKER } from '@wecena/core';

export interface EffectTarget {
  repository: RepositoryRef;
  /** The task's issue: where labels, assignees, the status comment and notices go. */
  issueNumber: number | null;
  /** Where the event happened (the issue, or a change request): where a reply goes. */
  replyTo: { number: number; onChangeRequest: boolean } | null;
}

type EffectPort = Pick<
  ForgePort,
  | 'ensureLabels'
  | 'addLabels'
  | 'removeLabels'
  | 'createComment'
  | 'updateComment'
  | 'deleteComment'
  | 'findCommentWithMarker'
  | 'assign'
  | 'unassign'
>;

/**
 * Performs a decision's forge effects in order, from `from` on, calling `done(n)` after each
 * so that a retry after a crash resumes where this one stopped.
 */
export async function performEffects(
  port: EffectPort,
  target: EffectTarget,
  effects: readonly ForgeEffect[],
  options: { from?: number; done?: (performed: number) => Promise<void> } = {},
): Promise<void> {
  for (let index = options.from ?? 0; index < effects.length; index += 1) {
    await performEffect(port, target, effects[index]!);
    await options.done?.(index + 1);
  }
}

async function performEffect(port: EffectPort, target: EffectTarget, effect: ForgeEffect): Promise<void> {
  const { repository } = target;
  if (effect.type === 'ensureLabels') return port.ensureLabels({ repository, labels: effect.labels });
  if (effect.type === 'reply') {
    if (target.replyTo === null) throw new Error('a reply needs the issue or change request the event happened on');
    await port.createComment({
      issue: { repository, issueNumber: target.replyTo.number },
      body: effect.body,
      onChangeRequest: target.replyTo.onChangeRequest,
    });
    return;
  }
  if (target.issueNumber === null) throw new Error(`${effect.type} needs the task's issue`);
  const issue: IssueLocator = { repository, issueNumber: target.issueNumber };
  switch (effect.type) {
    case 'addLabels':
      return port.addLabels({ issue, labels: effect.labels });
    case 'removeLabels':
      return port.removeLabels({ issue, labels: effect.labels });
    case 'assign':
      return port.assign({ issue, logins: effect.logins });
    case 'unassign':
      return port.unassign({ issue, logins: effect.logins });
    case 'notify':
      await port.createComment({ issue, body: effect.body });
      return;
    case 'setStatusComment': {
      // Found again by its hidden marker, never by position: one status comment per issue, edited in place.
      const existing = await port.findCommentWithMarker({ issue, marker: STATUS_MARKER });
      if (existing && (await port.updateComment({ issue, commentId: existing.commentId, body: effect.body }))) return;
      await port.createComment({ issue, body: effect.body });
      return;
    }
    case 'postReminder': {
      const existing = await port.findCommentWithMarker({ issue, marker: REMINDER_MARKER });
      if (existing) await port.updateComment({ issue, commentId: existing.commentId, body: effect.body });
      else await port.createComment({ issue, body: effect.body });
      return;
    }
    case 'deleteReminder': {
      const existing = await port.findCommentWithMarker({ issue, marker: REMINDER_MARKER });
      if (existing) await port.deleteComment({ issue, commentId: existing.commentId });
      return;
    }
  }
}
