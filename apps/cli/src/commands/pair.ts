import { type PairingInput, type PairingResult, pairConsultantsWithTasks } from '@wecena/core';
import {
  type Database,
  findPairingConsultant,
  loadPairingInput,
  loadPairingLabels,
  migrate,
  openDatabase,
  type PairingLabels,
  type PairingTime,
  pairingTimeAt,
  refreshPairingProposals,
  toProposalRows,
} from '@wecena/db';
import { Command } from 'commander';
import { configFromEnvironment, databaseOptions } from './environment';

/** Exit code of input refused before anything was read or written. */
const EXIT_BAD_INPUT = 2;

interface PairOptions {
  dryRun?: boolean;
  consultant?: string;
  json?: boolean;
}

/** One consultant's shortlist as printed: assigned tasks first, then the others. */
export interface ConsultantPlan {
  id: string;
  name: string;
  /** Minutes and claim slots left today. */
  availability: { freeMinutes: number; freeSlots: number } | null;
  proposals: {
    rank: number;
    assigned: boolean;
    taskId: string;
    title: string;
    url: string;
    score: number;
    reasons: string[];
  }[];
}

/** What `wecena pair --dry-run` prints: the pairing the store gives now, nothing written. */
export interface PairingPlan {
  today: string;
  consultants: number;
  tasks: number;
  assigned: number;
  totalScore: number;
  plans: ConsultantPlan[];
}

class PairInputError extends Error {}

/** The plan of a pairing result, with people's names and the tasks' titles; only `onlyConsultant` if given. */
export function toPairingPlan(input: PairingInput, result: PairingResult, labels: PairingLabels, onlyConsultant?: string): PairingPlan {
  const rows = toProposalRows(result);
  const plans = result.consultants
    .filter((consultant) => onlyConsultant === undefined || consultant.consultantId === onlyConsultant)
    .map(
      (consultant): ConsultantPlan => ({
        id: consultant.consultantId,
        name: labels.consultants.get(consultant.consultantId)?.name ?? `#${consultant.consultantId}`,
        availability: consultant.availability,
        proposals: rows
          .filter((row) => row.consultantId === consultant.consultantId)
          .map((row) => ({
            rank: row.rank,
            assigned: row.assigned,
            taskId: row.taskId,
            title: labels.tasks.get(row.taskId)?.title ?? `#${row.taskId}`,
            url: labels.tasks.get(row.taskId)?.url ?? '',
            score: row.score,
            reasons: row.reasons,
          })),
      }),
    );
  return {
    today: input.today,
    consultants: input.consultants.length,
    tasks: input.tasks.length,
    assigned: result.consultants.reduce((sum, consultant) => sum + consultant.proposals.length, 0),
    totalScore: result.totalScore,
    plans,
  };
}

/** The plan for a person: per consultant, their tasks ranked, each with its score, issue and reasons. */
export function formatPairingPlan(plan: PairingPlan): string[] {
  const lines = [
    `Pairing for ${plan.today}: ${plan.consultants} consultant(s) available, ${plan.tasks} ready task(s), ` +
      `${plan.assigned} pair(s) proposed, total score ${plan.totalScore}.`,
  ];
  for (const consultant of plan.plans) {
    lines.push('');
    const free = consultant.availability === null ? 'no window today' : `${formatMinutes(consultant.availability.freeMinutes)} free, ${consultant.availability.freeSlots} claim slot(s)`;
    lines.push(`${consultant.name} (#${consultant.id}), ${free}`);
    if (consultant.proposals.length === 0) lines.push('  nothing to propose');
    for (const proposal of consultant.proposals) {
      lines.push(`  ${String(proposal.rank).padStart(2)}. ${String(proposal.score).padStart(3)}  ${proposal.assigned ? 'proposed   ' : 'alternative'}  ${proposal.title}`);
      lines.push(`                        ${proposal.url}`);
      for (const reason of proposal.reasons) lines.push(`                        - ${reason}`);
    }
  }
  return lines;
}

function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}h` : `${hours}h${String(rest).padStart(2, '0')}`;
}

async function showPlan(db: Database, time: PairingTime, options: PairOptions): Promise<void> {
  let only: { id: string; name: string } | undefined;
  if (options.consultant !== undefined) {
    const found = await findPairingConsultant(db, options.consultant);
    if (!found.ok) throw new PairInputError(found.problem);
    only = found.value;
  }
  const input = await loadPairingInput(db, time);
  const result = pairConsultantsWithTasks(input);
  const labels = await loadPairingLabels(db, {
    consultantIds: result.consultants.map((consultant) => consultant.consultantId),
    taskIds: result.tasks.map((task) => task.taskId),
  });
  const plan = toPairingPlan(input, result, labels, only?.id);
  // A consultant with no window today is not in the pairing: say so rather than print nothing.
  if (only !== undefined && plan.plans.length === 0) {
    plan.plans.push({ id: only.id, name: only.name, availability: null, proposals: [] });
  }
  process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : formatPairingPlan(plan).map((line) => `${line}\n`).join(''));
}

async function storeProposals(db: Database, time: PairingTime, options: PairOptions): Promise<void> {
  const refresh = await refreshPairingProposals(db, time);
  process.stdout.write(
    options.json
      ? `${JSON.stringify(refresh, null, 2)}\n`
      : `${db.description}: pairing for ${time.today} stored ${refresh.proposals} proposal(s): ${refresh.assigned} pair(s) proposed to ` +
          `${refresh.pairedConsultants} of ${refresh.consultants} available consultant(s), among ${refresh.tasks} ready task(s); ` +
          `total score ${refresh.totalScore}.\n`,
  );
}

async function pairAction(options: PairOptions): Promise<void> {
  if (options.consultant !== undefined && !options.dryRun) {
    process.stderr.write('wecena pair: --consultant shows one consultant’s proposals without storing them: add --dry-run\n');
    process.exitCode = EXIT_BAD_INPUT;
    return;
  }
  const config = configFromEnvironment();
  const time = pairingTimeAt(new Date());
  let db: Database | undefined;
  try {
    db = await openDatabase(
      config.database.kind === 'pglite' ? { dataDir: config.database.dataDir, lockOwner: 'wecena pair' } : databaseOptions(config),
    );
    await migrate(db);
    await (options.dryRun ? showPlan(db, time, options) : storeProposals(db, time, options));
  } catch (error) {
    process.stderr.write(`wecena pair: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof PairInputError ? EXIT_BAD_INPUT : 1;
  } finally {
    await db?.close();
  }
}

/**
 * `wecena pair`: runs the pairing on the store. With `--dry-run` it prints each available
 * consultant's tasks, ranked and explained, and writes nothing; without, it replaces the stored
 * proposals (what the API serves) and prints the counts. Nothing is ever said on a forge.
 */
export function pairCommand(): Command {
  return new Command('pair')
    .description('Pair available consultants with ready tasks: print the proposals (--dry-run) or store them for the API.')
    .option('--dry-run', 'print each consultant’s tasks, ranked, with score, issue and reasons; store nothing')
    .option('--consultant <id|name|login>', 'with --dry-run: only this consultant')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      '\nProposals are never posted on the forge: a consultant sees them in the API until they claim a task.\n' +
        'Examples:\n  wecena pair --dry-run\n  wecena pair --dry-run --consultant camille-martin-oc --json\n  wecena pair',
    )
    .action(pairAction);
}
