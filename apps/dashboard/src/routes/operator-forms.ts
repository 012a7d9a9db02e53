import type { z } from '@hono/zod-openapi';
import type { AdminOutcome } from '@wecena/db';
import type { AddressField, FormState } from '../pages/operator-form';

/** What a form reader makes of a posted form: the input to store, or the form to show again. */
export type FormReading<F extends string, T> = { ok: true; input: T; values: Record<F, string> } | { ok: false; form: FormState<F> };

/** The posted text fields, trimmed; a missing or file field is empty. */
export function textFields<F extends string>(body: Record<string, unknown>, names: readonly F[]): Record<F, string> {
  return Object.fromEntries(names.map((name) => [name, typeof body[name] === 'string' ? body[name].trim() : ''])) as Record<F, string>;
}

/** What a field needs, in words a person acts on; the core's own message where it gave one. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'Required.' : `At least ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string' ? `At most ${String(issue.maximum)} characters.` : issue.origin === 'array' ? `At most ${String(issue.maximum)} lines.` : `At most ${String(issue.maximum)}.`;
    case 'invalid_value':
      return 'Choose one of the options.';
    case 'invalid_format':
      if (issue.format === 'url') return 'A web address such as https://example.org.';
      if (issue.format === 'date') return 'A date as YYYY-MM-DD.';
      return capitalise(issue.message);
    default:
      return capitalise(issue.message);
  }
}

function capitalise(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}

/**
 * One problem per field from a core schema's issues: the longest known prefix of an issue's
 * path names the field (`legalIdentity.address.lines.0` → the street), the first issue wins.
 */
export function problemsOf<F extends string>(issues: readonly z.core.$ZodIssue[], fieldOfPath: Record<string, F>): Partial<Record<F, string>> {
  const problems: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    let field: F | undefined;
    for (let length = path.length; length >= 0 && field === undefined; length -= 1) field = fieldOfPath[path.slice(0, length).join('.')];
    if (field !== undefined && problems[field] === undefined) problems[field] = describeIssue(issue);
  }
  return problems;
}

/** The store's refusal of a valid form (a duplicate, an overlap), said above the form kept as typed. */
export function refusedForm<F extends string>(values: Record<F, string>, outcome: Extract<AdminOutcome<unknown>, { ok: false }>): FormState<F> {
  return { values, problems: {}, refusal: `Nothing was saved: ${outcome.problem}.` };
}

/** `?done=` of the redirect after an add: whether the row is new or was already there, identical. */
export function doneOf(added: { created: boolean }): 'added' | 'unchanged' {
  return added.created ? 'added' : 'unchanged';
}

/** The address typed in a form's address fields, for the core's Address schema to check. */
export function addressOf(values: Record<AddressField, string>): { lines: string[]; postalCode: string; city: string; country: string } {
  return {
    lines: values.street.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''),
    postalCode: values.postalCode,
    city: values.city,
    country: values.country.toUpperCase(),
  };
}

/** Which address field each path of the core's Address (under `prefix`) comes from. */
export function addressPaths(prefix: string): Record<string, AddressField> {
  return { [`${prefix}.lines`]: 'street', [`${prefix}.postalCode`]: 'postalCode', [`${prefix}.city`]: 'city', [`${prefix}.country`]: 'country' };
}

/** The notice of `?done=` after an add, or null for anything else. */
export function noticeOf(notices: Record<'added' | 'unchanged', string>, done: string | undefined): string | null {
  return done === 'added' || done === 'unchanged' ? notices[done] : null;
}
