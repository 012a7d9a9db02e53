import type { OpenAPIHono } from '@hono/zod-openapi';

/** The OpenAPI 3.1 document as @hono/zod-openapi generates it. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

export const API_BASE_PATH = '/api/v1';
export const OPENAPI_PATH = `${API_BASE_PATH}/openapi.json`;
export const REFERENCE_PATH = `${API_BASE_PATH}/reference`;

/** What the document says about the API as a whole; the operations come from the routes. */
export const API_DESCRIPTION = {
  openapi: '3.1.0',
  info: {
    title: 'wecena API',
    version: '1.0.0',
    description:
      'Read-only access to what wecena tracks: the tasks (issues marked ready by maintainers), their lifecycle, and the hours donated by sponsored consultants to nonprofits and free-software projects. ' +
      'Deny by default: ready tasks and the summary counts are public; every other operation needs credentials, either the session cookie of someone signed in to the dashboard ' +
      'or a personal API token sent as `Authorization: Bearer wecena_pat_…` (made on the dashboard at `/tokens`); where an operation says it needs a session, a token carrying the role will do. ' +
      'Each operation lists its `security`, and answers 401 without credentials, 403 when none of the roles at hand gives access. ' +
      'Every error is an RFC 9457 problem (`application/problem+json`) whose `type` leads to its documentation. ' +
      'Amounts are integer cents, durations minutes, instants UTC.',
    license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
  },
  tags: [
    { name: 'tasks', description: 'Issues that a newcomer can finish in a day, and where each one is in its lifecycle.' },
    { name: 'summary', description: 'Totals at a glance.' },
    { name: 'pairing', description: 'What the pairing proposes to consultants, with its reasons. Personal data: needs credentials.' },
    { name: 'consultants', description: "A consultant's open claims, time logged and contributions with their review status." },
    { name: 'sponsors', description: "A sponsor's contributions to review and its consultants with their availability." },
    { name: 'reports', description: "A sponsor's yearly report from the ledger, and the receipt data for each beneficiary." },
    { name: 'beneficiaries', description: 'What a beneficiary received, per sponsor and year, and how fast its tasks get done.' },
    { name: 'operator', description: 'What operators watch and register: the webhook inbox, beneficiaries, repositories, sponsors and agreements.' },
  ],
} satisfies Parameters<OpenAPIHono['getOpenAPI31Document']>[0];
