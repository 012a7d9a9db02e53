import type { Database } from '@wecena/db';
import type { ForgeEvent } from '@wecena/core';
import { createDiscoveryRunner, createJourneyRunner, type DiscoveryRunner, type ForgeAccess, readScheduledDelivery } from '@wecena/engine';
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
  /** Rescore an event's issue for discovery after the journey (wecena serve does). */
  discovery?: boolean;
}

export interface Journey {
  handlers: Record<DeliverySource, DeliveryHandler>;
  /** Finds suitable issues in the repositories (and auto-tags them where a repository opted in). */
  discovery: DiscoveryRunner;
}

/**
 * What the worker does with each delivery: translate it into a forge event, record it, run the
 * journey on it, then let discovery rescore the issue; and for wecena's own deliveries, the
 * claim reminders, expiries and recalls, and candidates marked ready on the dashboard.
 */
export function createJourney(options: JourneyOptions): Journey {
  const { db, clock, logger } = options;
  const forges: { github?: ForgeAccess; gitlab?: ForgeAccess } = {};
  if (options.githubApp) forges.github = githubForgeAccess(githubAppClient(options.githubApp));
  if (options.gitlab) forges.gitlab = gitlabForgeAccess(options.gitlab);
  const runner = createJourneyRunner({ db, forges, clock, logger });
  const discovery = createDiscoveryRunner({ db, forges, clock, logger });
  // Discovery is advice, not the journey: its failure is logged and never fails the delivery.
  const discover = async (event: ForgeEvent) => {
    if (!options.discovery) return;
    await discovery.onForgeEvent(event).catch((error: unknown) => logger.error({ err: error }, 'discovery failed on an event'));
  };

  const handlers: Record<DeliverySource, DeliveryHandler> = {
    github: forgeEventRecorder(db, githubToForgeEvent, clock, async (delivery, event, payload) => {
      if (!forges.github) return;
      await runner.runForgeEvent({ source: delivery.source, deliveryId: delivery.deliveryId }, event, { installationId: githubInstallationId(payload) });
      await discover(event);
    }),
    gitlab: forgeEventRecorder(db, gitlabToForgeEvent, clock, async (delivery, event) => {
      if (!forges.gitlab) return;
      await runner.runForgeEvent({ source: delivery.source, deliveryId: delivery.deliveryId }, event, { installationId: null });
      await discover(event);
    }),
    wecena: async (delivery) => {
      const scheduled = readScheduledDelivery(delivery.eventName, parseDeliveryBody(delivery));
      if (scheduled === null) throw new PermanentDeliveryError(`wecena delivery ${delivery.deliveryId} is not one wecena schedules`);
      const key = { source: delivery.source, deliveryId: delivery.deliveryId };
      if (scheduled.kind === 'mark_ready') {
        await runner.runMarkReady(key, scheduled);
        return;
      }
      await (scheduled.kind === 'claim_due' ? runner.runClaimDue(key, scheduled.claimId) : runner.runClaimRecalled(key, scheduled.claimId));
    },
  };
  return { handlers, discovery };
}
