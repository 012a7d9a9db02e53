import { ADDRESS_NOT_GIVEN, Beneficiary, Tag, WebUrl, formatAddress, normaliseSiren } from '@wecena/core';
import {
  type BeneficiaryInput,
  type BeneficiaryRecord,
  type RepositoryRecord,
  addBeneficiary,
  linkRepository,
  listBeneficiaries,
  listRepositories,
  unlinkRepository,
} from '@wecena/db';
import type { Command } from 'commander';
import { z } from 'zod';
import { AdminInputError, parseAddress, parseRepositoryReference, validate } from './input';
import { adminAction, formatTable, report, unwrap, withDatabase } from './run';

interface BeneficiaryAddOptions {
  name: string;
  kind: string;
  eligibility: string;
  licence?: string;
  legalName: string;
  siren?: string;
  rna?: string;
  address?: string;
  website?: string;
  cause?: string;
  json?: boolean;
}

const ELIGIBILITIES = ['public_interest_organisation', 'osi_approved_licence'] as const;

const BENEFICIARY_FLAGS = {
  kind: '--kind',
  displayName: '--name',
  eligibility: '--eligibility',
  'eligibility.spdxId': '--licence',
  'legalIdentity.legalName': '--legal-name',
  'legalIdentity.siren': '--siren',
  'legalIdentity.rna': '--rna',
  'legalIdentity.address': '--address',
};

/** Checks the flags with the core's schemas and turns them into the row to store. */
export function readBeneficiaryFlags(options: BeneficiaryAddOptions): BeneficiaryInput {
  const given = { '--name': options.name, '--kind': options.kind, '--eligibility': options.eligibility, '--licence': options.licence, '--siren': options.siren, '--rna': options.rna };
  const eligibility = validate(z.enum(ELIGIBILITIES), options.eligibility, { '': '--eligibility' }, { '--eligibility': options.eligibility });
  if (eligibility === 'osi_approved_licence' && options.licence === undefined) {
    throw new AdminInputError('--licence: required with --eligibility osi_approved_licence: the SPDX id of the licence, such as MIT or GPL-3.0-or-later');
  }
  const address = options.address === undefined ? null : parseAddress('--address', options.address);
  const siren = options.siren === undefined ? null : normaliseSiren(options.siren);
  const beneficiary = validate(
    Beneficiary,
    {
      id: 'new',
      kind: options.kind,
      displayName: options.name,
      eligibility: eligibility === 'osi_approved_licence' ? { basis: 'osi_licence', spdxId: options.licence } : { basis: 'public_interest_organisation', evidence: null },
      legalIdentity: { legalName: options.legalName, siren, rna: options.rna ?? null, address: address ?? ADDRESS_NOT_GIVEN },
    },
    BENEFICIARY_FLAGS,
    given,
  );
  const website = options.website === undefined ? null : validate(WebUrl, options.website, { '': '--website' }, { '--website': options.website });
  const cause = options.cause === undefined ? null : validate(Tag, options.cause.trim().toLowerCase(), { '': '--cause' }, { '--cause': options.cause });
  return {
    name: beneficiary.displayName,
    kind: beneficiary.kind,
    eligibility,
    licence: options.licence ?? null,
    legalName: beneficiary.legalIdentity.legalName,
    siren: beneficiary.legalIdentity.siren,
    rna: beneficiary.legalIdentity.rna,
    address: address === null ? null : formatAddress(address),
    website,
    cause,
  };
}

function describeEligibility(row: Pick<BeneficiaryRecord, 'eligibility' | 'licence'>): string {
  return row.eligibility === 'osi_approved_licence' ? `OSI-approved licence ${row.licence}` : 'public-interest organisation';
}

function repositoryLines(rows: readonly RepositoryRecord[]): string[] {
  if (rows.length === 0) return ['no repository'];
  return formatTable(
    rows.map((row) => [`#${row.id}`, row.reference, row.beneficiaryId === null ? 'unlinked' : `→ #${row.beneficiaryId} ${row.beneficiaryName}`, row.enabled ? 'enabled' : 'disabled']),
  );
}

export function registerBeneficiaryCommands(admin: Command): void {
  const beneficiary = admin.command('beneficiary').description('Nonprofits and free-software projects that receive donated work, and their repositories.');

  beneficiary
    .command('add')
    .description('Register a beneficiary (the same details again change nothing).')
    .requiredOption('--name <name>', 'the name people know it by; unique')
    .requiredOption('--kind <kind>', 'nonprofit or free_software')
    .requiredOption('--eligibility <basis>', 'public_interest_organisation or osi_approved_licence')
    .option('--licence <spdx>', 'SPDX id of its OSI-approved licence (required with osi_approved_licence)')
    .requiredOption('--legal-name <name>', 'legal name, printed on receipts')
    .option('--siren <siren>', 'SIREN: nine digits (spaces allowed)')
    .option('--rna <rna>', 'number in the Répertoire national des associations: W and nine digits')
    .option('--address <address>', 'postal address: "street, postal code city[, country]"')
    .option('--website <url>', 'web site')
    .option('--cause <cause>', 'the cause it serves, a lower-case tag such as education, health, environment, open-data: pairing favours consultants who prefer it')
    .option('--json', 'print the beneficiary as JSON')
    .action(
      adminAction(async (options: BeneficiaryAddOptions) => {
        const input = readBeneficiaryFlags(options);
        const { record, created } = unwrap(await withDatabase((db) => addBeneficiary(db, input)));
        report(options, { created, beneficiary: record }, [
          created
            ? `added beneficiary #${record.id} ${record.name} (${record.kind}, ${describeEligibility(record)})`
            : `beneficiary #${record.id} ${record.name} is already registered with these details: nothing changed`,
          `link its repositories with: wecena admin beneficiary link-repo ${record.id} github:github.com/<owner>/<name>`,
        ]);
      }),
    );

  beneficiary
    .command('list')
    .description('List beneficiaries and their repositories.')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (options: { json?: boolean }) => {
        const rows = await withDatabase((db) => listBeneficiaries(db));
        report(
          options,
          rows,
          rows.length === 0
            ? ['no beneficiary yet: wecena admin beneficiary add --help']
            : formatTable(
                rows.map((row) => [
                  `#${row.id}`,
                  row.name,
                  row.kind,
                  describeEligibility(row),
                  row.cause === null ? 'no cause given' : `cause ${row.cause}`,
                  row.repositories.length === 0 ? 'no repository' : row.repositories.join(', '),
                ]),
              ),
        );
      }),
    );

  beneficiary
    .command('link-repo')
    .description("Link a registered repository to its beneficiary: its work then counts for it. Registered means the GitHub App was installed on it (or the GitLab bot's webhook reached it).")
    .argument('<beneficiary>', 'id or exact name')
    .argument('<repository>', 'forge:host/path (github:github.com/cartolibre/atlas), a web address (https://gitlab.com/group/project) or an id')
    .option('--enable', 'also turn the repository on if it was disabled (the App was removed from it)')
    .option('--json', 'print the repository as JSON')
    .action(
      adminAction(async (beneficiaryRef: string, repositoryRef: string, options: { enable?: boolean; json?: boolean }) => {
        const repository = parseRepositoryReference('<repository>', repositoryRef);
        const result = unwrap(
          await withDatabase((db) => linkRepository(db, { beneficiary: beneficiaryRef, repository, enable: options.enable === true, now: new Date() })),
        );
        const { reference, beneficiaryId, beneficiaryName, enabled } = result.repository;
        report(options, result, [
          `${result.changed ? 'linked' : 'already linked, nothing changed:'} ${reference} → #${beneficiaryId} ${beneficiaryName}${enabled ? '' : ' (disabled: add --enable to turn it on)'}`,
        ]);
      }),
    );

  beneficiary
    .command('unlink-repo')
    .description('Take a repository back from its beneficiary: its future work counts for no one until linked again.')
    .argument('<beneficiary>', 'id or exact name')
    .argument('<repository>', 'forge:host/path, a web address or an id')
    .option('--json', 'print the repository as JSON')
    .action(
      adminAction(async (beneficiaryRef: string, repositoryRef: string, options: { json?: boolean }) => {
        const repository = parseRepositoryReference('<repository>', repositoryRef);
        const result = unwrap(await withDatabase((db) => unlinkRepository(db, { beneficiary: beneficiaryRef, repository, now: new Date() })));
        report(options, result, [`${result.changed ? 'unlinked' : 'not linked, nothing changed:'} ${result.repository.reference}`]);
      }),
    );

  admin
    .command('repository')
    .description('Repositories wecena knows.')
    .command('list')
    .description('List repositories, with the beneficiary each is linked to.')
    .option('--unlinked', 'only those waiting to be linked to a beneficiary')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (options: { unlinked?: boolean; json?: boolean }) => {
        const rows = await withDatabase((db) => listRepositories(db, { unlinkedOnly: options.unlinked === true }));
        report(options, rows, rows.length === 0 && options.unlinked ? ['no repository is waiting to be linked'] : repositoryLines(rows));
      }),
    );
}
