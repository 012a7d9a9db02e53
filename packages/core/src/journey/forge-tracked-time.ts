import type { TaskSnapshot } from './journey-types';

/**
 * A forge with time tracking of its own (GitLab's `/spend`) and wecena's `/wecena spend` usually
 * record the same work twice. The hours a credit counts are the larger of the two logs of the
 * consultant, never their sum: a tax receipt must not count an hour twice (docs/gitlab-bot.md).
 */
export function withForgeTrackedTime(task: TaskSnapshot, consultantId: string, login: string, forgeMinutes: number): TaskSnapshot {
  const logged = task.loggedTime.find((entry) => entry.consultantId === consultantId);
  if (logged && logged.minutes >= forgeMinutes) return task;
  if (!logged && forgeMinutes <= 0) return task;
  const others = task.loggedTime.filter((entry) => entry.consultantId !== consultantId);
  return { ...task, loggedTime: [...others, { consultantId, login: logged?.login ?? login, minutes: forgeMinutes }] };
}
