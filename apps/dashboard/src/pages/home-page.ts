import { TASK_STATES, formatDuration, type TaskState } from '@wecena/core';
import { html } from 'hono/html';
import type { Summary, TaskView } from '../queries';
import { formatHoursAndMinutes } from './format';
import { renderLayout, type Html } from './layout';
import { toSafeHref } from './links';

export const STATE_LABELS = {
  candidate: 'Candidate',
  ready: 'Ready',
  claimed: 'Claimed',
  in_review: 'In review',
  done: 'Done',
  released: 'Released',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
} as const satisfies Record<TaskState, string>;

export const TAGLINE =
  'Idle days of IT consultants between two client contracts, donated to nonprofits and free-software projects, proven hour by hour.';

export interface HomePageInput {
  summary: Summary;
  /** The ready tasks shown, at most a page of them. */
  readyTasks: TaskView[];
}

/** Nothing to show yet: no task, no beneficiary, no sponsor. */
export function isEmptyStore(summary: Summary): boolean {
  const tasks = TASK_STATES.reduce((total, state) => total + summary.tasksByState[state], 0);
  return tasks === 0 && summary.beneficiaries === 0 && summary.sponsors === 0;
}

function renderFigures(summary: Summary): Html {
  return html`<ul class="figures" aria-label="At a glance">
<li class="highlight"><span class="value" data-figure="donated">${formatHoursAndMinutes(summary.donatedMinutes)}</span><span class="label">donated so far</span></li>
<li><span class="value" data-figure="ready">${summary.tasksByState.ready}</span><span class="label">ready tasks</span></li>
<li><span class="value" data-figure="beneficiaries">${summary.beneficiaries}</span><span class="label">${summary.beneficiaries === 1 ? 'beneficiary' : 'beneficiaries'}</span></li>
<li><span class="value" data-figure="sponsors">${summary.sponsors}</span><span class="label">${summary.sponsors === 1 ? 'sponsor' : 'sponsors'}</span></li>
</ul>`;
}

function renderStateCounts(counts: Record<TaskState, number>): Html {
  return html`<ul class="states">${TASK_STATES.map(
    (state) =>
      html`<li class="${counts[state] === 0 ? 'zero' : ''}" data-state="${state}"><span>${STATE_LABELS[state]}</span><span class="count">${counts[state]}</span></li>`,
  )}</ul>`;
}

function renderTask(task: TaskView): Html {
  const href = toSafeHref(task.url);
  const title = href === null ? html`<span class="title">${task.title}</span>` : html`<a class="title" href="${href}" rel="noopener noreferrer">${task.title}</a>`;
  return html`<li data-task-id="${task.id}">
${title}
<div class="meta">
<span>${task.repository.host}/${task.repository.path} #${task.issueNumber}</span>
${task.beneficiary === null ? '' : html`<span>for ${task.beneficiary.name}</span>`}
<span>${task.estimateMinutes === null ? 'no estimate' : `about ${formatDuration(task.estimateMinutes)}`}</span>
${task.skills.length === 0 ? '' : html`<span>${task.skills.map((skill) => html`<span class="tag">${skill}</span> `)}</span>`}
</div>
</li>`;
}

function renderReadyTasks(summary: Summary, readyTasks: TaskView[]): Html {
  if (readyTasks.length === 0) {
    return html`<p class="empty">No task is ready right now. A maintainer offers an issue by labelling it <code>wecena-ready</code> or commenting <code>/wecena ready</code>.</p>`;
  }
  const more = summary.tasksByState.ready - readyTasks.length;
  return html`<ul class="tasks">${readyTasks.map(renderTask)}</ul>
${more > 0 ? html`<p>And ${more} more: <a href="/api/v1/tasks?state=ready">/api/v1/tasks?state=ready</a>.</p>` : ''}`;
}

function renderEmptyState(): Html {
  return html`<section class="empty" id="getting-started">
<h2>Nothing here yet</h2>
<p>wecena has no task, beneficiary or sponsor to show. Two ways to start:</p>
<ol>
<li>Try it with demo data (a sponsor, three consultants, two beneficiaries and their tasks): stop the server and start it again with
<pre><code>npm start -- --demo</code></pre></li>
<li>Connect a forge: for GitHub, set <code>APP_ID</code>, <code>PRIVATE_KEY</code> and <code>WEBHOOK_SECRET</code> for the wecena GitHub App; for GitLab, set <code>GITLAB_URL</code>, <code>GITLAB_TOKEN</code> and <code>GITLAB_WEBHOOK_SECRET</code> and point a webhook at <code>/gitlab/webhooks</code>. Then register a beneficiary and its repositories with <code>wecena admin</code>, and label an issue <code>wecena-ready</code>.</li>
</ol>
</section>`;
}

/** The dashboard home: what wecena is, the figures, the tasks by state, the ready tasks. */
export function renderHomePage({ summary, readyTasks }: HomePageInput): Html {
  return renderLayout({
    title: 'Home',
    body: html`<h1>Donated skills, tracked in the issue tracker</h1>
<p class="lede">${TAGLINE}</p>
${isEmptyStore(summary) ? renderEmptyState() : ''}
${renderFigures(summary)}
<h2 id="states">Tasks by state</h2>
${renderStateCounts(summary.tasksByState)}
<h2 id="ready">Ready to pick up</h2>
${renderReadyTasks(summary, readyTasks)}`,
  });
}
