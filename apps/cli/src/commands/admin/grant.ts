import { Login } from '@wecena/core';
import { grantRole, parseForgeLogin } from '@wecena/dashboard';
import { GRANTED_ROLES, type GrantLogin, type GrantRecord, type GrantScopeInput, type GrantedRole, findGrants, listGrants, resolveGrantScope, revokeGrant } from '@wecena/db';
import type { Command } from 'commander';

/**
 * The options of `grant list|revoke`. `grant` itself takes the same names, and commander gives
 * an option typed after the subcommand to whichever command declares it first on the way down:
 * `grant`. So the subcommands read their own and grant's together.
 */
function optionsOf(command: Command): GrantOptions {
  return command.optsWithGlobals<GrantOptions>();
}
import { AdminInputError } from './input';
import { adminAction, formatTable, report, unwrap, withDatabase } from './run';

interface GrantOptions {
  sponsor?: string;
  reviewer?: string;
  beneficiary?: string;
  json?: boolean;
}

/** The forge of the two public hosts; any other host says its forge with a prefix. */
const FORGE_OF_HOST: Record<string, 'github' | 'gitlab'> = { 'github.com': 'github', 'gitlab.com': 'gitlab' };

/** `operator`, `sponsor_reviewer` or `beneficiary_contact` (hyphens accepted). */
export function parseGrantedRole(text: string): GrantedRole {
  const role = text.trim().toLowerCase().replace(/-/g, '_');
  const known = GRANTED_ROLES.find((name) => name === role);
  if (known === undefined) {
    throw new AdminInputError(
      `<role>: expected one of ${GRANTED_ROLES.join(', ')} (got ${JSON.stringify(text)}); a consultant signs in through their forge identities: wecena admin consultant identity add`,
    );
  }
  return known;
}

/**
 * `github.com/alice`, `gitlab.com/bob`, or with the forge first for any other host:
 * `github:ghe.example.com/alice` (GitHub Enterprise Server), `gitlab:git.example.org/bob`.
 */
export function parseGrantLogin(text: string): GrantLogin {
  const match = /^(?:(?<forge>github|gitlab):)?(?<rest>.+)$/i.exec(text.trim());
  const parsed = parseForgeLogin(match?.groups?.rest ?? '');
  const example = 'such as github.com/alice, gitlab.com/bob, or github:ghe.example.com/alice for another host';
  if (parsed === null || !Login.safeParse(parsed.login).success) {
    throw new AdminInputError(`<host>/<login>: expected a forge login ${example} (got ${JSON.stringify(text)})`);
  }
  const forge = (match?.groups?.forge?.toLowerCase() as 'github' | 'gitlab' | undefined) ?? FORGE_OF_HOST[parsed.host];
  if (forge === undefined) {
    throw new AdminInputError(
      `<host>/<login>: which forge is ${parsed.host}? write github:${parsed.host}/${parsed.login} (GitHub Enterprise Server) or gitlab:${parsed.host}/${parsed.login} (GitLab)`,
    );
  }
  return { forge, host: parsed.host, login: parsed.login };
}

function describeLogin(login: GrantLogin): string {
  return `${login.forge}:${login.host}/${login.login}`;
}

function grantLines(rows: readonly GrantRecord[]): string[] {
  if (rows.length === 0) return ['no grant yet: wecena admin grant --help'];
  return formatTable(
    rows.map((row) => [`#${row.id}`, describeLogin(row), row.role, row.scope, row.forgeUserId === null ? 'not signed in yet' : `forge user ${row.forgeUserId}`]),
  );
}

function scopeInput(role: GrantedRole, options: GrantOptions): GrantScopeInput {
  return { role, sponsor: options.sponsor, reviewer: options.reviewer, beneficiary: options.beneficiary };
}

function addScopeOptions(command: Command): Command {
  return command
    .option('--sponsor <sponsor>', 'sponsor_reviewer: the sponsor, by id or exact name')
    .option('--reviewer <reviewer>', "sponsor_reviewer: which of the sponsor's reviewers (id, email or name), when it has several")
    .option('--beneficiary <beneficiary>', 'beneficiary_contact: the beneficiary, by id or exact name')
    .option('--json', 'print JSON');
}

/**
 * `wecena admin grant <role> <host>/<login>`: who may sign in to the dashboard, besides
 * consultants (found through their forge identities) and WECENA_OPERATORS.
 */
export function registerGrantCommands(admin: Command): void {
  const grant = addScopeOptions(
    admin
      .command('grant')
      .description(
        'Let a forge login sign in to the dashboard as an operator, a reviewer of a sponsor or a contact of a beneficiary (the same grant again changes nothing).',
      )
      .usage('<role> <host>/<login> [--sponsor <sponsor> [--reviewer <reviewer>] | --beneficiary <beneficiary>]\n       wecena admin grant list|revoke …')
      .argument('[role]', 'operator, sponsor_reviewer or beneficiary_contact')
      .argument('[login]', 'host/login: github.com/alice, gitlab.com/bob; github:<host>/<login> or gitlab:<host>/<login> for other hosts'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  wecena admin grant operator github.com/alice\n  wecena admin grant sponsor_reviewer gitlab.com/cfontaine --sponsor "Octet Conseil"\n  wecena admin grant beneficiary_contact github.com/mkeita --beneficiary Cartolibre\n  wecena admin grant list\n  wecena admin grant revoke operator github.com/alice',
    )
    .action(
      adminAction(async (roleText: string | undefined, loginText: string | undefined, options: GrantOptions) => {
        if (roleText === undefined || loginText === undefined) throw new AdminInputError('grant: give a role and a login, such as: wecena admin grant operator github.com/alice (see --help)');
        const role = parseGrantedRole(roleText);
        const login = parseGrantLogin(loginText);
        const input = scopeInput(role, options);
        const { created, scope, grants } = await withDatabase(async (db) => {
          const resolved = unwrap(await resolveGrantScope(db, input));
          const recorded = await grantRole(db, { ...login, role: resolved.role });
          return { created: recorded, scope: resolved, grants: await findGrants(db, login, resolved.role) };
        });
        report(options, { created, grant: grants[0] ?? null }, [
          created
            ? `granted ${scope.description} to ${describeLogin(login)}: they see it at their next sign-in`
            : `${describeLogin(login)} already is ${scope.description}: nothing changed`,
        ]);
      }),
    );

  grant
    .command('list')
    .description('List the grants: forge login, role, what it is about, and whether they have signed in yet.')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (_options: unknown, command: Command) => {
        const options = optionsOf(command);
        const rows = await withDatabase((db) => listGrants(db));
        report(options, rows, grantLines(rows));
      }),
    );

  addScopeOptions(
    grant
      .command('revoke')
      .description('Take a role away from a forge login; it is gone at their next page.')
      .argument('<role>', 'operator, sponsor_reviewer or beneficiary_contact')
      .argument('<login>', 'host/login, as given to grant'),
  ).action(
    adminAction(async (roleText: string, loginText: string, _options: unknown, command: Command) => {
      const options = optionsOf(command);
      const role = parseGrantedRole(roleText);
      const login = parseGrantLogin(loginText);
      const { scope, revoked } = unwrap(await withDatabase((db) => revokeGrant(db, { ...login, ...scopeInput(role, options) })));
      report(options, { revoked }, [
        revoked.length > 0 ? `revoked ${scope.description} from ${describeLogin(login)}` : `${describeLogin(login)} is not ${scope.description}: nothing changed`,
      ]);
    }),
  );
}
