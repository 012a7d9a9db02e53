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
      'Deny by default: ready tasks and the summary counts are public; everything else needs the session of someone signed in to the dashboard ' +
      '(each operation lists its `security`), and answers 401 without one, 403 when none of their roles gives access.',
    license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
  },
  tags: [
    { name: 'tasks', description: 'Issues that a newcomer can finish in a day, and where each one is in its lifecycle.' },
    { name: 'summary', description: 'Totals at a glance.' },
    { name: 'pairing', description: 'What the pairing proposes to consultants, with its reasons. Personal data: needs a session.' },
  ],
} satisfies Parameters<OpenAPIHono['getOpenAPI31Document']>[0];
