import type { Database } from '@wecena/db';
import { createJourneyRunner, type ForgeAccess, readScheduledDelivery } from '@wecena/engine';
import { githubForgeAccess, githubAppClient, type GithubAppCredentials, githubInstallationId, githubToForgeEvent } from '@wecena/github-app';
import { gitlabForgeAccess, type GitlabForgeAccessOptions, gitlabToForgeEvent } from '@wecena/gitlab-bot';
import { type DeliveryHandler, type DeliverySource, forgeEventRecorder, parseDeliveryBody, PermanentDeliveryError } from '@wecena/inbox';
import type { Logger } from 'pino';

export interface JourneyOptions {
  db: Database;
  clock: () => Date;
  logger: Logger;
  /** The GitHub App's credentials; without them GitHub deliveries are recorded, not acted on. */
  githubApp?: GithubAppCredentials;
  /** The GitLab bot's instances and tokens; without them GitLab deliveries are recorded, not acted on. */
  gitlab?: GitlabForgeAccessOptions;
}

/**
 * What the worker does with each delivery: translate it into a forge event, record it, and
 * run the journey on it; and for wecena's own deliveries, the claim reminders, expiries and recalls.
 */
export function journeyDeliveryHandlers(options: JourneyOptions): Record<DeliverySource, DeliveryHandler> {
  const { db, clock, logger } = options;
  const forges: { github?: ForgeAccess; gitlab?: ForgeAccess } = {};
  if (options.githubApp) forges.github = githubForgeAccess(githubAppClient(options.githubApp));
  if (options.gitlab) forges.gitlab = gitlabForgeAccess(options.gitlab);
  const runner = createJourneyRunner({ db, forges, clock, logger });

  return {
    github: forgeEventRecorder(db, githubToForgeEvent, clock, (delivery, event, payload) =>
      forges.github
        ? runner.runForgeEvent({ source: delivery.source, deliveryId: delivery.deliveryId }, event, { installationId: githubInstallationId(payload) })
        : Promise.resolve(),
    ),
    gitlab: forgeEventRecorder(db, gitlabToForgeEvent, clock, (delivery, event) =>
      forges.gitlab
        ? runner.runForgeEvent({ source: delivery.source, deliveryId: delivery.deliveryId }, event, { installationId: null })
        : Promise.resolve(),
    ),
    wecena: async (delivery) => {
      const scheduled = readScheduledDelivery(delivery.eventName, parseDeliveryBody(delivery));
      if (scheduled === null) throw new PermanentDeliveryError(`wecena delivery ${delivery.deliveryId} is not one wecena schedules`);
      const key = { source: delivery.source, deliveryId: delivery.deliveryId };
      await (scheduled.kind === 'claim_due' ? runner.runClaimDue(key, scheduled.claimId) : runner.runClaimRecalled(key, scheduled.claimId));
    },
  };
}
