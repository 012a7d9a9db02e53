import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { dashboardWithDemoSignIn, getJson, LOOPBACK_ORIGIN } from '../testing/sign-in';

/** The operations of the pages' API, as the OpenAPI document must list them. */
const OPERATIONS = [
  ['/api/v1/consultants/{id}', 'getConsultant'],
  ['/api/v1/sponsors/{id}/contributions', 'listSponsorContributions'],
  ['/api/v1/sponsors/{id}/consultants', 'listSponsorConsultants'],
  ['/api/v1/sponsors/{id}/report', 'getSponsorReport'],
  ['/api/v1/sponsors/{sponsorId}/receipts/{beneficiaryId}/{year}', 'getReceipt'],
  ['/api/v1/beneficiaries/{id}', 'getBeneficiary'],
  ['/api/v1/inbox', 'getInboxHealth'],
  ['/api/v1/beneficiaries', 'listBeneficiaries'],
  ['/api/v1/repositories', 'listRepositories'],
  ['/api/v1/sponsors', 'listSponsors'],
  ['/api/v1/agreements', 'listAgreements'],
] as const;

describeEachEngine('API: the pages’ operations in the OpenAPI document and the reference', (ctx) => {
  let app: Hono;

  beforeAll(() => {
    app = dashboardWithDemoSignIn(ctx.db());
  });

  it('documents each operation: its parameters, its answers and that it needs a session', async () => {
    const { status, body } = await getJson(app, '/api/v1/openapi.json');

    expect(status).toBe(200);
    for (const [path, operationId] of OPERATIONS) {
      const operation = body.paths[path]?.get;
      expect(operation?.operationId, path).toBe(operationId);
      expect(operation.security.length, path).toBeGreaterThan(0);
      expect(operation.security.every((requirement: object) => Object.keys(requirement).length > 0), path).toBe(true);
      expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(['200', '401', '403']));
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(operation.parameters?.filter((parameter: any) => parameter.in === 'path').map((parameter: any) => parameter.name) ?? [], path).toEqual(inPath);
    }
    expect(body.paths['/api/v1/sponsors/{id}/contributions'].get.parameters.map((parameter: any) => parameter.name)).toEqual(['id', 'status', 'limit', 'cursor']);
    expect(body.paths['/api/v1/sponsors/{id}/report'].get.parameters.map((parameter: any) => parameter.name)).toEqual(['id', 'year']);
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['ConsultantOverview', 'ContributionPage', 'SponsorReport', 'ReportLine', 'Receipt', 'BeneficiaryOverview', 'InboxHealth', 'AgreementList']),
    );
  });

  it('describes each tag its operations use, and how to send credentials and read errors', async () => {
    const { body } = await getJson(app, '/api/v1/openapi.json');
    const used = new Set(Object.values(body.paths).flatMap((operations: any) => Object.values(operations).flatMap((operation: any) => operation.tags ?? [])));
    const described = new Map(body.tags.map((tag: { name: string; description: string }) => [tag.name, tag.description]));

    expect([...used].filter((tag) => !described.get(tag))).toEqual([]);
    expect(body.info.description).toContain('`Authorization: Bearer wecena_pat_…` (made on the dashboard at `/tokens`)');
    expect(body.info.description).toContain('RFC 9457 problem');
  });

  it('renders each operation on the reference page', async () => {
    const page = await (await app.request(`${LOOPBACK_ORIGIN}/api/v1/reference`)).text();

    for (const [path, operationId] of OPERATIONS) {
      expect(page).toContain(`id="${operationId}"`);
      expect(page).toContain(`<code>${path}</code>`);
    }
    expect(page).toContain('id="schema-SponsorReport"');
  });
});
