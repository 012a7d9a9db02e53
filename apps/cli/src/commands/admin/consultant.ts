import { Consultant, ForgeIdentity, Skill, Tag } from '@wecena/core';
import {
  type ConsultantInput,
  type ConsultantRecord,
  type IdentityInput,
  addConsultant,
  addIdentity,
  describeIdentity,
  describeWindow,
  listConsultants,
  removeIdentity,
  setSkills,
} from '@wecena/db';
import type { Command } from 'commander';
import { z } from 'zod';
import { AdminInputError, localToday, parseCostRate, parseGithubIdentity, parseGitlabIdentity, parseSkill, parseWholeNumber, validate } from './input';
import { adminAction, collect, formatRate, formatTable, report, unwrap, withDatabase } from './run';

interface ConsultantAddOptions {
  name: string;
  email?: string;
  github: string[];
  gitlab: string[];
  skill: string[];
  language?: string[];
  cause?: string[];
  openClaimsLimit?: string;
  costRate?: string;
  json?: boolean;
}

const CONSULTANT_FLAGS = {
  displayName: '--name',
  forgeIdentities: '--github/--gitlab',
  skills: '--skill',
  languages: '--language',
  causes: '--cause',
  openClaimsLimit: '--open-claims-limit',
  costRateCentsPerHour: '--cost-rate',
};

const Email = z.email({ error: 'an email address such as camille@example.org' });

/** Checks the flags with the core's Consultant schema and turns them into the rows to store. */
export function readConsultantFlags(sponsor: string, options: ConsultantAddOptions): ConsultantInput {
  const identities = [...options.github.map((text) => parseGithubIdentity('--github', text)), ...options.gitlab.map((text) => parseGitlabIdentity('--gitlab', text))];
  const skills = options.skill.map((text) => parseSkill('--skill', text));
  const openClaimsLimit = options.openClaimsLimit === undefined ? null : parseWholeNumber('--open-claims-limit', options.openClaimsLimit);
  const costRateCents = options.costRate === undefined ? null : parseCostRate('--cost-rate', options.costRate);
  const email = options.email === undefined ? null : validate(Email, options.email.trim(), { '': '--email' }, { '--email': options.email });
  const languages = (options.language ?? []).map((text) => text.trim());
  const causes = (options.cause ?? []).map((text) => text.trim().toLowerCase());
  for (const [flag, values] of [['--language', languages], ['--cause', causes]] as const) {
    const twice = values.find((value, index) => values.indexOf(value) !== index);
    if (twice !== undefined) throw new AdminInputError(`${flag}: each is given once (got ${JSON.stringify(twice)} twice)`);
  }
  const consultant = validate(
    Consultant,
    {
      id: 'new',
      sponsorId: 'sponsor',
      displayName: options.name,
      forgeIdentities: identities,
      skills,
      languages,
      causes,
      openClaimsLimit: openClaimsLimit ?? undefined,
      // Null means "the sponsor's default rate"; the schema wants a number, so zero stands in for the check.
      costRateCentsPerHour: costRateCents ?? 0,
    },
    CONSULTANT_FLAGS,
    {
      '--skill': options.skill.join(' '),
      '--github/--gitlab': [...options.github, ...options.gitlab].join(' '),
      '--language': (options.language ?? []).join(' '),
      '--cause': (options.cause ?? []).join(' '),
    },
  );
  return {
    sponsor,
    name: consultant.displayName,
    email,
    identities: consultant.forgeIdentities,
    skills: consultant.skills,
    languages: consultant.languages,
    causes: consultant.causes,
    openClaimsLimit,
    costRateCents,
  };
}

/** The one identity of `identity add|remove`: exactly one of --github and --gitlab. */
function readIdentityFlags(options: { github?: string; gitlab?: string }): IdentityInput {
  if ((options.github === undefined) === (options.gitlab === undefined)) {
    throw new AdminInputError('--github/--gitlab: give exactly one, such as --github camille-martin or --gitlab gitlab.com:cmartin');
  }
  const identity = options.github !== undefined ? parseGithubIdentity('--github', options.github) : parseGitlabIdentity('--gitlab', options.gitlab ?? '');
  const flag = options.github !== undefined ? '--github' : '--gitlab';
  return validate(ForgeIdentity, identity, { '': flag, host: flag, login: flag }, { [flag]: options.github ?? options.gitlab });
}

function consultantLines(rows: readonly ConsultantRecord[]): string[] {
  if (rows.length === 0) return ['no consultant: wecena admin consultant add --help'];
  return formatTable(
    rows.map((row) => [
      `#${row.id}`,
      row.name,
      row.sponsorName,
      row.identities.map(describeIdentity).join(' ') || 'no forge identity',
      row.skills.map((skill) => `${skill.name}:${skill.level}`).join(' ') || 'no skill',
      row.languages.length === 0 ? 'no language given' : `speaks ${row.languages.join(' ')}`,
      row.causes.length === 0 ? 'no cause preferred' : `prefers ${row.causes.join(' ')}`,
      `${row.openClaims}/${row.openClaimsLimit} claims`,
      formatRate(row.costRateCents),
      row.windows.map(describeWindow).join(', ') || 'not available',
    ]),
  );
}

export function registerConsultantCommands(admin: Command): void {
  const consultant = admin.command('consultant').description('Employees of a sponsor, lent between two client contracts.');

  consultant
    .command('add')
    .description('Register a consultant of a sponsor (the same person again, with the same details, changes nothing).')
    .argument('<sponsor>', 'id or exact name of their employer')
    .requiredOption('--name <name>', 'their name')
    .option('--email <email>', 'their email address')
    .option('--github <login>', 'GitHub login, or host:login on GitHub Enterprise Server (repeatable)', collect, [])
    .option('--gitlab <host:username>', 'GitLab username on a host, such as gitlab.com:cmartin (repeatable)', collect, [])
    .option('--skill <skill:level>', 'a skill and its level, 1 (docs open) to 3 (could teach it), such as typescript:2 (repeatable)', collect, [])
    .option('--language <tag>', 'a language they work in, as a BCP 47 tag such as fr, en or pt-BR (repeatable)', collect, [])
    .option('--cause <cause>', 'a cause they prefer, a lower-case tag such as education, health, environment, open-data (repeatable)', collect, [])
    .option('--open-claims-limit <n>', 'how many tasks they may hold at once, 1 to 10 (default 2)')
    .option('--cost-rate <rate>', "hourly cost in euros, 380.00 (visible to the sponsor only; default: the sponsor's)")
    .option('--json', 'print the consultant as JSON')
    .action(
      adminAction(async (sponsor: string, options: ConsultantAddOptions) => {
        const input = readConsultantFlags(sponsor, options);
        const today = localToday(new Date());
        const { record, created } = unwrap(await withDatabase((db) => addConsultant(db, input, today)));
        report(options, { created, consultant: record }, [
          created
            ? `added consultant #${record.id} ${record.name} of #${record.sponsorId} ${record.sponsorName}`
            : `consultant #${record.id} ${record.name} is already registered with these details: nothing changed`,
          ...(record.windows.length === 0 ? [`give their free days with: wecena admin availability add ${record.id} --from YYYY-MM-DD --to YYYY-MM-DD`] : []),
        ]);
      }),
    );

  consultant
    .command('list')
    .description('List consultants, with their identities, skills, claims and coming availability.')
    .option('--sponsor <sponsor>', 'only those of this sponsor (id or exact name)')
    .option('--json', 'print JSON')
    .action(
      adminAction(async (options: { sponsor?: string; json?: boolean }) => {
        const today = localToday(new Date());
        const rows = unwrap(await withDatabase((db) => listConsultants(db, { sponsor: options.sponsor, today })));
        report(options, rows, consultantLines(rows));
      }),
    );

  const identity = consultant.command('identity').description("A consultant's logins on the forges, the ones that comment /wecena claim.");
  for (const verb of ['add', 'remove'] as const) {
    identity
      .command(verb)
      .description(verb === 'add' ? 'Add a forge login (one per forge host; a login belongs to one consultant).' : 'Remove a forge login.')
      .argument('<consultant>', 'id, exact name or forge login')
      .option('--github <login>', 'GitHub login, or host:login')
      .option('--gitlab <host:username>', 'GitLab username on a host')
      .action(
        adminAction(async (consultantRef: string, options: { github?: string; gitlab?: string }) => {
          const input = { consultant: consultantRef, identity: readIdentityFlags(options) };
          const result = unwrap(await withDatabase((db) => (verb === 'add' ? addIdentity(db, input) : removeIdentity(db, input))));
          const who = `#${result.consultant.id} ${result.consultant.name}`;
          const what = describeIdentity(input.identity);
          process.stdout.write(
            `${result.changed ? (verb === 'add' ? `added ${what} to ${who}` : `removed ${what} from ${who}`) : `${who} ${verb === 'add' ? 'already is' : 'is not'} ${what}: nothing changed`}\n`,
          );
        }),
      );
  }

  consultant
    .command('skill')
    .description("A consultant's skills and their levels.")
    .command('set')
    .description('Set skill levels (adding new skills); --remove takes skills away.')
    .argument('<consultant>', 'id, exact name or forge login')
    .argument('[skills...]', 'skill:level pairs, level 1 to 3, such as typescript:3 react:2')
    .option('--remove <skill>', 'a skill to take away (repeatable)', collect, [])
    .action(
      adminAction(async (consultantRef: string, pairs: string[], options: { remove: string[] }) => {
        if (pairs.length === 0 && options.remove.length === 0) throw new AdminInputError('[skills...]: give skill:level pairs such as typescript:3, or --remove <skill>');
        const set = pairs.map((pair) => validate(Skill, parseSkill('[skills...]', pair), { '': '[skills...]', name: '[skills...]', level: '[skills...]' }, { '[skills...]': pair }));
        const remove = options.remove.map((skill) => validate(Tag, skill.trim(), { '': '--remove' }, { '--remove': skill }));
        const result = unwrap(await withDatabase((db) => setSkills(db, { consultant: consultantRef, set, remove })));
        const skills = result.skills.map((skill) => `${skill.name}:${skill.level}`).join(' ') || 'none';
        process.stdout.write(`#${result.consultant.id} ${result.consultant.name}: skills ${skills}${result.changed ? '' : ' (nothing changed)'}\n`);
      }),
    );
}
