import { listAgreements, listBeneficiaries, listSponsors } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { listParkedDeliveries, readInboxDepth } from '../queries/operator-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn, getJson, signInAsDemo, type TestSession } from '../testing/sign-in';

const OPERATIONS = ['/api/v1/inbox', '/api/v1/beneficiaries', '/api/v1/repositories', '/api/v1/sponsors', '/api/v1/agreements'];

describeEachEngine('API: inbox health and what operators register', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let operator: TestSession;

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    // Three parked at the same instant, a delivery id with colons, and two that are not parked.
    const deliveries: Array<[string, string, string, string]> = [
      ['github', 'a-1', '2026-03-01T10:00:00Z', 'parked'],
      ['gitlab', 'gl:b:2', '2026-03-01T10:00:00Z', 'parked'],
      ['github', 'c-3', '2026-03-01T10:00:00Z', 'parked'],
      ['gitlab', 'd-4', '2026-03-01T11:00:00Z', 'parked'],
      ['github', 'e-5', '2026-02-28T09:00:00Z', 'parked'],
      ['github', 'f-6', '2026-03-01T12:00:00Z', 'pending'],
      ['github', 'g-7', '2026-03-01T12:00:00Z', 'processed'],
    ];
    for (const [source, deliveryId, receivedAt, status] of deliveries) {
      await db.query(
        `INSERT INTO inbox_deliveries (source, delivery_id, event_name, received_at, body, status, attempts, next_attempt_at, last_error)
         VALUES ($1, $2, 'issue_comment', $3, '\\x7b7d', $4, 8, $3, CASE WHEN $4 = 'parked' THEN 'payload did not parse' END)`,
        [source, deliveryId, receivedAt, status],
      );
    }
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    operator = await signInAsDemo(app, 'operator');
  });

  it('answers the inbox depth and every parked delivery, a page at a time, latest first, none twice', async () => {
    const expected = await listParkedDeliveries(ctx.db(), 100);
    const depth = await readInboxDepth(ctx.db());
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await getJson(app, `/api/v1/inbox?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, operator);
      expect(status).toBe(200);
      expect(body.depth).toEqual(depth);
      seen.push(...body.parked.map((delivery: any) => `${delivery.source}/${delivery.deliveryId}`));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null);

    expect(depth).toEqual({ pending: 1, parked: 5 });
    expect(seen).toEqual(expected.map((delivery) => `${delivery.source}/${delivery.deliveryId}`));
    expect(new Set(seen).size).toBe(5);
    expect(pages).toBe(3);
    const { body } = await getJson(app, '/api/v1/inbox?limit=1', operator);
    expect(body.parked).toEqual([
      { source: 'gitlab', deliveryId: 'd-4', eventName: 'issue_comment', receivedAt: '2026-03-01T11:00:00.000Z', attempts: 8, lastError: 'payload did not parse' },
    ]);
  });

  it('refuses a bad cursor or limit with a 400 naming it', async () => {
    for (const [query, named] of [
      ['cursor=no-colon', 'cursor must be the nextCursor of a previous page'],
      ['limit=0', 'limit must be a whole number from 1 to 100'],
      ['limit=1.5', 'limit must be a whole number from 1 to 100'],
    ]) {
      const { status, body } = await getJson(app, `/api/v1/inbox?${query}`, operator);
      expect(status, query).toBe(400);
      expect(JSON.stringify(body), query).toContain(named);
    }
  });

  it('lists the beneficiaries, repositories, sponsors and agreements the admin commands registered', async () => {
    const db = ctx.db();
    const repositories = await db.query<{ id: string; beneficiary_id: string | null }>('SELECT id::text AS id, beneficiary_id::text AS beneficiary_id FROM repositories ORDER BY id');

    const beneficiaries = await getJson(app, '/api/v1/beneficiaries', operator);
    const repositoryList = await getJson(app, '/api/v1/repositories', operator);
    const sponsors = await getJson(app, '/api/v1/sponsors', operator);
    const agreements = await getJson(app, '/api/v1/agreements', operator);

    expect(beneficiaries.body.beneficiaries).toEqual(await listBeneficiaries(db));
    expect(beneficiaries.body.beneficiaries.map((beneficiary: any) => beneficiary.name)).toEqual(
      expect.arrayContaining(['Entraide Solidaire', 'Cartolibre', 'Bibliothèque <b>Libre</b>']),
    );
    expect(
      repositoryList.body.repositories.map((repository: any) => [repository.id, repository.beneficiary?.id ?? null]).sort(),
    ).toEqual(repositories.rows.map((row) => [row.id, row.beneficiary_id]).sort());
    expect(sponsors.body.sponsors).toEqual(await listSponsors(db));
    expect(sponsors.body.sponsors.find((sponsor: any) => sponsor.id === world.sponsorId)).toMatchObject({ name: 'Octet Conseil', currency: 'EUR', defaultCostRateCents: 5_200 });
    expect(agreements.body.agreements).toEqual(
      (await listAgreements(db)).map((agreement) => ({
        id: agreement.id,
        sponsor: { id: agreement.sponsorId, name: agreement.sponsorName },
        beneficiary: { id: agreement.beneficiaryId, name: agreement.beneficiaryName },
        signedOn: agreement.signedOn,
        from: agreement.from,
        to: agreement.to,
        reference: agreement.reference,
      })),
    );
    expect(agreements.body.agreements.map((agreement: any) => agreement.reference).sort()).toEqual(['OC-CL-2026', 'OC-ES-2026']);
  });

  it('answers operators only: 401 to a stranger, 403 to every other role', async () => {
    const others = await Promise.all(
      [`sponsor_reviewer:${world.reviewerId}`, `consultant:${world.consultantId}`, `beneficiary_contact:${world.beneficiaryId}`].map((person) => signInAsDemo(app, person)),
    );
    for (const path of OPERATIONS) {
      expect((await getJson(app, path, operator)).status, path).toBe(200);
      for (const session of others) expect((await getJson(app, path, session)).status, path).toBe(403);
      const stranger = await getJson(app, path);
      expect(stranger.status, path).toBe(401);
      expect(JSON.stringify(stranger.body)).toContain('unauthorized');
    }
  });
});
