import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { NEEDS_SESSION, checkViewer, refuseStranger, refuseViewer } from '../api/access';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse, problemOf } from '../api/errors';
import { RowId, idParam, limitParam } from '../api/common-schemas';
import type { DashboardEnv } from '../auth/context';
import { consultantOrTheirSponsor, isOperator, type Viewer } from '../auth/roles';
import { findConsultant } from '../queries/consultant-queries';
import {
  type CandidateScope,
  type ConsultantProposalsView,
  type TaskCandidatesView,
  findConsultantProposals,
  findTaskCandidates,
} from '../queries/proposals';

export const MAX_CANDIDATES = 20;
export const DEFAULT_CANDIDATES = 5;

const CandidatesQuery = z.object({
  limit: limitParam({ max: MAX_CANDIDATES, byDefault: DEFAULT_CANDIDATES, description: `Consultants listed, ${DEFAULT_CANDIDATES} unless told.`, example: 3 }),
});

const Reasons = z.array(z.string()).openapi({
  description: 'What the score is made of, each true of the pair, with its points.',
  example: ['matches skill typescript at level 3 of 3 (+30)', 'fits the time left: 4h of 21h', 'ready for 2 days (+2)'],
});
const Score = z.number().openapi({ description: 'Higher is better; comparable within one pairing run only.', example: 62 });
const Assigned = z.boolean().openapi({
  description: 'The optimal assignment of this run gives this task to this consultant; the others are what to take if it goes.',
});
const ComputedAt = z.iso.datetime().nullable().openapi({ description: 'When the pairing ran; null when it proposed nothing here.' });
const Person = z.object({ id: RowId, name: z.string().openapi({ example: 'Léa Dubois' }) });

export const ConsultantProposals = z
  .object({
    consultant: Person,
    computedAt: ComputedAt,
    proposals: z.array(
      z
        .object({
          rank: z.int().positive().openapi({ description: '1 for the first.', example: 1 }),
          assigned: Assigned,
          score: Score,
          reasons: Reasons,
          task: z
            .object({
              id: RowId.openapi({ example: '42' }),
              title: z.string().openapi({ example: 'Keyboard navigation for the layer switcher' }),
              url: z.string().openapi({ description: 'The issue on its forge.', example: 'https://github.com/cartolibre/cartolibre/issues/137' }),
              issueNumber: z.int().positive().openapi({ example: 137 }),
              estimateMinutes: z.int().positive().nullable().openapi({ example: 240 }),
              skills: z.array(z.string()).openapi({ example: ['accessibility', 'typescript'] }),
              repository: z.object({
                forge: z.enum(['github', 'gitlab']),
                host: z.string().openapi({ example: 'github.com' }),
                path: z.string().openapi({ example: 'cartolibre/cartolibre' }),
              }),
              beneficiary: z.object({ id: RowId, name: z.string().openapi({ example: 'Cartolibre' }) }).nullable(),
            })
            .openapi('ProposedTask'),
        })
        .openapi('Proposal'),
    ),
  })
  .openapi('ConsultantProposals');
export type ConsultantProposals = z.infer<typeof ConsultantProposals>;

export const TaskCandidates = z
  .object({
    task: z
      .object({
        id: RowId.openapi({ example: '42' }),
        title: z.string(),
        url: z.string().openapi({ example: 'https://github.com/cartolibre/cartolibre/issues/137' }),
        state: z.string().openapi({ example: 'ready' }),
      })
      .openapi('CandidateTask'),
    computedAt: ComputedAt,
    candidates: z.array(z.object({ consultant: Person, score: Score, reasons: Reasons, assigned: Assigned }).openapi('Candidate')),
  })
  .openapi('TaskCandidates');
export type TaskCandidates = z.infer<typeof TaskCandidates>;

/*
 * Who may read what pairing proposes: it names consultants and what they could work on, which is
 * theirs and their employer's business. A consultant's proposals: an operator, the consultant
 * themself, their sponsor's reviewers. A task's candidates: each viewer sees only the
 * candidates whose proposals they may read; a viewer who can read no consultant's (a
 * beneficiary contact only) is refused.
 */

/** Whose candidacies the viewer may see; null when nobody's. */
function candidateScopeOf(viewer: Viewer): CandidateScope | null {
  if (isOperator(viewer)) return { everyone: true };
  const consultantIds = viewer.roles.flatMap((role) => (role.kind === 'consultant' ? [role.consultantId] : []));
  const sponsorIds = viewer.roles.flatMap((role) => (role.kind === 'sponsor_reviewer' ? [role.sponsorId] : []));
  return consultantIds.length === 0 && sponsorIds.length === 0 ? null : { everyone: false, consultantIds, sponsorIds };
}

const listProposalsRoute = createRoute({
  method: 'get',
  path: '/consultants/{id}/proposals',
  operationId: 'listConsultantProposals',
  tags: ['pairing'],
  summary: "A consultant's proposed tasks",
  description:
    'The ready tasks the last pairing run proposed to the consultant, ranked: those the optimal assignment gives them first, ' +
    'then the others of their shortlist, each best score first, with the reasons and the issue. Tasks claimed since are left out. ' +
    'Nothing is posted on the forge until the consultant claims. ' +
    'Needs a session: an operator, the consultant themself, or a reviewer of their sponsor.',
  security: NEEDS_SESSION,
  request: { params: z.object({ id: idParam('id', 'consultant', '3') }) },
  responses: {
    200: { description: 'The proposals, ranked; empty when the consultant is not available today.', content: { 'application/json': { schema: ConsultantProposals } } },
    400: errorResponse('The id is not a consultant id.'),
    404: errorResponse('No consultant has this id (told to operators; others get 403).'),
    ...SESSION_ERRORS,
  },
});

const listCandidatesRoute = createRoute({
  method: 'get',
  path: '/tasks/{id}/candidates',
  operationId: 'listTaskCandidates',
  tags: ['pairing'],
  summary: 'The best consultants for a task',
  description:
    'Consultants whose shortlist of the last pairing run holds the task, best score first, with the reasons; ' +
    'empty once the task is claimed or no longer ready. ' +
    'Needs a session: an operator sees every candidate, a sponsor reviewer those of their sponsor, a consultant themself.',
  security: NEEDS_SESSION,
  request: { params: z.object({ id: idParam('id', 'task', '42') }), query: CandidatesQuery },
  responses: {
    200: { description: 'The candidates the viewer may see, best first.', content: { 'application/json': { schema: TaskCandidates } } },
    400: errorResponse('The id or the limit is invalid.'),
    404: errorResponse('No task has this id.'),
    ...SESSION_ERRORS,
  },
});

function presentProposals(view: ConsultantProposalsView): ConsultantProposals {
  return { ...view, computedAt: view.computedAt?.toISOString() ?? null };
}

function presentCandidates(view: TaskCandidatesView): TaskCandidates {
  return { ...view, computedAt: view.computedAt?.toISOString() ?? null };
}

/** `/consultants/{id}/proposals` and `/tasks/{id}/candidates`: what the pairing proposes, explained. */
export function proposalsRoutes({ db }: { db: Database }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  app.openapi(listProposalsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = c.get('viewer');
    const consultant = viewer === null ? null : await findConsultant(db, id);
    // Only an operator learns that an id is no consultant's: to anyone else it is not theirs.
    const refusal = checkViewer(viewer, "this consultant's proposals", (someone) =>
      consultant === null ? isOperator(someone) : consultantOrTheirSponsor(someone, { consultantId: consultant.id, sponsorId: consultant.sponsor.id }),
    );
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const view = await findConsultantProposals(db, id);
    if (view === null) return c.json(problemOf({ error: 'not_found', message: `No consultant has id ${id}.` }), 404);
    return c.json(presentProposals(view), 200);
  });

  app.openapi(listCandidatesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const viewer = c.get('viewer');
    const scope = viewer === null ? null : candidateScopeOf(viewer);
    if (scope === null) {
      const refusal = viewer === null ? refuseStranger("a task's candidates") : refuseViewer("a task's candidates");
      return c.json(refusal.body, refusal.status);
    }
    const view = await findTaskCandidates(db, id, limit, scope);
    if (view === null) return c.json(problemOf({ error: 'not_found', message: `No task has id ${id}.` }), 404);
    return c.json(presentCandidates(view), 200);
  });

  return app;
}
