import { loadCandidates, type Database, type Queryable } from '@wecena/db';
import { Hono } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard, viewerOf } from '../auth/guard';
import { anyRole, beneficiaryContacts, isOperator } from '../auth/roles';
import { renderCandidatesPage, type CandidatesRepository } from '../pages/candidates-page';
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

/**
 * `/repositories/:repositoryId/candidates`: the issues discovery found suitable, or nearly, ranked
 * and explained. Deny by default: an operator, or a contact of the repository's beneficiary; a
 * repository of no beneficiary is the operators' alone. Only an operator learns that an id is no
 * repository's: to anyone else it is not theirs (403).
 */
export function candidatesRoutes({ db }: { db: Database }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/repositories/:repositoryId{[1-9][0-9]{0,17}}/candidates', guard(anyRole), async (c) => {
    const viewer = viewerOf(c);
    const repository = await findRepository(db, c.req.param('repositoryId'));
    if (repository === null) {
      return isOperator(viewer) ? c.html(renderNotFoundPage(c.req.path), 404) : c.html(renderForbiddenPage(chromeOf(c)), 403);
    }
    const allowed = repository.beneficiary === null ? isOperator(viewer) : beneficiaryContacts(viewer, { beneficiaryId: repository.beneficiary.id });
    if (!allowed) return c.html(renderForbiddenPage(chromeOf(c)), 403);
    const candidates = await loadCandidates(db, repository.id);
    return c.html(renderCandidatesPage({ repository, candidates, signedIn: chromeOf(c) }));
  });
  return app;
}
