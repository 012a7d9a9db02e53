import { recallConsultant } from '@wecena/db';
import type { Command } from 'commander';
import { localToday, parseDate } from './input';
import { adminAction, report, unwrap, withDatabase } from './run';

export function registerRecallCommand(admin: Command): void {
  admin
    .command('recall')
    .description(
      "Call a consultant back to a client: their availability ends that day, and each open claim is handed back on the forge as recalled by the worker (unassigned, task ready again, a hand-off note asked). Time logged is kept.",
    )
    .argument('<consultant>', 'id, exact name or forge login')
    .option('--on <date>', 'their last free day, YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (consultant: string, options: { on?: string; json?: boolean }) => {
        const now = new Date();
        const on = options.on === undefined ? localToday(now) : parseDate('--on', options.on);
        const result = unwrap(await withDatabase((db) => recallConsultant(db, { consultant, on, now })));
        const who = `#${result.consultant.id} ${result.consultant.name}`;
        const window =
          result.window === null
            ? `no availability window covers ${on}`
            : result.window.previousTo === null
              ? `window #${result.window.window.id} already ends on ${on}`
              : `window #${result.window.window.id} (from ${result.window.window.from}) now ends on ${on} (was ${result.window.previousTo})`;
        const fresh = result.claims.filter((claim) => claim.enqueued).length;
        report(options, result, [
          `recalled ${who}: ${window}`,
          result.claims.length === 0
            ? 'no open claim: nothing to hand back'
            : `${result.claims.length} open claim(s) will be handed back by the worker${fresh < result.claims.length ? ` (${result.claims.length - fresh} already queued)` : ''}:`,
          ...result.claims.map((claim) => `  claim #${claim.claimId} ${claim.taskUrl}`),
        ]);
      }),
    );
}
