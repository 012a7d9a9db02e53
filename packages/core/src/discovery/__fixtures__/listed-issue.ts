import type { IssueRef } from '../../events/forge-event';
import type { ListedIssue } from '../../ports/forge-port';

/** A suitable, ready open issue unless told otherwise. */
export function listedIssue(overrides: Partial<Omit<ListedIssue, 'issue'>> & { issue?: Partial<IssueRef> } = {}): ListedIssue {
  const { issue, ...rest } = overrides;
  const number = issue?.number ?? 12;
  return {
    issue: {
      number,
      forgeId: `90${number}`,
      title: 'Fix typo in README.md',
      body: 'Line 12 of README.md says `recieve`; it should read `receive`.\n\n- [ ] the typo is fixed',
      url: `https://github.com/acme/widgets/issues/${number}`,
      state: 'open',
      labels: ['good first issue', 'size/XS'],
      assignees: [],
      locked: false,
      ...issue,
    },
    isChangeRequest: false,
    hasOpenChangeRequest: false,
    createdAt: '2026-02-20T10:00:00Z',
    updatedAt: '2026-02-28T10:00:00Z',
    comments: null,
    ...rest,
  };
}
