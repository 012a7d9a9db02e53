import { Command } from 'commander';
import { adminCommand } from './commands/admin';
import { migrateCommand } from './commands/migrate';
import { pairCommand } from './commands/pair';
import { reportCommand } from './commands/report';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';

export function buildProgram(): Command {
  const program = new Command('wecena')
    .description('wecena: idle days of IT consultants, donated to nonprofits and free-software projects.')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });
  program
    .command('serve')
    .description('Start everything in one process: webhook receivers, worker, dashboard, API, health and metrics.')
    .option('--demo', 'load demo data before starting (a sponsor, consultants, beneficiaries, tasks in every state)')
    .action(serveCommand);
  program
    .command('migrate')
    .description('Apply pending database migrations, or show where the database stands.')
    .option('--status', 'list applied and pending migrations without applying any')
    .action(migrateCommand);
  program
    .command('seed')
    .description('Load data into the database.')
    .option('--demo', 'load the demo data set (idempotent: running it twice adds nothing)')
    .action(seedCommand);
  program.addCommand(adminCommand());
  program.addCommand(pairCommand());
  program.addCommand(reportCommand());
  return program;
}
