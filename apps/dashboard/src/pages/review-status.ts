import { html } from 'hono/html';
import type { ReviewStatus } from '../queries/contribution-queries';
import type { Html } from './layout';
import { toSafeHref } from './links';

export const REVIEW_STATUS_LABELS = {
  pending: 'Waiting for review',
  approved: 'Approved',
  adjusted: 'Adjusted',
  rejected: 'Rejected',
} as const satisfies Record<ReviewStatus, string>;

/** A review status as a small badge. */
export function renderReviewStatus(status: ReviewStatus): Html {
  return html`<span class="status status-${status}">${REVIEW_STATUS_LABELS[status]}</span>`;
}

/** A link out to a forge page, or the text alone when the address is not a web address. */
export function renderOutLink(url: string | null, text: string): Html {
  const href = url === null ? null : toSafeHref(url);
  return href === null ? html`<span>${text}</span>` : html`<a href="${href}" rel="noopener noreferrer">${text}</a>`;
}
