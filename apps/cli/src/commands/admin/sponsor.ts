import { Sponsor, Text, formatAddress, normaliseSiren } from '@wecena/core';
import { type SponsorInput, addReviewer, addSponsor, listSponsors } from '@wecena/db';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseAddress, parseCostRate, validate } from './input';
import { adminAction, formatRate, formatTable, report, unwrap, withDatabase } from './run';

interface SponsorAddOptions {
  name: string;
  legalName: string;
  siren: string;
  address: string;
  defaultCostRate?: string;
  json?: boolean;
}

const SPONSOR_FLAGS = {
  legalName: '--legal-name',
  siren: '--siren',
  address: '--address',
  'valuation.defaultCostRateCentsPerHour': '--default-cost-rate',
};

/** Checks the flags with the core's Sponsor schema and turns them into the row to store. */
export function readSponsorFlags(options: SponsorAddOptions): SponsorInput {
  const name = validate(Text, options.name, { '': '--name' });
  const address = parseAddress('--address', options.address);
  const defaultCostRateCents = options.defaultCostRate === undefined ? null : parseCostRate('--default-cost-rate', options.defaultCostRate);
  const sponsor = validate(
    Sponsor,
    {
      id: 'new',
      legalName: options.legalName,
      siren: normaliseSiren(options.siren),
      address,
      valuation: { method: 'cost_price', defaultCostRateCentsPerHour: defaultCostRateCents, countEstimatedMinutes: true },
    },
    SPONSOR_FLAGS,
    { '--siren': options.siren },
  );
  return { name, legalName: sponsor.legalName, siren: sponsor.siren, address: formatAddress(sponsor.address), defaultCostRateCents };
}

export function registerSponsorCommands(admin: Command): void {
  const sponsor = admin.command('sponsor').description('Companies that lend their consultants, and their reviewers.');

  sponsor
    .command('add')
    .description('Register a sponsor (its SIREN is unique; the same details again change nothing).')
    .requiredOption('--name <name>', 'the name people know it by')
    .requiredOption('--legal-name <name>', 'legal name, printed on receipts')
    .requiredOption('--siren <siren>', 'SIREN: nine digits with a valid checksum (spaces allowed)')
    .requiredOption('--address <address>', 'postal address: "street, postal code city[, country]"')
    .option('--default-cost-rate <rate>', 'hourly cost for consultants without their own, in euros: 450.00 or "450 EUR/h"')
    .option('--json', 'print the sponsor as JSON')
    .action(
      adminAction(async (options: SponsorAddOptions) => {
        const input = readSponsorFlags(options);
        const { record, created } = unwrap(await withDatabase((db) => addSponsor(db, input)));
        report(options, { created, sponsor: record }, [
          created
            ? `added sponsor #${record.id} ${record.name} (SIREN ${record.siren}, default cost rate ${formatRate(record.defaultCostRateCents)})`
            : `sponsor #${record.id} ${record.name} is already registered with these details: nothing changed`,
        ]);
      }),
    );

  sponsor
    .command('list')
    .description('List sponsors.')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (options: { json?: boolean }) => {
        const rows = await withDatabase((db) => listSponsors(db));
        report(
          options,
          rows,
          rows.length === 0
            ? ['no sponsor yet: wecena admin sponsor add --help']
            : formatTable(
                rows.map((row) => [`#${row.id}`, row.name, `SIREN ${row.siren}`, formatRate(row.defaultCostRateCents), `${row.consultants} consultant(s)`, `${row.reviewers} reviewer(s)`]),
              ),
        );
      }),
    );

  sponsor
    .command('reviewer')
    .description("People of the sponsor who review what its consultants gave.")
    .command('add')
    .description('Add a reviewer (one per email; the same again changes nothing).')
    .argument('<sponsor>', 'id or exact name')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--email <email>', 'their email address')
    .option('--json', 'print the reviewer as JSON')
    .action(
      adminAction(async (sponsorRef: string, options: { name: string; email: string; json?: boolean }) => {
        const name = validate(Text, options.name, { '': '--name' });
        const email = validate(z.email({ error: 'an email address such as claire@example.org' }), options.email.trim(), { '': '--email' }, { '--email': options.email });
        const { record, created } = unwrap(await withDatabase((db) => addReviewer(db, { sponsor: sponsorRef, name, email })));
        report(options, { created, reviewer: record }, [
          created
            ? `added reviewer #${record.id} ${record.name} <${record.email}> to #${record.sponsorId} ${record.sponsorName}`
            : `${record.name} <${record.email}> already reviews for #${record.sponsorId} ${record.sponsorName}: nothing changed`,
        ]);
      }),
    );
}
