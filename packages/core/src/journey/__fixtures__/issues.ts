import type { IssueRef, RepositoryRef } from '../../events/forge-event';

export const REPOSITORY: RepositoryRef = { forge: 'github', host: 'github.com', forgeId: '101', path: 'civic/tracker' };

export const READY_BODY = [
  'The export button does nothing on Firefox.',
  '',
  '## Done when',
  '- the CSV downloads on Firefox and Chromium',
  '',
  'estimate: 3h',
].join('\n');

/** An issue that passes every readiness item with the default configuration and facts. */
export function issueOf(overrides: Partial<IssueRef> = {}): IssueRef {
  return {
    number: 12,
    forgeId: '9012',
    title: 'Export button does nothing on Firefox',
    body: READY_BODY,
    url: 'https://github.com/civic/tracker/issues/12',
    state: 'open',
    labels: ['wecena-ready', 'lang/ts'],
    assignees: [],
    locked: false,
    ...overrides,
  };
}
