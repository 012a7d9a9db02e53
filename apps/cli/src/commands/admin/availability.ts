import { AvailabilityWindow } from '@wecena/core';
import { addWindow, describeWindow, endAvailability, listWindows } from '@wecena/db';
import type { Command } from 'commander';
import { parseDate, parseHoursPerDay, validate } from './input';
import { adminAction, report, unwrap, withDatabase } from './run';

export function registerAvailabilityCommands(admin: Command): void {
  const availability = admin.command('availability').description('The days a consultant is free between two client contracts.');

  availability
    .command('add')
    .description('Add a window of free days, both ends included (a window overlapping another is refused).')
    .argument('<consultant>', 'id, exact name or forge login')
    .requiredOption('--from <date>', 'first free day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last free day, YYYY-MM-DD')
    .option('--hours-per-day <hours>', 'hours given each of those days: 7, 7.5 or 7h30', '7')
    .option('--json', 'print the window as JSON')
    .action(
      adminAction(async (consultant: string, options: { from: string; to: string; hoursPerDay: string; json?: boolean }) => {
        const window = validate(
          AvailabilityWindow,
          {
            id: 'new',
            consultantId: 'consultant',
            from: parseDate('--from', options.from),
            to: parseDate('--to', options.to),
            minutesPerDay: parseHoursPerDay('--hours-per-day', options.hoursPerDay),
          },
          { from: '--from', to: '--to', minutesPerDay: '--hours-per-day' },
          { '--hours-per-day': options.hoursPerDay },
        );
        const result = unwrap(await withDatabase((db) => addWindow(db, { consultant, from: window.from, to: window.to, minutesPerDay: window.minutesPerDay })));
        const who = `#${result.consultant.id} ${result.consultant.name}`;
        report(options, result, [
          result.created ? `${who} is available ${describeWindow(result.record)}` : `${who} already has window ${describeWindow(result.record)}: nothing changed`,
        ]);
      }),
    );

  availability
    .command('list')
    .description("List a consultant's windows, earliest first.")
    .argument('<consultant>', 'id, exact name or forge login')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (consultant: string, options: { json?: boolean }) => {
        const result = unwrap(await withDatabase((db) => listWindows(db, consultant)));
        report(options, result, [
          `#${result.consultant.id} ${result.consultant.name}:`,
          ...(result.windows.length === 0 ? ['  no availability window'] : result.windows.map((window) => `  ${describeWindow(window)}`)),
        ]);
      }),
    );

  availability
    .command('end')
    .description('End the window covering a day on that day (claims are left alone: see wecena admin recall).')
    .argument('<consultant>', 'id, exact name or forge login')
    .requiredOption('--on <date>', 'the last free day, YYYY-MM-DD')
    .option('--json', 'print the window as JSON')
    .action(
      adminAction(async (consultant: string, options: { on: string; json?: boolean }) => {
        const on = parseDate('--on', options.on);
        const result = unwrap(await withDatabase((db) => endAvailability(db, { consultant, on })));
        const who = `#${result.consultant.id} ${result.consultant.name}`;
        report(options, result, [
          result.previousTo === null
            ? `${who}: window #${result.window.id} already ends on ${on}: nothing changed`
            : `${who}: window #${result.window.id} (from ${result.window.from}) now ends on ${on} (was ${result.previousTo})`,
        ]);
      }),
    );
}
