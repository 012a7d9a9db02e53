import { pairConsultantsWithTasks } from '@wecena/core';
import type { Database, Transaction } from '../database';
import { loadPairingInput, pairingTimeAt, toProposalRows } from '../pairing';

export interface SeedDemoOptions {
  /** The instant the demo is built around: availability windows, claims and logs are dated from it. */
  now: Date;
}

/** Rows added by one `seedDemo` call, per table; all zero when the demo was already there. */
export interface DemoCounts {
  sponsors: number;
  sponsorReviewers: number;
  consultants: number;
  consultantIdentities: number;
  consultantSkills: number;
  availabilityWindows: number;
  beneficiaries: number;
  repositories: number;
  agreements: number;
  tasks: number;
  claims: number;
  pairingProposals: number;
  timeLogs: number;
  contributions: number;
}

/** The demo sponsor's SIREN (valid: it passes the Luhn check); its presence means the demo is loaded. */
export const DEMO_SPONSOR_SIREN = '832519748';

/** Serialises seeders on PostgreSQL: "wecena" then 0x0002 for "seed". */
const SEED_LOCK_KEY = '8603391950455898114';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Loads a small, coherent world to try wecena with: one sponsor (an IT services company)
 * and its reviewer, three consultants with GitHub and GitLab identities, skills, languages,
 * causes and availability around `now`, a nonprofit and a free-software project, each with a
 * cause, a repository and an agreement, a task in every lifecycle state with its claims, time
 * logs and, for the done task, its credit in the ledger, ready tasks that fit Camille and Léa
 * (their free claim slots), and the proposals the pairing engine makes on all of it.
 *
 * Idempotent: it runs in one transaction and does nothing when the demo sponsor exists.
 */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<DemoCounts> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const counts = emptyCounts();
    const existing = await tx.query('SELECT 1 FROM sponsors WHERE siren = $1', [DEMO_SPONSOR_SIREN]);
    if (existing.rows.length > 0) return counts;
    await loadDemo(new Seeder(tx, counts), options.now);
    return counts;
  });
}

function emptyCounts(): DemoCounts {
  return {
    sponsors: 0,
    sponsorReviewers: 0,
    consultants: 0,
    consultantIdentities: 0,
    consultantSkills: 0,
    availabilityWindows: 0,
    beneficiaries: 0,
    repositories: 0,
    agreements: 0,
    tasks: 0,
    claims: 0,
    pairingProposals: 0,
    timeLogs: 0,
    contributions: 0,
  };
}

const TABLES: Record<keyof DemoCounts, string> = {
  sponsors: 'sponsors',
  sponsorReviewers: 'sponsor_reviewers',
  consultants: 'consultants',
  consultantIdentities: 'consultant_identities',
  consultantSkills: 'consultant_skills',
  availabilityWindows: 'availability_windows',
  beneficiaries: 'beneficiaries',
  repositories: 'repositories',
  agreements: 'agreements',
  tasks: 'tasks',
  claims: 'claims',
  pairingProposals: 'pairing_proposals',
  timeLogs: 'time_logs',
  contributions: 'contributions',
};

/** Inserts rows and counts them. Column names come from this file only, values are parameters. */
class Seeder {
  readonly #tx: Transaction;
  readonly #counts: DemoCounts;

  constructor(tx: Transaction, counts: DemoCounts) {
    this.#tx = tx;
    this.#counts = counts;
  }

  /** The transaction, for reading back what was seeded. */
  get tx(): Transaction {
    return this.#tx;
  }

  async insert(table: keyof DemoCounts, row: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(row);
    const placeholders = columns.map((_, index) => `$${index + 1}`);
    const hasId = table !== 'consultantSkills' && table !== 'pairingProposals';
    const { rows } = await this.#tx.query<{ id: string }>(
      `INSERT INTO ${TABLES[table]} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})${hasId ? ' RETURNING id' : ''}`,
      Object.values(row),
    );
    this.#counts[table] += 1;
    return rows[0]?.id ?? '';
  }
}

interface DemoConsultant {
  name: string;
  email: string;
  costRateCents: number;
  openClaimsLimit: number;
  identities: { forge: 'github' | 'gitlab'; host: string; login: string }[];
  skills: Record<string, 1 | 2 | 3>;
  languages: string[];
  causes: string[];
  /** Days from `now` (both included) and hours a day. */
  window: { from: number; to: number; minutesPerDay: number };
}

const CONSULTANTS: DemoConsultant[] = [
  {
    name: 'Camille Martin',
    email: 'camille.martin@octet-conseil.example',
    costRateCents: 5_800,
    // Two slots: she holds one task in review and has room for the ready one that fits her.
    openClaimsLimit: 2,
    identities: [{ forge: 'github', host: 'github.com', login: 'camille-martin-oc' }],
    skills: { typescript: 3, react: 2, accessibility: 2 },
    languages: ['en', 'fr'],
    causes: ['accessibility', 'open-data'],
    window: { from: -2, to: 5, minutesPerDay: 420 },
  },
  {
    name: 'Yanis Benali',
    email: 'yanis.benali@octet-conseil.example',
    costRateCents: 5_100,
    openClaimsLimit: 1,
    identities: [
      { forge: 'gitlab', host: 'gitlab.com', login: 'ybenali' },
      { forge: 'github', host: 'github.com', login: 'ybenali-oc' },
    ],
    skills: { python: 3, postgresql: 2, data: 2 },
    languages: ['fr'],
    causes: ['social-inclusion'],
    window: { from: 0, to: 10, minutesPerDay: 360 },
  },
  {
    name: 'Léa Dubois',
    email: 'lea.dubois@octet-conseil.example',
    costRateCents: 4_600,
    openClaimsLimit: 2,
    identities: [
      { forge: 'github', host: 'github.com', login: 'lea-dubois-oc' },
      { forge: 'gitlab', host: 'gitlab.com', login: 'ldubois' },
    ],
    skills: { content: 3, documentation: 3, translation: 2 },
    languages: ['en', 'fr'],
    causes: ['education', 'social-inclusion'],
    window: { from: -7, to: 2, minutesPerDay: 300 },
  },
];

async function loadDemo(seed: Seeder, now: Date): Promise<void> {
  const at = (offsetMs: number): Date => new Date(now.getTime() + offsetMs);
  const day = (offsetDays: number): string => at(offsetDays * DAY).toISOString().slice(0, 10);
  const created = at(-30 * DAY);

  const sponsor = await seed.insert('sponsors', {
    name: 'Octet Conseil',
    legal_name: 'Octet Conseil SAS',
    legal_form: 'SAS',
    siren: DEMO_SPONSOR_SIREN,
    address: '12 rue de la Charité\n69002 Lyon',
    default_cost_rate_cents: 5_200,
    created_at: created,
  });
  await seed.insert('sponsorReviewers', {
    sponsor_id: sponsor,
    display_name: 'Claire Fontaine',
    email: 'claire.fontaine@octet-conseil.example',
    role: 'admin',
    created_at: created,
  });

  const consultants: string[] = [];
  for (const consultant of CONSULTANTS) {
    const id = await seed.insert('consultants', {
      sponsor_id: sponsor,
      display_name: consultant.name,
      email: consultant.email,
      open_claims_limit: consultant.openClaimsLimit,
      cost_rate_cents: consultant.costRateCents,
      languages: consultant.languages,
      causes: consultant.causes,
      created_at: created,
    });
    consultants.push(id);
    for (const identity of consultant.identities) {
      await seed.insert('consultantIdentities', { consultant_id: id, ...identity, created_at: created });
    }
    for (const [skill, level] of Object.entries(consultant.skills)) {
      await seed.insert('consultantSkills', { consultant_id: id, skill, level });
    }
    await seed.insert('availabilityWindows', {
      consultant_id: id,
      from_date: day(consultant.window.from),
      to_date: day(consultant.window.to),
      minutes_per_day: consultant.window.minutesPerDay,
      created_at: created,
    });
  }
  const [camille = '', yanis = '', lea = ''] = consultants;

  const nonprofit = await seed.insert('beneficiaries', {
    kind: 'nonprofit',
    name: 'Entraide Solidaire',
    eligibility: 'public_interest_organisation',
    legal_name: 'Association Entraide Solidaire',
    rna: 'W691234567',
    address: '4 place Sathonay\n69001 Lyon',
    website: 'https://entraide-solidaire.example',
    cause: 'social-inclusion',
    created_at: created,
  });
  const project = await seed.insert('beneficiaries', {
    kind: 'free_software',
    name: 'Cartolibre',
    eligibility: 'osi_approved_licence',
    licence: 'AGPL-3.0-or-later',
    legal_name: 'Association des contributeurs de Cartolibre',
    rna: 'W751234568',
    address: '20 rue des Cartographes\n75011 Paris',
    website: 'https://cartolibre.example',
    cause: 'open-data',
    created_at: created,
  });

  const gitlabRepository = await seed.insert('repositories', {
    forge: 'gitlab',
    host: 'gitlab.com',
    forge_id: '48213377',
    path: 'entraide-solidaire/site-benevoles',
    beneficiary_id: nonprofit,
    created_at: created,
    updated_at: created,
  });
  const githubRepository = await seed.insert('repositories', {
    forge: 'github',
    host: 'github.com',
    forge_id: '731904512',
    path: 'cartolibre/cartolibre',
    beneficiary_id: project,
    installation_id: '51234567',
    created_at: created,
    updated_at: created,
  });

  for (const [beneficiary, reference] of [
    [nonprofit, 'OC-ES-2026'],
    [project, 'OC-CL-2026'],
  ] as const) {
    await seed.insert('agreements', {
      sponsor_id: sponsor,
      beneficiary_id: beneficiary,
      reference,
      signed_on: day(-60),
      valid_from: day(-60),
      valid_to: day(305),
      created_at: at(-60 * DAY),
    });
  }

  const gitlabIssue = (number: number): string => `https://gitlab.com/entraide-solidaire/site-benevoles/-/issues/${number}`;
  const githubIssue = (number: number): string => `https://github.com/cartolibre/cartolibre/issues/${number}`;
  const task = (row: {
    repository: string;
    number: number;
    title: string;
    state: string;
    estimate: number | null;
    skills: string[];
    category: string;
    changedDaysAgo: number;
    cause?: string;
    language?: string;
  }): Promise<string> =>
    seed.insert('tasks', {
      repository_id: row.repository,
      issue_number: row.number,
      issue_forge_id: String((row.repository === gitlabRepository ? 160_000_000 : 2_900_000_000) + row.number),
      title: row.title,
      url: row.repository === gitlabRepository ? gitlabIssue(row.number) : githubIssue(row.number),
      state: row.state,
      estimate_minutes: row.estimate,
      skills: row.skills,
      category: row.category,
      cause: row.cause ?? null,
      language: row.language ?? null,
      created_at: at(-20 * DAY),
      updated_at: at(-row.changedDaysAgo * DAY),
      state_changed_at: at(-row.changedDaysAgo * DAY),
    });

  await task({
    repository: githubRepository,
    number: 142,
    title: 'Document the tile cache settings',
    state: 'candidate',
    estimate: null,
    skills: ['documentation'],
    category: 'content',
    changedDaysAgo: 1,
  });
  await task({
    repository: githubRepository,
    number: 137,
    title: 'Keyboard navigation for the layer switcher',
    state: 'ready',
    estimate: 240,
    skills: ['accessibility', 'typescript'],
    category: 'accessibility',
    changedDaysAgo: 2,
  });
  // Ready for Léa: her skills, her languages, her causes (the nonprofit's, and education).
  await task({
    repository: gitlabRepository,
    number: 63,
    title: 'Write the welcome guide for new volunteers',
    state: 'ready',
    estimate: 180,
    skills: ['documentation', 'content'],
    category: 'content',
    changedDaysAgo: 4,
    cause: 'education',
    language: 'fr',
  });
  await task({
    repository: githubRepository,
    number: 144,
    title: 'Translate the map legend help page into English',
    state: 'ready',
    estimate: 90,
    skills: ['translation'],
    category: 'content',
    changedDaysAgo: 1,
    language: 'en',
  });
  const claimed = await task({
    repository: gitlabRepository,
    number: 58,
    title: 'Export volunteer shifts as CSV',
    state: 'claimed',
    estimate: 300,
    skills: ['python', 'data'],
    category: 'code',
    changedDaysAgo: 0,
  });
  const inReview = await task({
    repository: githubRepository,
    number: 129,
    title: 'Fix the date picker on Safari',
    state: 'in_review',
    estimate: 180,
    skills: ['typescript', 'react'],
    category: 'code',
    changedDaysAgo: 0,
  });
  const done = await task({
    repository: gitlabRepository,
    number: 51,
    title: 'Rewrite the volunteer sign-up page in plain language',
    state: 'done',
    estimate: 240,
    skills: ['content'],
    category: 'content',
    changedDaysAgo: 2,
  });
  const released = await task({
    repository: githubRepository,
    number: 118,
    title: 'Add a dark theme to the embed widget',
    state: 'released',
    estimate: 360,
    skills: ['typescript'],
    category: 'code',
    changedDaysAgo: 5,
  });
  const expired = await task({
    repository: gitlabRepository,
    number: 44,
    title: 'Import last year’s events from the spreadsheet',
    state: 'expired',
    estimate: 300,
    skills: ['python', 'data'],
    category: 'data',
    changedDaysAgo: 6,
  });
  await task({
    repository: githubRepository,
    number: 97,
    title: 'Move the CI to the new runners',
    state: 'withdrawn',
    estimate: 120,
    skills: ['ci'],
    category: 'code',
    changedDaysAgo: 8,
  });

  // Claims: open on the claimed and in-review tasks, ended on the others.
  await seed.insert('claims', { task_id: claimed, consultant_id: yanis, claimed_at: at(-3 * HOUR), expires_at: at(2 * DAY) });
  await seed.insert('claims', { task_id: inReview, consultant_id: camille, claimed_at: at(-1 * DAY), expires_at: at(1 * DAY) });
  await seed.insert('claims', {
    task_id: done,
    consultant_id: lea,
    claimed_at: at(-5 * DAY),
    expires_at: at(-1 * DAY),
    ended_at: at(-2 * DAY),
    ended_how: 'completed',
  });
  await seed.insert('claims', {
    task_id: released,
    consultant_id: camille,
    claimed_at: at(-7 * DAY),
    expires_at: at(-4 * DAY),
    ended_at: at(-5 * DAY),
    ended_how: 'released',
    handoff_note: 'The theme variables are in src/embed/theme.ts; the toggle works but still needs a test.',
  });
  await seed.insert('claims', {
    task_id: expired,
    consultant_id: yanis,
    claimed_at: at(-9 * DAY),
    expires_at: at(-6 * DAY),
    reminded_at: at(-7 * DAY),
    ended_at: at(-6 * DAY),
    ended_how: 'expired',
  });

  const logs: [consultant: string, task: string, minutes: number, daysAgo: number][] = [
    [yanis, claimed, 90, 0],
    [camille, inReview, 150, 1],
    [lea, done, 120, 4],
    [lea, done, 100, 3],
    [camille, released, 120, 6],
  ];
  for (const [index, [consultant, taskId, minutes, daysAgo]] of logs.entries()) {
    await seed.insert('timeLogs', {
      consultant_id: consultant,
      task_id: taskId,
      minutes,
      spent_on: day(-daysAgo),
      source: 'command',
      source_ref: `demo:time-log:${index + 1}`,
      recorded_at: at(-daysAgo * DAY),
    });
  }

  // The done task's credit: logged minutes valued at Léa's hourly cost, rounded to the cent.
  const doneMinutes = 220;
  await seed.insert('contributions', {
    kind: 'credit',
    task_id: done,
    consultant_id: lea,
    sponsor_id: sponsor,
    beneficiary_id: nonprofit,
    change_request_url: 'https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/77',
    landed_at: at(-2 * DAY),
    minutes: doneMinutes,
    estimated: false,
    valuation_cents: Math.round((doneMinutes * 4_600) / 60),
    review_status: 'pending',
    recorded_by: 'wecena',
    recorded_at: at(-2 * DAY),
  });

  await storeProposals(seed, now);
}

/**
 * What the pairing proposes on the demo as seeded, computed by the engine and stored as a
 * pairing run stores it, so that the dashboard and the API show proposals with their reasons
 * from the first page. The server's refresher recomputes them as the demo changes.
 */
async function storeProposals(seed: Seeder, now: Date): Promise<void> {
  const time = pairingTimeAt(now);
  const rows = toProposalRows(pairConsultantsWithTasks(await loadPairingInput(seed.tx, time)));
  for (const row of rows) {
    await seed.insert('pairingProposals', {
      consultant_id: row.consultantId,
      task_id: row.taskId,
      score: row.score,
      reasons: JSON.stringify(row.reasons),
      terms: JSON.stringify(row.terms),
      assigned: row.assigned,
      rank: row.rank,
      computed_at: now,
    });
  }
}
