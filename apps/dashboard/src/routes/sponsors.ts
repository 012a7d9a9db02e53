import type { Database } from '@wecena/db';
import { Hono, type Context } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard, viewerOf } from '../auth/guard';
import { sponsorReviewers, type Viewer } from '../auth/roles';
import { renderNotFoundPage } from '../pages/error-pages';
import { renderSponsorConsultantsPage, renderSponsorReviewPage } from '../pages/sponsor-pages';
import { listContributions } from '../queries/contribution-queries';
import { approveContributions, reviewContribution } from '@wecena/db';
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
  reviewer: 'Only a reviewer of this sponsor records a review: the ledger keeps who decided.',
} as const;

/**
 * The sponsor reviewer (sponsor_reviewers.id) a review is recorded in the name of, or null: an
 * operator sees the queue but the ledger records reviews by the sponsor's own reviewers only.
 */
function reviewerOf(viewer: Viewer, sponsorId: string): string | null {
  const reviewer = viewer.roles.find((role) => role.kind === 'sponsor_reviewer' && role.sponsorId === sponsorId);
  return reviewer?.kind === 'sponsor_reviewer' ? reviewer.reviewerId : null;
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
    const reviewer = reviewerOf(viewerOf(c), sponsorId);
    if (reviewer === null) return backToReview(c, sponsorId, 'problem=reviewer');
    const result = await approveContributions(db, { creditIds: ids, reviewer, now: clock() });
    return backToReview(c, sponsorId, result.skipped.length > 0 ? 'problem=stale' : 'done=approved');
  });

  for (const action of ['adjust', 'reject'] as const) {
    app.post(`/sponsors/:sponsorId${ID}/contributions/:contributionId${ID}/${action}`, guard(sponsorReviewers), async (c) => {
      const sponsorId = c.req.param('sponsorId');
      const body = await c.req.parseBody();
      const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : '';
      if (reason === '') return backToReview(c, sponsorId, 'problem=reason');
      let minutes: number | undefined;
      if (action === 'adjust') {
        const hours = typeof body.hours === 'string' ? Number(body.hours) : Number.NaN;
        minutes = Math.round(hours * 60);
        if (!Number.isFinite(hours) || minutes < 15 || minutes > MAX_ADJUSTED_HOURS * 60 || minutes % 15 !== 0) {
          return backToReview(c, sponsorId, 'problem=hours');
        }
      }
      const reviewer = reviewerOf(viewerOf(c), sponsorId);
      if (reviewer === null) return backToReview(c, sponsorId, 'problem=reviewer');
      // The ledger checks that the credit is this reviewer's sponsor's, and refuses it otherwise.
      const outcome = await reviewContribution(db, { creditId: c.req.param('contributionId'), action, minutes, reason, reviewer, now: clock() });
      return backToReview(c, sponsorId, outcome.ok ? `done=${action === 'adjust' ? 'adjusted' : 'rejected'}` : 'problem=stale');
    });
  }

  return app;
}
