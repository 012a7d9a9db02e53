import { Address, IsoDate, Login, Siren, normaliseSiren, parseDuration } from '@wecena/core';
import type { IdentityInput, RepositoryReference } from '@wecena/db';
import type { z } from 'zod';

/**
 * What the operator typed, refused before anything is written: the command prints
 * `wecena admin: <problem>` and exits with code 2.
 */
export class AdminInputError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'AdminInputError';
  }
}

function refuseInput(problem: string): never {
  throw new AdminInputError(problem);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text !== undefined && text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** Which command-line flag (or argument) a field of a core schema came from. */
export type FlagsOfFields = Record<string, string>;

/**
 * Checks `value` against one of the core's schemas; the first problem becomes one line naming
 * the flag it came from, what is expected, and what was given.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, flags: FlagsOfFields, given: Record<string, unknown> = {}): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue === undefined) return refuseInput('the input is not valid');
  const path = issue.path.map(String);
  // The longest known prefix of the path names the flag: skills.0.level → skills.
  let flag: string | undefined;
  for (let length = path.length; length >= 0 && flag === undefined; length -= 1) flag = flags[path.slice(0, length).join('.')];
  const key = path.join('.');
  const shown = given[flag ?? key];
  return refuseInput(`${flag ?? key}: ${describeIssue(issue)}${shown === undefined ? '' : ` (got ${quote(shown)})`}`);
}

/** zod's own wording where the core gave none, said the way the rest of the CLI says it. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'expected a web address such as https://example.org' : issue.message;
    default:
      return issue.message;
  }
}

/** A calendar date from a flag: YYYY-MM-DD, a real day. */
export function parseDate(flag: string, text: string): string {
  const parsed = IsoDate.safeParse(text.trim());
  if (!parsed.success) refuseInput(`${flag}: expected a date as YYYY-MM-DD, such as 2026-03-02 (got ${quote(text)})`);
  return parsed.data;
}

/** Today as the operator's clock and time zone see it. */
export function localToday(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Euros an hour, `450`, `450.00`, `450,5`, optionally `EUR/h` or `€/h` after it, in cents. */
export function parseCostRate(flag: string, text: string): number {
  const match = /^(?<euros>\d{1,7})(?:[.,](?<cents>\d{1,2}))?\s*(?:(?:EUR|€)\s*(?:\/\s*h)?)?$/i.exec(text.trim());
  if (!match?.groups) refuseInput(`${flag}: expected euros an hour such as 450.00 or 450 EUR/h (got ${quote(text)})`);
  const { euros = '0', cents = '' } = match.groups;
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

/** Hours a day: `7`, `7.5`, `7h30`; in minutes. */
export function parseHoursPerDay(flag: string, text: string): number {
  const trimmed = text.trim();
  const result = parseDuration(/^\d+(?:[.,]\d+)?$/.test(trimmed) ? `${trimmed}h` : trimmed, { maxMinutes: 24 * 60 });
  if (!result.ok || result.minutes <= 0) refuseInput(`${flag}: expected hours a day such as 7, 7.5 or 7h30 (got ${quote(text)})`);
  return result.minutes;
}

/** A whole number from a flag. */
export function parseWholeNumber(flag: string, text: string): number {
  if (!/^\d{1,6}$/.test(text.trim())) refuseInput(`${flag}: expected a whole number (got ${quote(text)})`);
  return Number(text.trim());
}

/**
 * A postal address on one line, parts separated by commas (or newlines): street lines, then the
 * postal code and the city, then optionally a two-letter country (FR when absent).
 * `12 rue de la Charité, 69002 Lyon` → lines ["12 rue de la Charité"], 69002, Lyon, FR.
 */
export function parseAddress(flag: string, text: string): Address {
  const parts = text.split(/\n|,/).map((part) => part.trim()).filter((part) => part !== '');
  const last = parts.at(-1);
  const country = last !== undefined && /^[A-Z]{2}$/.test(last) ? (parts.pop() as string) : 'FR';
  const locality = parts.pop();
  const match = locality === undefined ? null : /^(?<postalCode>[A-Z0-9-]{3,10})\s+(?<city>.+)$/i.exec(locality);
  if (parts.length === 0 || !match?.groups) {
    refuseInput(`${flag}: expected the street, then the postal code and city, such as "12 rue de la Charité, 69002 Lyon" (got ${quote(text)})`);
  }
  const address = { lines: parts, postalCode: match.groups.postalCode, city: match.groups.city, country };
  return validate(Address, address, { '': flag, lines: flag, postalCode: flag, city: flag, country: flag }, { [flag]: text });
}

/** `typescript:2` → { name, level } (checked by the core's Skill schema afterwards). */
export function parseSkill(flag: string, text: string): { name: string; level: number } {
  const match = /^(?<name>[^:\s]+):(?<level>[1-3])$/.exec(text.trim());
  if (!match?.groups) refuseInput(`${flag}: expected skill:level with a level from 1 to 3, such as typescript:2 (got ${quote(text)})`);
  return { name: match.groups.name ?? '', level: Number(match.groups.level) };
}

/** `--github login`, or `--github host:login` for GitHub Enterprise Server. */
export function parseGithubIdentity(flag: string, text: string): IdentityInput {
  return parseIdentity(flag, 'github', 'github.com', text);
}

/** `--gitlab host:username`, or `--gitlab username` on gitlab.com. */
export function parseGitlabIdentity(flag: string, text: string): IdentityInput {
  return parseIdentity(flag, 'gitlab', 'gitlab.com', text);
}

function parseIdentity(flag: string, forge: 'github' | 'gitlab', defaultHost: string, text: string): IdentityInput {
  const trimmed = text.trim().replace(/^@/, '');
  const separator = trimmed.lastIndexOf(':');
  const host = separator === -1 ? defaultHost : trimmed.slice(0, separator).toLowerCase();
  const login = separator === -1 ? trimmed : trimmed.slice(separator + 1);
  if (!Login.safeParse(login).success) {
    refuseInput(`${flag}: expected ${forge === 'github' ? 'a GitHub login (or host:login)' : 'host:username (or a gitlab.com username)'}, such as ${forge === 'github' ? 'camille-martin' : 'gitlab.com:cmartin'} (got ${quote(text)})`);
  }
  return { forge, host, login };
}

/**
 * A repository as the operator names it: `github:github.com/owner/name`,
 * `gitlab:gitlab.example.org/group/sub/project`, its web address
 * (`https://gitlab.com/group/project`, `.git` and `/-/…` tails ignored), `host/path`, or its id.
 */
export function parseRepositoryReference(argument: string, text: string): RepositoryReference {
  const trimmed = text.trim();
  if (/^#?\d{1,18}$/.test(trimmed)) return { id: trimmed.replace('#', '') };
  const forgeMatch = /^(?<forge>github|gitlab):(?!\/\/)(?<rest>.+)$/i.exec(trimmed);
  const forge = forgeMatch?.groups ? (forgeMatch.groups.forge?.toLowerCase() as 'github' | 'gitlab') : null;
  let rest = forgeMatch?.groups?.rest ?? trimmed;
  if (/^https?:\/\//i.test(rest)) {
    try {
      const url = new URL(rest);
      rest = `${url.host}${url.pathname}`;
    } catch {
      refuseInput(`${argument}: not a web address (got ${quote(text)})`);
    }
  }
  const path = rest.replace(/\/-\/.*$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  const slash = path.indexOf('/');
  const host = slash === -1 ? '' : path.slice(0, slash).toLowerCase();
  const repositoryPath = slash === -1 ? '' : path.slice(slash + 1);
  if (host === '' || !host.includes('.') || !/^[^/]+\/[^/]/.test(repositoryPath)) {
    refuseInput(
      `${argument}: expected forge:host/path such as github:github.com/cartolibre/atlas, or a web address such as https://gitlab.com/group/project (got ${quote(text)})`,
    );
  }
  return { forge, host, path: repositoryPath };
}

/** A SIREN typed by a person, spaces removed, checked by the core (nine digits, Luhn checksum). */
export function parseSiren(flag: string, text: string): string {
  return validate(Siren, normaliseSiren(text), { '': flag }, { [flag]: text });
}
