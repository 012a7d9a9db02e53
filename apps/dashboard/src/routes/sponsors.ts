import type { Database } from '@wecena/db';
import { Hono, type Context } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard, viewerOf } from '../auth/guard';
import { sponsorReviewers, type Viewer } from '../auth/roles';
import { renderNotFoundPage } from '../pages/error-pages';
import { renderSponsorConsultantsPage, renderSponsorReviewPage } from '../pages/sponsor-pages';
import { listContributions } from '../queries/contribution-queries';
import { recordReview, type ReviewDecision } from '../queries/review-queries';
import { findSponsor, listSponsorConsultants } from '../queries/sponsor-queries';

const ID = '{[1-9][0-9]{0,17}}';
/** The most hours one contribution may be adjusted to: more is a typing slip. */
export const MAX_ADJUSTED_HOURS = 200;

const NOTICES = {
  approved: 'Approved: each one is now a new entry in the ledger, in your name.',
  adjusted: 'Adjusted: the new hours are recorded with your reason.',
  rejected: 'Rejected: the contribution no longer counts; your reason is recorded.',
  none: 'Nothing was selected: tick the contributions to approve first.',
} as const;
const PROBLEMS = {
  reason: 'A reason is required to adjust or reject a contribution.',
  hours: `Hours must be a number from 0.25 to ${MAX_ADJUSTED_HOURS}, in quarters of an hour.`,
  stale: 'That contribution was already reviewed by someone else, or is not one of yours: the list below is up to date.',
} as const;

/** Who wrote a ledger entry, as the ledger records it: `reviewer:<id>`, or the operator. */
function recorderOf(viewer: Viewer, sponsorId: string): string {
  const reviewer = viewer.roles.find((role) => role.kind === 'sponsor_reviewer' && role.sponsorId === sponsorId);
  if (reviewer?.kind === 'sponsor_reviewer') return `reviewer:${reviewer.reviewerId}`;
  return `operator:${viewer.identity ?? viewer.displayName}`;
}

function backToReview(c: Context<DashboardEnv>, sponsorId: string, query: string) {
  return c.redirect(`/sponsors/${sponsorId}?${query}#pending`, 303);
}

/** `/sponsors/:sponsorId/…`: the review queue and its decisions, the consultants. */
export function sponsorsRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get(`/sponsors/:sponsorId${ID}`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    const sponsor = await findSponsor(db, sponsorId);
    if (sponsor === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const contributions = await listContributions(db, { sponsorId });
    const signedIn = chromeOf(c);
    const done = c.req.query('done');
    const problem = c.req.query('problem');
    return c.html(
      renderSponsorReviewPage({
        sponsor,
        pending: contributions.filter((contribution) => contribution.reviewStatus === 'pending').reverse(),
        reviewed: contributions.filter((contribution) => contribution.reviewStatus !== 'pending'),
        csrfToken: signedIn?.csrfToken ?? '',
        notice: done !== undefined && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
        problem: problem !== undefined && problem in PROBLEMS ? PROBLEMS[problem as keyof typeof PROBLEMS] : null,
        signedIn,
      }),
    );
  });

  app.get(`/sponsors/:sponsorId${ID}/consultants`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    const sponsor = await findSponsor(db, sponsorId);
    if (sponsor === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const consultants = await listSponsorConsultants(db, sponsorId, clock().toISOString().slice(0, 10));
    return c.html(renderSponsorConsultantsPage({ sponsor, consultants, signedIn: chromeOf(c) }));
  });

  app.post(`/sponsors/:sponsorId${ID}/contributions/approve`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    const body = await c.req.parseBody({ all: true });
    const given = body.ids;
    const ids = (Array.isArray(given) ? given : given === undefined ? [] : [given]).filter(
      (id): id is string => typeof id === 'string' && /^[1-9][0-9]{0,17}$/.test(id),
    );
    if (ids.length === 0) return backToReview(c, sponsorId, 'done=none');
    const reviewer = recorderOf(viewerOf(c), sponsorId);
    let stale = false;
    for (const creditId of new Set(ids)) {
      const outcome = await recordReview(db, { creditId, sponsorId, decision: { kind: 'approve' }, reviewer, now: clock() });
      if (!outcome.ok) stale = true;
    }
    return backToReview(c, sponsorId, stale ? 'problem=stale' : 'done=approved');
  });

  for (const action of ['adjust', 'reject'] as const) {
    app.post(`/sponsors/:sponsorId${ID}/contributions/:contributionId${ID}/${action}`, guard(sponsorReviewers), async (c) => {
      const sponsorId = c.req.param('sponsorId');
      const body = await c.req.parseBody();
      const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : '';
      if (reason === '') return backToReview(c, sponsorId, 'problem=reason');
      let decision: ReviewDecision;
      if (action === 'adjust') {
        const hours = typeof body.hours === 'string' ? Number(body.hours) : Number.NaN;
        const minutes = Math.round(hours * 60);
        if (!Number.isFinite(hours) || minutes < 15 || minutes > MAX_ADJUSTED_HOURS * 60 || minutes % 15 !== 0) {
          return backToReview(c, sponsorId, 'problem=hours');
        }
        decision = { kind: 'adjust', minutes, reason };
      } else decision = { kind: 'reject', reason };
      const outcome = await recordReview(db, {
        creditId: c.req.param('contributionId'),
        sponsorId,
        decision,
        reviewer: recorderOf(viewerOf(c), sponsorId),
        now: clock(),
      });
      return backToReview(c, sponsorId, outcome.ok ? `done=${action === 'adjust' ? 'adjusted' : 'rejected'}` : 'problem=stale');
    });
  }

  return app;
}
