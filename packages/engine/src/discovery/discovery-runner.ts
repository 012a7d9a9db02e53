import {
  assessCandidate,
  autoTagOptOut,
  decideAutoTag,
  type Forge,
  type ForgeEvent,
  type ForgePort,
  gateCandidate,
  hasContributingGuide,
  mentionsUnready,
  nextRequestAt,
  type RepositoryConfig,
  type RepositoryFacts,
  selectAutoTags,
} from '@wecena/core';
import {
  countAutoTagsSince,
  type Database,
  deferDiscoveryScan,
  hasStoredOpenChangeRequest,
  loadAutoTagCandidates,
  loadCandidates,
  loadUnfinishedScans,
  recordAssessment,
  recordAutoTag,
  recordAutoTagOptOut,
  recordScanPage,
  startDiscoveryScan,
} from '@wecena/db';
import type { Logger } from 'pino';
import { performEffects } from '../perform-effects';
import { type ForgeAccess, loadRepositoryConfig } from '../repository-config';
import { findRepository, findRepositoryById, type StoredRepository } from '../repository-store';
import { applyStoreChanges, JourneyConflict } from '../store-changes';

export interface DiscoveryRunnerDeps {
  db: Database;
  /** How to reach each forge; a forge that is off is absent. */
  forges: Partial<Record<Forge, ForgeAccess>>;
  clock: () => Date;
  logger: Logger;
  /** Waits `ms`; tests pass one that returns at once (and moves their clock), or throws to play a crash. */
  sleep?: (ms: number) => Promise<void>;
  /** Requests left in the rate-limit window under which a scan waits for the reset. */
  reserve?: number;
}

export type ScanOutcome = 'finished' | 'already_finished' | 'unknown' | 'unreachable';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Discovery: scores the open issues of each repository for its maintainers and, where the
 * repository opted in, tags the best of them. The first scan of a repository is paginated and
 * paced by the forge's rate limit; its cursor and "resume at" instant live in the database, so
 * a restart carries on where it stopped. Later, every issue event rescores its issue.
 */
export function createDiscoveryRunner(deps: DiscoveryRunnerDeps) {
  const { db, logger } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const running = new Map<string, Promise<ScanOutcome>>();

  async function reach(repository: StoredRepository): Promise<{ port: ForgePort; access: ForgeAccess } | null> {
    const access = deps.forges[repository.ref.forge];
    if (!access || !repository.enabled) return null;
    const port = await access.portFor(repository);
    return port ? { port, access } : null;
  }

  async function factsOf(repository: StoredRepository, port: ForgePort): Promise<RepositoryFacts> {
    return {
      linkedToEligibleBeneficiary: repository.linkedToEligibleBeneficiary,
      hasContributingGuide: hasContributingGuide(await port.readContributingGuide({ repository: repository.ref })),
    };
  }

  /** Runs (or carries on) the repository's first scan to its end, waiting for the rate limit as it must; then auto-tags. */
  function scanRepository(repositoryId: string): Promise<ScanOutcome> {
    const current = running.get(repositoryId);
    if (current) return current;
    const scan = runScan(repositoryId).finally(() => running.delete(repositoryId));
    running.set(repositoryId, scan);
    return scan;
  }

  async function runScan(repositoryId: string): Promise<ScanOutcome> {
    const repository = await findRepositoryById(db, repositoryId);
    if (!repository) return 'unknown';
    const reached = await reach(repository);
    if (!reached) {
      logger.warn({ forge: repository.ref.forge, repository: repository.ref.path }, 'discovery: repository not reachable with the configured credentials; scan left');
      return 'unreachable';
    }
    const { port, access } = reached;
    const scan = await startDiscoveryScan(db, repositoryId, deps.clock());
    if (scan.finishedAt !== null) return 'already_finished';
    const config = await loadRepositoryConfig(db, repository, port, access, deps.clock(), logger);
    const facts = await factsOf(repository, port);
    const log = { repository: repository.ref.path, forge: repository.ref.forge };
    let { cursor, resumeAt, pages, issuesSeen } = scan;
    logger.info({ ...log, pages, issues: issuesSeen, resuming: pages > 0 }, 'discovery scan running');
    for (;;) {
      const waitMs = resumeAt === null ? 0 : resumeAt.getTime() - deps.clock().getTime();
      if (waitMs > 0) {
        logger.info({ ...log, resumeAt: resumeAt?.toISOString(), waitMs }, 'discovery scan waits for the forge rate limit');
        await sleep(waitMs);
      }
      const page = await port.listOpenIssues({ repository: repository.ref, cursor });
      const now = deps.clock();
      if (page.rateLimit.limited) {
        resumeAt = new Date(nextRequestAt(page.rateLimit, now.toISOString(), deps.reserve) ?? now.toISOString());
        await deferDiscoveryScan(db, repositoryId, resumeAt, now);
        continue;
      }
      const assessments = page.issues.map((listed) => assessCandidate({ listed, config, repository: facts, now: now.toISOString() }));
      const linked = new Set(page.issues.filter((listed) => listed.hasOpenChangeRequest).map((listed) => listed.issue.number));
      await db.transaction((tx) => recordScanPage(tx, { repositoryId, assessments, hasOpenChangeRequest: linked, nextCursor: page.nextCursor, now }));
      pages += 1;
      issuesSeen += page.issues.length;
      logger.info({ ...log, pages, issues: issuesSeen, remaining: page.rateLimit.remaining }, 'discovery scan progress');
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
      const later = nextRequestAt(page.rateLimit, now.toISOString(), deps.reserve);
      resumeAt = later === null ? null : new Date(later);
      if (resumeAt !== null) await deferDiscoveryScan(db, repositoryId, resumeAt, now);
    }
    logger.info({ ...log, pages, issues: issuesSeen }, 'discovery scan finished');
    await autoTagRepository(repository, port, config, facts);
    return 'finished';
  }

  /** Tags the best candidates of a repository that opted in, within its daily limit. */
  async function autoTagRepository(repository: StoredRepository, port: ForgePort, config: RepositoryConfig, facts: RepositoryFacts): Promise<number> {
    if (!config.autoTag) return 0;
    const now = deps.clock();
    const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
    const selected = selectAutoTags({
      candidates: await loadAutoTagCandidates(db, repository.id),
      config,
      taggedToday: await countAutoTagsSince(db, repository.id, dayStart),
    });
    if (selected.length === 0) return 0;
    const scored = new Map((await loadCandidates(db, repository.id)).map((candidate) => [candidate.issueNumber, candidate]));
    let tagged = 0;
    for (const issueNumber of selected) {
      const candidate = scored.get(issueNumber);
      // The issue as it is now: someone may have taken it since the scan.
      const issue = await port.getIssue({ repository: repository.ref, issueNumber });
      if (!candidate || !issue) continue;
      const listed = { issue, isChangeRequest: false, hasOpenChangeRequest: false, createdAt: '', updatedAt: '', comments: null };
      if (!gateCandidate(listed).candidate) continue;
      const decision = decideAutoTag({ repositoryRef: repository.ref, issue, score: candidate.score, reasons: candidate.reasons, config, repository: facts, now: now.toISOString() });
      if (decision === null) continue;
      try {
        await db.transaction(async (tx) => {
          await applyStoreChanges(tx, repository, issueNumber, decision.storeChanges, now);
          await recordAutoTag(tx, repository.id, issueNumber, now);
        });
      } catch (error) {
        if (error instanceof JourneyConflict) continue; // a person put it on wecena meanwhile
        throw error;
      }
      await performEffects(port, { repository: repository.ref, issueNumber, replyTo: null }, decision.forgeEffects);
      tagged += 1;
      logger.info({ repository: repository.ref.path, issueNumber, score: candidate.score }, 'discovery auto-tagged an issue');
    }
    return tagged;
  }

  /**
   * After the journey handled a forge event: a repository added starts its scan in the
   * background; an issue event records an opt-out, rescores the issue and auto-tags.
   */
  async function onForgeEvent(event: ForgeEvent): Promise<void> {
    if (event.kind === 'repositories_changed') {
      for (const ref of event.added) {
        const repository = await findRepository(db, ref);
        if (repository) requestScan(repository.id);
      }
      return;
    }
    const issue = event.kind === 'issue_changed' ? event.issue : event.kind === 'comment_created' && event.on.type === 'issue' ? event.on.issue : null;
    if (issue === null) return;
    const repository = await findRepository(db, event.repository);
    if (!repository) return;
    const reached = await reach(repository);
    if (!reached) return;
    const { port, access } = reached;
    if (await isOwnEvent(access, repository, event)) return;
    const config = await loadRepositoryConfig(db, repository, port, access, deps.clock(), logger);
    const now = deps.clock();
    const author = event.kind === 'comment_created' ? event.author : null;
    const permission =
      author !== null && !author.isBot && event.kind === 'comment_created' && mentionsUnready(event.comment.body)
        ? await port.permissionOf({ repository: repository.ref, login: author.login })
        : null;
    const optOut = autoTagOptOut(event, config, permission);
    if (optOut !== null) {
      await recordAutoTagOptOut(db, repository.id, optOut.issueNumber, optOut.how, now);
      logger.info({ repository: repository.ref.path, issueNumber: optOut.issueNumber, how: optOut.how }, 'discovery: auto-tagging opted out for the issue');
    }
    const scan = await startDiscoveryScan(db, repository.id, now);
    if (scan.finishedAt === null) {
      // The first scan will score this issue too (the repository may be one installed before discovery).
      requestScan(repository.id);
      return;
    }
    const linked = await hasStoredOpenChangeRequest(db, repository.id, issue.number);
    const facts = await factsOf(repository, port);
    const listed = { issue, isChangeRequest: false, hasOpenChangeRequest: linked, createdAt: now.toISOString(), updatedAt: now.toISOString(), comments: null };
    await recordAssessment(db, repository.id, assessCandidate({ listed, config, repository: facts, now: now.toISOString() }), now, linked);
    await autoTagRepository(repository, port, config, facts);
  }

  async function isOwnEvent(access: ForgeAccess, repository: StoredRepository, event: ForgeEvent): Promise<boolean> {
    if (!access.ownLogin || (event.kind !== 'issue_changed' && event.kind !== 'comment_created')) return false;
    const own = await access.ownLogin(repository);
    const actor = event.kind === 'comment_created' ? event.author : event.actor;
    return own !== null && own.toLowerCase() === actor.login.toLowerCase();
  }

  /** Starts a scan in the background; a failure is logged and the scan resumes at the next `resumeScans`. */
  function requestScan(repositoryId: string): void {
    scanRepository(repositoryId).catch((error: unknown) => logger.error({ err: error, repositoryId }, 'discovery scan failed'));
  }

  /** Carries on every unfinished scan (after a restart, or a failure): one at a time, in the background. */
  async function resumeScans(): Promise<void> {
    for (const scan of await loadUnfinishedScans(db)) requestScan(scan.repositoryId);
  }

  /** Resolves when no scan runs: for tests and shutdown. */
  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running.values()]);
  }

  return { scanRepository, onForgeEvent, resumeScans, requestScan, autoTagRepository, idle };
}

export type DiscoveryRunner = ReturnType<typeof createDiscoveryRunner>;
