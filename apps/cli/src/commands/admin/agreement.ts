import { Agreement } from '@wecena/core';
import { addAgreement, describeAgreementPeriod, listAgreements } from '@wecena/db';
import type { Command } from 'commander';
import { parseDate, validate } from './input';
import { adminAction, formatTable, report, unwrap, withDatabase } from './run';

export function registerAgreementCommands(admin: Command): void {
  const agreement = admin.command('agreement').description('Conventions de mécénat: a contribution counts for a sponsor and a beneficiary only under one in force on its date.');

  agreement
    .command('add')
    .description('Record an agreement (two of the same pair in force on one day are refused).')
    .argument('<sponsor>', 'id or exact name')
    .argument('<beneficiary>', 'id or exact name')
    .requiredOption('--signed-on <date>', 'day it was signed, YYYY-MM-DD')
    .requiredOption('--from <date>', 'first day in force, YYYY-MM-DD')
    .option('--to <date>', 'last day in force, YYYY-MM-DD (default: until further notice)')
    .option('--reference <reference>', "the parties' own reference for it")
    .option('--json', 'print the agreement as JSON')
    .action(
      adminAction(
        async (sponsor: string, beneficiary: string, options: { signedOn: string; from: string; to?: string; reference?: string; json?: boolean }) => {
          const checked = validate(
            Agreement,
            {
              id: 'new',
              sponsorId: 'sponsor',
              beneficiaryId: 'beneficiary',
              signedOn: parseDate('--signed-on', options.signedOn),
              from: parseDate('--from', options.from),
              to: options.to === undefined ? null : parseDate('--to', options.to),
            },
            { signedOn: '--signed-on', from: '--from', to: '--to' },
            { '--to': options.to },
          );
          const reference = options.reference?.trim() || null;
          const { record, created } = unwrap(
            await withDatabase((db) => addAgreement(db, { sponsor, beneficiary, signedOn: checked.signedOn, from: checked.from, to: checked.to, reference })),
          );
          report(options, { created, agreement: record }, [
            `${created ? 'recorded' : 'already recorded, nothing changed:'} agreement ${describeAgreementPeriod(record)} between #${record.sponsorId} ${record.sponsorName} and #${record.beneficiaryId} ${record.beneficiaryName}, signed on ${record.signedOn}`,
          ]);
        },
      ),
    );

  agreement
    .command('list')
    .description('List agreements.')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (options: { json?: boolean }) => {
        const rows = await withDatabase((db) => listAgreements(db));
        report(
          options,
          rows,
          rows.length === 0
            ? ['no agreement yet: wecena admin agreement add --help']
            : formatTable(rows.map((row) => [describeAgreementPeriod(row), row.sponsorName, '→', row.beneficiaryName, `signed ${row.signedOn}`, row.reference ?? ''])),
        );
      }),
    );
}
