import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { githubDeliveryHeaders, githubExample } from '@wecena/testkit';
import { type LoadResult, percentile, runLoad } from './load';
import type { ChildMessage, ParentMessage, TargetConfig, TargetName } from './protocol';
import { hasWecenaServer } from './targets/wecena';

const usage = `usage: npm run bench -- ack [options]

Posts signed copies of GitHub's issue_comment.created example (12.7 KB, a fresh
X-GitHub-Delivery each) over loopback to each target, each target in its own process.

  --deliveries N     measured deliveries per target (default 20000)
  --connections N    concurrent keep-alive connections (default 32)
  --warmup N         deliveries sent first and not measured (default 1000)
  --targets a,b      among ceiling, probot, wecena-pglite, wecena-postgres
                     (default: all that can run here; wecena-postgres needs DATABASE_URL)
  --ack-only         wecena targets run without their inbox worker: the ack path alone
                     (by default the worker drains the inbox meanwhile, as \`wecena serve\` does)
  --help`;

const allTargets: readonly TargetName[] = ['ceiling', 'probot', 'wecena-pglite', 'wecena-postgres'];
const secret = 'wecena-bench-webhook-secret';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const childScript = fileURLToPath(new URL('./child.ts', import.meta.url));
const clockTicksPerSecond = 100; // Linux USER_HZ, what /proc/<pid>/stat counts in

interface TargetReport {
  target: TargetName;
  acksPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Resident set size once started, before any delivery. */
  readyRssMb: number;
  peakRssMb: number;
  serverCpuUsPerAck: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  firstError?: string;
  /** wecena only: the run's deliveries found in the inbox, warm-up included. */
  inboxCount?: number;
  expectedInboxCount?: number;
}

interface TargetFailure {
  target: TargetName;
  failure: string;
}

export async function runAckBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      deliveries: { type: 'string', default: '20000' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '1000' },
      targets: { type: 'string' },
      'ack-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const deliveries = positiveInteger(values.deliveries, '--deliveries');
  const connections = positiveInteger(values.connections, '--connections');
  const warmup = positiveInteger(values.warmup, '--warmup', true);
  const databaseUrl = process.env['DATABASE_URL'] || undefined;
  const worker = !values['ack-only'];
  const targets = values.targets === undefined ? defaultTargets(databaseUrl) : parseTargets(values.targets);
  if (targets.includes('wecena-postgres') && databaseUrl === undefined) {
    console.error('ack: wecena-postgres runs against the PostgreSQL of DATABASE_URL, which is not set');
    return 2;
  }

  const body = Buffer.from(JSON.stringify(githubExample('issue_comment', { action: 'created' })));
  const { 'X-GitHub-Delivery': _unused, ...headers } = githubDeliveryHeaders({ event: 'issue_comment', body, secret });
  const [load1] = loadavg();
  console.log(
    `ack: ${availableParallelism()} cores, load average ${load1?.toFixed(2)} before the run ` +
      '(other work on the machine skews every figure); every target runs under tsx, which alone holds ~40 MB',
  );
  console.log(
    `ack: ${deliveries} deliveries (+${warmup} warm-up) of ${body.length} bytes, ${connections} connections, ` +
      `targets: ${targets.join(', ')}${worker ? '' : ' (wecena without its worker)'}`,
  );

  const reports: TargetReport[] = [];
  const failures: TargetFailure[] = [];
  for (const target of targets) {
    process.stdout.write(`  ${target}: starting… `);
    try {
      const report = await benchTarget(target, { body, headers, deliveries, warmup, connections, databaseUrl, worker });
      reports.push(report);
      console.log(`${Math.round(report.acksPerSecond)} acks/s`);
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      failures.push({ target, failure });
      console.log(`FAILED: ${failure}`);
    }
  }

  console.log();
  console.log(renderTable(reports));
  const ratios = renderRatios(reports);
  if (ratios !== '') console.log(`\n${ratios}`);
  const problems = [...failures.map((f) => `${f.target}: ${f.failure}`), ...reports.flatMap(problemsOf)];
  if (problems.length > 0) console.log(`\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const resultsDir = new URL('../results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL(`ack-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, resultsDir);
  writeFileSync(
    file,
    `${JSON.stringify(
      { deliveries, warmup, connections, worker, bodyBytes: body.length, node: process.version, loadAverage: loadavg(), reports, failures },
      null,
      2,
    )}\n`,
  );
  console.log(`\nresults: ${fileURLToPath(file)}`);
  return problems.length === 0 ? 0 : 1;
}

interface BenchInput {
  body: Buffer;
  headers: Record<string, string>;
  deliveries: number;
  warmup: number;
  connections: number;
  databaseUrl: string | undefined;
  worker: boolean;
}

async function benchTarget(target: TargetName, input: BenchInput): Promise<TargetReport> {
  const deliveryPrefix = randomBytes(4).toString('hex');
  const config: TargetConfig = {
    secret,
    deliveryPrefix,
    worker: input.worker,
    ...(input.databaseUrl ? { databaseUrl: input.databaseUrl } : {}),
  };
  const ids = Array.from({ length: input.warmup + input.deliveries }, (_, index) => deliveryId(deliveryPrefix, index));
  const child = fork(childScript, [target, JSON.stringify(config)], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages = messageQueue(child);
  const seconds = (since: number) => `${((performance.now() - since) / 1_000).toFixed(1)} s`;
  const spawnedAt = performance.now();
  let stopSent = false;
  try {
    const ready = await messages.next(120_000, 'starting');
    if (ready.type !== 'ready') throw new Error(ready.type === 'failed' ? ready.message : 'no ready message');
    const pid = child.pid;
    if (pid === undefined) throw new Error('the target process has no pid');
    const readyRssMb = procStatusKb(pid, 'VmRSS') / 1024;

    const load = (slice: readonly string[]) =>
      runLoad({
        url: ready.webhookUrl,
        body: input.body,
        headers: input.headers,
        idHeader: 'X-GitHub-Delivery',
        ids: slice,
        connections: input.connections,
        requestTimeoutMs: 30_000,
        deadlineMs: 600_000,
      });
    process.stdout.write(`ready in ${seconds(spawnedAt)}, warming up… `);
    const warm = await load(ids.slice(0, input.warmup));
    process.stdout.write('measuring… ');
    const cpuBefore = cpuTicks(pid);
    const measured = await load(ids.slice(input.warmup));
    const cpuAfter = cpuTicks(pid);
    const peakRssMb = procStatusKb(pid, 'VmHWM') / 1024;

    child.send({ type: 'stop' } satisfies ParentMessage);
    stopSent = true;
    process.stdout.write('stopping… ');
    const stopAt = performance.now();
    const stopped = await messages.next(300_000, 'stopping');
    process.stdout.write(`stopped in ${seconds(stopAt)}: `);
    if (stopped.type === 'failed') throw new Error(`stopping: ${stopped.message}`);
    if (stopped.type !== 'stopped') throw new Error('no stopped message');
    return {
      ...summarise(target, measured, cpuAfter - cpuBefore),
      readyRssMb,
      peakRssMb,
      ...(stopped.inboxCount === undefined
        ? {}
        : { inboxCount: stopped.inboxCount, expectedInboxCount: warm.sent + measured.sent }),
    };
  } finally {
    await exited(child, stopSent);
  }
}

function summarise(
  target: TargetName,
  load: LoadResult,
  cpuTicksUsed: number,
): Omit<TargetReport, 'readyRssMb' | 'peakRssMb'> {
  const sorted = Float64Array.from(load.latenciesMs).sort();
  return {
    target,
    acksPerSecond: (load.ok / load.elapsedMs) * 1_000,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    serverCpuUsPerAck: load.sent === 0 ? Number.NaN : ((cpuTicksUsed / clockTicksPerSecond) * 1e6) / load.sent,
    sent: load.sent,
    ok: load.ok,
    non2xx: load.non2xx,
    errors: load.errors,
    statuses: load.statuses,
    ...(load.firstError === undefined ? {} : { firstError: load.firstError }),
  };
}

function problemsOf(report: TargetReport): string[] {
  const problems: string[] = [];
  if (report.errors > 0) problems.push(`${report.target}: ${report.errors} errors (first: ${report.firstError})`);
  if (report.non2xx > 0) problems.push(`${report.target}: ${report.non2xx} non-2xx answers ${JSON.stringify(report.statuses)}`);
  if (report.inboxCount !== undefined && report.inboxCount !== report.expectedInboxCount) {
    problems.push(`${report.target}: ${report.inboxCount} deliveries in the inbox, ${report.expectedInboxCount} sent`);
  }
  return problems;
}

function renderTable(reports: readonly TargetReport[]): string {
  const header = ['target', 'acks/s', 'p50 ms', 'p99 ms', 'RSS ready MB', 'peak RSS MB', 'server CPU µs/ack', '2xx', 'non-2xx', 'errors', 'inbox / sent'];
  const rows = reports.map((r) => [
    r.target,
    r.acksPerSecond.toFixed(0),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    r.readyRssMb.toFixed(0),
    r.peakRssMb.toFixed(0),
    r.serverCpuUsPerAck.toFixed(0),
    String(r.ok),
    String(r.non2xx),
    String(r.errors),
    r.inboxCount === undefined ? '-' : `${r.inboxCount} / ${r.expectedInboxCount}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Each wecena target against both baselines of the same run. */
function renderRatios(reports: readonly TargetReport[]): string {
  const baselines = reports.filter((r) => r.target === 'ceiling' || r.target === 'probot');
  return reports
    .filter((r) => r.target.startsWith('wecena-'))
    .flatMap((r) =>
      baselines.map(
        (base) =>
          `${r.target} × ${base.target}: throughput ${(r.acksPerSecond / base.acksPerSecond).toFixed(2)}×, ` +
          `p99 ${(r.p99Ms / base.p99Ms).toFixed(2)}×, peak RSS ${(r.peakRssMb / base.peakRssMb).toFixed(2)}×`,
      ),
    )
    .join('\n');
}

function defaultTargets(databaseUrl: string | undefined): TargetName[] {
  return allTargets.filter((target) => {
    if (!target.startsWith('wecena-')) return true;
    if (!hasWecenaServer()) return false;
    return target !== 'wecena-postgres' || databaseUrl !== undefined;
  });
}

function parseTargets(list: string): TargetName[] {
  return list.split(',').map((name) => {
    const target = allTargets.find((known) => known === name.trim());
    if (target === undefined) throw new Error(`unknown target "${name}"; known: ${allTargets.join(', ')}`);
    return target;
  });
}

/** A valid version-4 UUID whose first group marks the run: `<prefix>-0000-4000-8000-<index>`. */
function deliveryId(prefix: string, index: number): string {
  return `${prefix}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

function positiveInteger(value: string | undefined, flag: string, zeroAllowed = false): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < (zeroAllowed ? 0 : 1)) throw new Error(`${flag} wants a whole number, got "${value}"`);
  return parsed;
}

/** utime + stime of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** A memory figure of a process from /proc: VmRSS (now) or VmHWM (peak resident set), in kB. */
function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(?<kb>\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.groups?.['kb'] ?? Number.NaN);
}

function messageQueue(child: ChildProcess): { next(timeoutMs: number, phase: string): Promise<ChildMessage> } {
  const queued: ChildMessage[] = [];
  const waiting: Array<(message: ChildMessage) => void> = [];
  const deliver = (message: ChildMessage) => {
    const waiter = waiting.shift();
    if (waiter === undefined) queued.push(message);
    else waiter(message);
  };
  child.on('message', (message: ChildMessage) => deliver(message));
  child.on('exit', (code, signal) => deliver({ type: 'failed', message: `the target exited (${signal ?? code})` }));
  return {
    next: (timeoutMs, phase) =>
      new Promise((resolve, reject) => {
        const message = queued.shift();
        if (message !== undefined) return resolve(message);
        const timer = setTimeout(() => reject(new Error(`the target said nothing for ${timeoutMs} ms while ${phase}`)), timeoutMs);
        waiting.push((received) => {
          clearTimeout(timer);
          resolve(received);
        });
      }),
  };
}

/** Waits for the target to exit: it does once stopped; otherwise it is terminated, then killed. */
async function exited(child: ChildProcess, stopSent: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (!stopSent) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}
