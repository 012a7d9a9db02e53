import type { Database } from '@wecena/db';
import { Hono } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { operatorsOnly } from '../auth/roles';
import { renderOperatorPage } from '../pages/operator-page';
import { listParkedDeliveries, listRepositoryLinks, readInboxDepth, retryParkedDelivery } from '../queries/operator-queries';
import { operatorAgreementsRoutes } from './operator-agreements';
import { operatorBeneficiariesRoutes } from './operator-beneficiaries';
import { operatorSponsorsRoutes } from './operator-sponsors';

/** How many parked deliveries the operator page lists. */
export const OPERATOR_PARKED_DELIVERIES = 100;

const NOTICES = {
  retried: 'The delivery is back in the queue: the worker takes it at once.',
  gone: 'That delivery is no longer parked: someone retried it already.',
} as const;

/**
 * `/operator`: repositories and their links, inbox health, retrying a parked delivery; and the
 * beneficiaries, sponsors and agreements, each with its list and its add form.
 */
export function operatorRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/operator', guard(operatorsOnly), async (c) => {
    const [repositories, parked, depth] = await Promise.all([listRepositoryLinks(db), listParkedDeliveries(db, OPERATOR_PARKED_DELIVERIES), readInboxDepth(db)]);
    const done = c.req.query('done');
    const signedIn = chromeOf(c);
    return c.html(
      renderOperatorPage({
        repositories,
        parked,
        depth,
        csrfToken: signedIn?.csrfToken ?? '',
        notice: done === 'retried' || done === 'gone' ? NOTICES[done] : null,
        signedIn,
      }),
    );
  });
  app.post('/operator/deliveries/retry', guard(operatorsOnly), async (c) => {
    const body = await c.req.parseBody();
    const source = typeof body.source === 'string' ? body.source : '';
    const deliveryId = typeof body.deliveryId === 'string' ? body.deliveryId : '';
    const retried = source !== '' && deliveryId !== '' && (await retryParkedDelivery(db, { source, deliveryId, now: clock() }));
    return c.redirect(`/operator?done=${retried ? 'retried' : 'gone'}#inbox`, 303);
  });
  app.route('/', operatorBeneficiariesRoutes({ db }));
  app.route('/', operatorSponsorsRoutes({ db }));
  app.route('/', operatorAgreementsRoutes({ db, clock }));
  return app;
}
