import { loadCandidates, type Database, type Queryable } from '@wecena/db';
import { enqueueMarkReady } from '@wecena/engine';
import { type Context, Hono } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard, viewerOf } from '../auth/guard';
import { anyRole, beneficiaryContacts, isOperator } from '../auth/roles';
import { renderCandidatesPage, type CandidatesRepository, type MarkReadyAs } from '../pages/candidates-page';
import { renderForbiddenPage, renderNotFoundPage } from '../pages/error-pages';

async function findRepository(db: Queryable, repositoryId: string): Promise<CandidatesRepository | null> {
  const { rows } = await db.query<{ id: string; forge: 'github' | 'gitlab'; host: string; path: string; beneficiary_id: string | null; beneficiary_name: string | null }>(
    `SELECT r.id::text AS id, r.forge, r.host, r.path, r.beneficiary_id::text AS beneficiary_id, b.name AS beneficiary_name
       FROM repositories r LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
      WHERE r.id = $1`,
    [repositoryId],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    forge: row.forge,
    host: row.host,
    path: row.path,
    beneficiary: row.beneficiary_id === null || row.beneficiary_name === null ? null : { id: row.beneficiary_id, name: row.beneficiary_name },
  };
}

const REPOSITORY_PATH = '/repositories/:repositoryId{[1-9][0-9]{0,17}}/candidates';

/**
 * The repository in the path, when the viewer may see its candidates: an operator, or a contact
 * of its beneficiary (a repository of no beneficiary is the operators' alone). Otherwise the
 * page to answer: only an operator learns that an id is no repository's (404), to anyone else
 * it is not theirs (403).
 */
async function repositoryFor(db: Queryable, c: Context<DashboardEnv>): Promise<CandidatesRepository | Response> {
  const viewer = viewerOf(c);
  const repository = await findRepository(db, c.req.param('repositoryId') ?? '');
  if (repository === null) {
    return isOperator(viewer) ? c.html(renderNotFoundPage(c.req.path), 404) : c.html(renderForbiddenPage(chromeOf(c)), 403);
  }
  const allowed = repository.beneficiary === null ? isOperator(viewer) : beneficiaryContacts(viewer, { beneficiaryId: repository.beneficiary.id });
  return allowed ? repository : c.html(renderForbiddenPage(chromeOf(c)), 403);
}

/** The forge account signed in, when it is on the repository's forge: only that one may mark ready (the forge then says whether it may). */
function markReadyAs(c: Context<DashboardEnv>, repository: CandidatesRepository): MarkReadyAs | null {
  const identity = c.get('session')?.identity ?? null;
  if (identity === null || identity.forge !== repository.forge || identity.host !== repository.host) return null;
  return { login: identity.login, forgeUserId: identity.forgeUserId };
}

/**
 * `/repositories/:repositoryId/candidates`: the issues discovery found suitable, or nearly, ranked
 * and explained; and, for a maintainer signed in with the forge, a button that marks one ready
 * the way the label does (the worker asks the forge for their permission, then runs the checklist).
 */
export function candidatesRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get(REPOSITORY_PATH, guard(anyRole), async (c) => {
    const repository = await repositoryFor(db, c);
    if (repository instanceof Response) return repository;
    const candidates = await loadCandidates(db, repository.id);
    const marked = Number(c.req.query('marked'));
    const session = c.get('session');
    return c.html(
      renderCandidatesPage({
        repository,
        candidates,
        markReady: session === null ? null : { as: markReadyAs(c, repository), csrfToken: session.csrfToken },
        marked: candidates.some((candidate) => candidate.issueNumber === marked) ? marked : null,
        signedIn: chromeOf(c),
      }),
    );
  });

  app.post(`${REPOSITORY_PATH}/:issueNumber{[1-9][0-9]{0,8}}/mark-ready`, guard(anyRole), async (c) => {
    const repository = await repositoryFor(db, c);
    if (repository instanceof Response) return repository;
    const back = `/repositories/${repository.id}/candidates`;
    const as = markReadyAs(c, repository);
    const issueNumber = Number(c.req.param('issueNumber'));
    // Only a listed candidate, only as a forge account of the repository's forge: otherwise nothing changes.
    if (as === null || !(await loadCandidates(db, repository.id)).some((candidate) => candidate.issueNumber === issueNumber)) return c.redirect(back, 303);
    await enqueueMarkReady(db, { repositoryId: repository.id, issueNumber, login: as.login, forgeUserId: as.forgeUserId }, clock());
    return c.redirect(`${back}?marked=${issueNumber}#issue-${issueNumber}`, 303);
  });

  return app;
}
