import type { Database } from '@wecena/db';
import { z } from '@hono/zod-openapi';
import { IsoDate } from '@wecena/core';
import { Hono, type Context } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard, viewerOf } from '../auth/guard';
import { sponsorReviewers, type Viewer } from '../auth/roles';
import { renderNotFoundPage } from '../pages/error-pages';
import { formatDay } from '../pages/format';
import { renderContributionsCsv, renderSponsorConsultantsPage, renderSponsorReviewPage } from '../pages/sponsor-pages';
import { listContributions } from '../queries/contribution-queries';
import { approveContributions, recallConsultant, reviewContribution } from '@wecena/db';
import { findSponsor, isConsultantOf, listSponsorConsultants, type SponsorConsultant } from '../queries/sponsor-queries';

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

const RECALL_PROBLEMS = {
  date: 'Give their last free day as a date: nothing was changed.',
  refused: 'That consultant could not be recalled from here: an operator can, with wecena admin recall.',
} as const;

/** What a recall did, as its redirect says it (each value checked: the address bar is anyone's to type in). */
const Count = z.string().regex(/^\d{1,4}$/).transform(Number);
const RecallDone = z.object({
  done: z.literal('recalled'),
  consultant: z.string(),
  on: IsoDate,
  window: z.enum(['ended', 'already', 'none']),
  claims: Count,
  queued: Count,
});

/** "Camille Martin is recalled: …", or null when the query is not a recall's redirect. */
function describeRecall(parsed: ReturnType<typeof RecallDone.safeParse>, consultants: readonly SponsorConsultant[]): string | null {
  if (!parsed.success) return null;
  const { consultant: consultantId, on, window, claims, queued } = parsed.data;
  const consultant = consultants.find((one) => one.id === consultantId);
  if (consultant === undefined) return null;
  const day = formatDay(on);
  const availability = {
    ended: `their availability now ends on ${day}`,
    already: `their availability already ended on ${day}`,
    none: `no availability window of theirs covered ${day}`,
  }[window];
  const handBack =
    claims === 0
      ? 'they held no open claim: nothing to hand back'
      : `${claims} claim${claims === 1 ? '' : 's'} handed back: the worker unassigns ${claims === 1 ? 'it' : 'them'} on the forge and puts each task back to ready${queued < claims ? ` (${claims - queued} already on ${claims - queued === 1 ? 'its' : 'their'} way)` : ''}`;
  return `${consultant.name} is recalled: ${availability}; ${handBack}.`;
}

function backToReview(c: Context<DashboardEnv>, sponsorId: string, query: string) {
  return c.redirect(`/sponsors/${sponsorId}?${query}#pending`, 303);
}

/** `/sponsors/:sponsorId/…`: the review queue and its decisions, its CSV export, the consultants and their recall. */
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
    const today = clock().toISOString().slice(0, 10);
    const consultants = await listSponsorConsultants(db, sponsorId, today);
    const signedIn = chromeOf(c);
    const problem = c.req.query('problem');
    return c.html(
      renderSponsorConsultantsPage({
        sponsor,
        consultants,
        today,
        csrfToken: signedIn?.csrfToken ?? '',
        notice: describeRecall(RecallDone.safeParse(c.req.query()), consultants),
        problem: problem !== undefined && problem in RECALL_PROBLEMS ? RECALL_PROBLEMS[problem as keyof typeof RECALL_PROBLEMS] : null,
        signedIn,
      }),
    );
  });

  app.post(`/sponsors/:sponsorId${ID}/consultants/:consultantId${ID}/recall`, guard(sponsorReviewers), async (c) => {
    const { sponsorId, consultantId } = c.req.param();
    if (!(await isConsultantOf(db, sponsorId, consultantId))) return c.html(renderNotFoundPage(c.req.path), 404);
    const back = (query: string) => c.redirect(`/sponsors/${sponsorId}/consultants?${query}#consultant-${consultantId}`, 303);
    const body = await c.req.parseBody();
    const on = IsoDate.safeParse(typeof body.on === 'string' ? body.on.trim() : '');
    if (!on.success) return back('problem=date');
    const outcome = await recallConsultant(db, { consultant: consultantId, on: on.data, now: clock() });
    if (!outcome.ok) return back('problem=refused');
    const { window, claims } = outcome.value;
    const done = new URLSearchParams({
      done: 'recalled',
      consultant: consultantId,
      on: on.data,
      window: window === null ? 'none' : window.previousTo === null ? 'already' : 'ended',
      claims: String(claims.length),
      queued: String(claims.filter((claim) => claim.enqueued).length),
    });
    return back(done.toString());
  });

  app.get(`/sponsors/:sponsorId${ID}/contributions.csv`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    if ((await findSponsor(db, sponsorId)) === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const contributions = await listContributions(db, { sponsorId });
    return c.body(renderContributionsCsv(contributions), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="wecena-${sponsorId}-contributions.csv"`,
      'Cache-Control': 'no-store',
    });
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
