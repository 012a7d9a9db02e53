import { html } from 'hono/html';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES, problemAnchorOf, problemTypeOf, type ApiErrorCode } from '../api/errors';
import type { OpenApiDocument } from '../api/openapi-document';
import { renderLayout, type Html } from './layout';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

// The generated document is ours, but its parts are typed loosely (unions with $ref objects):
// these narrow views read only what the page shows.
interface SchemaView {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: SchemaView;
  description?: string;
  properties?: Record<string, SchemaView>;
  required?: string[];
}
interface ParameterView {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: SchemaView;
}
interface ResponseView {
  description?: string;
  content?: Record<string, { schema?: SchemaView }>;
}
interface OperationView {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: ParameterView[];
  responses?: Record<string, ResponseView>;
  security?: Array<Record<string, string[]>>;
}
interface SecuritySchemeView {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
  bearerFormat?: string;
  description?: string;
}

/** Who may call an operation, from its `security`: public, a session optional (part public), or a session needed. */
export function describeAccess(security: OperationView['security']): 'public' | 'session optional' | 'session needed' {
  if (security === undefined || security.length === 0) return 'public';
  return security.some((requirement) => Object.keys(requirement).length === 0) ? 'session optional' : 'session needed';
}

const ACCESS_TEXT = {
  public: 'Public: no session needed.',
  'session optional': 'Public in part, in full with a session: see the description.',
  'session needed': 'Needs a session or a personal API token: sign in to the dashboard, or send a token; 401 without, 403 without the right role.',
} as const;

/** `#/components/schemas/Task` → `Task`. */
function refName(ref: string): string {
  return ref.split('/').at(-1) ?? ref;
}

/** A schema in a few words: `Task`, `array of Task`, `integer, 1 to 100, default 50`, `one of: a, b`. */
export function describeSchema(schema: SchemaView | undefined): string {
  if (schema === undefined) return 'any';
  if (schema.$ref !== undefined) return refName(schema.$ref);
  const parts: string[] = [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.includes('array')) parts.push(`array of ${describeSchema(schema.items)}`);
  else if (schema.enum !== undefined) parts.push(`one of: ${schema.enum.map(String).join(', ')}`);
  else parts.push(types.filter((type) => type !== 'null').join(' or ') || 'any');
  if (types.includes('null')) parts.push('or null');
  if (schema.format !== undefined) parts.push(schema.format);
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum} to ${schema.maximum}`);
  else if (schema.minimum !== undefined) parts.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) parts.push(`at most ${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

/** Text from the document with its `code spans` shown as code; everything escaped. */
export function renderProse(text: string | undefined): Html {
  const parts = (text ?? '').split('`');
  // An odd number of backticks leaves the last one unmatched: show it as written.
  if (parts.length % 2 === 0) return html`${text ?? ''}`;
  return html`${parts.map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

/** A schema as a link to its section when it is a named one, else in words. */
function renderSchemaType(schema: SchemaView | undefined): Html {
  if (schema?.$ref !== undefined) {
    const name = refName(schema.$ref);
    return html`<a href="#schema-${name}">${name}</a>`;
  }
  const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if (types.includes('array') && schema?.items?.$ref !== undefined) return html`array of ${renderSchemaType(schema.items)}`;
  return html`${describeSchema(schema)}`;
}

function renderParameters(parameters: ParameterView[]): Html {
  if (parameters.length === 0) return html`<p>No parameters.</p>`;
  return html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Parameter</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>${parameters.map(
    (parameter) =>
      html`<tr><td data-label="Parameter"><code>${parameter.name}</code>${parameter.required === true ? ' (required)' : ''}</td><td data-label="In">${parameter.in}</td><td data-label="Type">${renderSchemaType(parameter.schema)}</td><td data-label="Description">${renderProse(parameter.description ?? parameter.schema?.description)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

function renderResponses(responses: Record<string, ResponseView>): Html {
  return html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Body</th></tr></thead>
<tbody>${Object.entries(responses).map(([status, response]) => {
    const bodies = Object.entries(response.content ?? {}).map(([type, media]) => html`${renderSchemaType(media.schema)} (${type})`);
    return html`<tr><td data-label="Status"><code>${status}</code></td><td data-label="Description">${renderProse(response.description)}</td><td data-label="Body">${bodies.length === 0 ? 'none' : bodies}</td></tr>`;
  })}</tbody>
</table></div>`;
}

function renderOperation(path: string, method: string, operation: OperationView): Html {
  const anchor = operation.operationId ?? `${method}-${path}`;
  return html`<section class="card operation" id="${anchor}">
<h3><span class="method">${method}</span><code>${path}</code></h3>
${operation.summary === undefined ? '' : html`<p><strong>${renderProse(operation.summary)}</strong></p>`}
${operation.description === undefined ? '' : html`<p>${renderProse(operation.description)}</p>`}
<p class="access" data-access="${describeAccess(operation.security)}">${ACCESS_TEXT[describeAccess(operation.security)]}</p>
<h4>Parameters</h4>
${renderParameters(operation.parameters ?? [])}
<h4>Responses</h4>
${renderResponses(operation.responses ?? {})}
</section>`;
}

function renderSchema(name: string, schema: SchemaView): Html {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  return html`<section class="card operation" id="schema-${name}">
<h3><code>${name}</code></h3>
${schema.description === undefined ? '' : html`<p>${renderProse(schema.description)}</p>`}
${properties.length === 0
    ? html`<p>${describeSchema(schema)}</p>`
    : html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>${properties.map(
        ([field, property]) =>
          html`<tr><td data-label="Field"><code>${field}</code>${required.has(field) ? '' : ' (optional)'}</td><td data-label="Type">${renderSchemaType(property)}</td><td data-label="Description">${renderProse(property.description)}</td></tr>`,
      )}</tbody>
</table></div>`}
</section>`;
}

/** How a scheme's credentials travel: `cookie wecena_session`, `Authorization: Bearer wecena_pat_…`. */
function describeCarrier(scheme: SecuritySchemeView): Html {
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return html`header <code>Authorization: Bearer ${scheme.bearerFormat ?? '<token>'}</code>`;
  if (scheme.type === 'apiKey') return html`${scheme.in ?? ''} <code>${scheme.name ?? ''}</code>`;
  return html`${scheme.type ?? 'any'}`;
}

/** Each way to authenticate the document declares, with how it is sent. */
function renderSecuritySchemes(schemes: Record<string, SecuritySchemeView>): Html {
  return html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Scheme</th><th scope="col">Sent as</th><th scope="col">Description</th></tr></thead>
<tbody>${Object.entries(schemes).map(
    ([name, scheme]) =>
      html`<tr id="scheme-${name}"><td data-label="Scheme"><code>${name}</code></td><td data-label="Sent as">${describeCarrier(scheme)}</td><td data-label="Description">${renderProse(scheme.description)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

/** Each problem type an error may have: where its `type` leads. */
function renderProblemTypes(): Html {
  return html`<div class="table-scroll"><table class="stack">
<thead><tr><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Title</th><th scope="col">When</th></tr></thead>
<tbody>${Object.entries(PROBLEM_TYPES).map(([code, problem]) => {
    const known = code as ApiErrorCode;
    return html`<tr id="${problemAnchorOf(known)}"><td data-label="Type"><code>${problemTypeOf(known)}</code></td><td data-label="Status"><code>${problem.status}</code></td><td data-label="Title">${problem.title}</td><td data-label="When">${renderProse(problem.description)}</td></tr>`;
  })}</tbody>
</table></div>`;
}

/** Every operation the document lists, as [path, method, operation], in document order. */
export function listOperations(document: OpenApiDocument): Array<[string, string, OperationView]> {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Partial<Record<string, OperationView>>)[method];
      return operation === undefined ? [] : [[path, method, operation] as [string, string, OperationView]];
    }),
  );
}

/** The API reference: each operation with its parameters and responses, then each schema. */
export function renderReferencePage(document: OpenApiDocument, openApiPath: string): Html {
  const operations = listOperations(document);
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, SchemaView>);
  const securitySchemes = (document.components?.securitySchemes ?? {}) as Record<string, SecuritySchemeView>;
  return renderLayout({
    title: 'API reference',
    body: html`<h1>${document.info.title} ${document.info.version}</h1>
<p class="lede">${renderProse(document.info.description)}</p>
<p>The machine-readable document: <a href="${openApiPath}"><code>${openApiPath}</code></a> (OpenAPI ${document.openapi}). Errors answer with an <a href="#schema-ApiError"><code>ApiError</code></a> body, a problem (RFC 9457) served as <code>${PROBLEM_MEDIA_TYPE}</code>: see <a href="#problems">its types</a>.</p>
<h2 id="authentication">Authentication</h2>
${renderSecuritySchemes(securitySchemes)}
<h2 id="problems">Problems</h2>
<p>Branch on <code>code</code> (the last segment of <code>type</code>); <code>detail</code> is for people.</p>
${renderProblemTypes()}
<h2>Operations</h2>
<ul class="operations-index">${operations.map(([path, method, operation]) => html`<li><a href="#${operation.operationId ?? `${method}-${path}`}">${method.toUpperCase()} ${path}</a>${operation.summary === undefined ? '' : html`: ${operation.summary}`}${describeAccess(operation.security) === 'session needed' ? ' (session)' : ''}</li>`)}</ul>
${operations.map(([path, method, operation]) => renderOperation(path, method, operation))}
<h2>Schemas</h2>
${schemas.map(([name, schema]) => renderSchema(name, schema))}`,
  });
}
