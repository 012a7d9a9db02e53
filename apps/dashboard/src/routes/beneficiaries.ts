import type { Database } from '@wecena/db';
import { Hono } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { beneficiaryContacts } from '../auth/roles';
import { renderBeneficiaryPage } from '../pages/beneficiary-page';
import { renderNotFoundPage } from '../pages/error-pages';
import { findBeneficiary, listReceived, listRepositories, readThroughput } from '../queries/beneficiary-queries';

/** `/beneficiaries/:beneficiaryId`: hours and valuation received per sponsor and year, task throughput. */
export function beneficiariesRoutes({ db }: { db: Database }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/beneficiaries/:beneficiaryId{[1-9][0-9]{0,17}}', guard(beneficiaryContacts), async (c) => {
    const beneficiaryId = c.req.param('beneficiaryId');
    const beneficiary = await findBeneficiary(db, beneficiaryId);
    if (beneficiary === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const [received, throughput, repositories] = await Promise.all([
      listReceived(db, beneficiaryId),
      readThroughput(db, beneficiaryId),
      listRepositories(db, beneficiaryId),
    ]);
    return c.html(renderBeneficiaryPage({ beneficiary: { id: beneficiaryId, ...beneficiary }, received, throughput, repositories, signedIn: chromeOf(c) }));
  });
  return app;
}
