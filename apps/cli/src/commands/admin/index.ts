import { Command } from 'commander';
import { registerAgreementCommands } from './agreement';
import { registerAvailabilityCommands } from './availability';
import { registerBeneficiaryCommands } from './beneficiary';
import { registerConsultantCommands } from './consultant';
import { registerGrantCommands } from './grant';
import { registerRecallCommand } from './recall';
import { EXIT_BAD_INPUT } from './run';
import { registerSponsorCommands } from './sponsor';

/**
 * `wecena admin`: the operator's commands for people and repositories. Input is checked with
 * the core's schemas before anything is written; refused input exits with code 2, and so do
 * the command line's own errors (a missing option, an unknown command).
 */
export function adminCommand(): Command {
  const admin = new Command('admin')
    .description('Manage beneficiaries, repositories, sponsors, consultants, availability, agreements, dashboard grants; recall a consultant.')
    .showHelpAfterError('(add --help for usage)')
    // Inherited by every subcommand declared below: commander's own errors exit 1, ours 2.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT));
  registerBeneficiaryCommands(admin);
  registerSponsorCommands(admin);
  registerConsultantCommands(admin);
  registerAvailabilityCommands(admin);
  registerAgreementCommands(admin);
  registerRecallCommand(admin);
  registerGrantCommands(admin);
  return admin;
}
