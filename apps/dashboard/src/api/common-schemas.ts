import { z } from '@hono/zod-openapi';
import { REVIEW_STATUSES } from '@wecena/core';

/*
 * Pieces the API's shapes share: ids, the units (integer cents, minutes, UTC instants, calendar
 * days), and the parameters of paths and pages, each refusing bad input with a sentence that
 * names it.
 */

export const ID_PATTERN = /^[1-9][0-9]{0,18}$/;
// Ids are PostgreSQL bigserials: a larger number is no id, and must be refused before SQL sees it.
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** Whether `text` is a row id the store could hold: 1 to 2^63 − 1, written plainly. */
export function isRowId(text: string): boolean {
  return ID_PATTERN.test(text) && BigInt(text) <= MAX_BIGINT;
}

export const RowId = z.string().regex(ID_PATTERN).openapi({ example: '3' });

export const Minutes = z.int().openapi({ description: 'A duration in minutes.', example: 150 });

export const Cents = z.int().openapi({ description: 'An amount in cents of the currency.', example: 18750 });

export const Instant = z.iso.datetime().openapi({ description: 'An instant, ISO 8601 in UTC.', example: '2026-03-02T10:00:00.000Z' });

export const CalendarDay = z.iso.date().openapi({ example: '2026-03-02' });

export const Named = z.object({ id: RowId, name: z.string().openapi({ example: 'Entraide Solidaire' }) }).openapi('Named');

export const ReviewStatus = z.enum(REVIEW_STATUSES).openapi('ReviewStatus', {
  description: "Where a contribution stands in the sponsor's review: pending, then approved, adjusted (new hours, with a reason) or rejected (counts zero).",
});

export const IssueLink = z
  .object({
    id: RowId,
    title: z.string().openapi({ example: 'Translate the volunteer guide into English' }),
    url: z.string().openapi({ description: 'The issue on its forge.', example: 'https://github.com/cartolibre/cartolibre/issues/12' }),
  })
  .openapi('IssueLink');

/** A path parameter holding the id of a `noun`. */
export function idParam(name: string, noun: string, example: string) {
  const message = `${name} must be a ${noun} id: digits, not starting with 0`;
  return z
    .string()
    .regex(ID_PATTERN, { error: message, abort: true })
    .refine(isRowId, { error: message })
    .openapi({ param: { name, in: 'path' }, description: `The ${noun} id.`, example });
}

/** A year from 2000 to 2099, as the report pages take it. */
export function yearParam(name: string, where: 'path' | 'query', description: string) {
  const message = `${name} must be a year from 2000 to 2099`;
  return z
    .string()
    .regex(/^20[0-9]{2}$/, { error: message })
    .transform(Number)
    .openapi({ param: { name, in: where }, description, example: '2026' });
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** `limit`: how many to list, from 1 to `max`, `byDefault` unless told. */
export function limitParam({ max, byDefault, description, example }: { max: number; byDefault: number; description: string; example: number }) {
  const message = `limit must be a whole number from 1 to ${max}`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(max, { error: message })
    .default(byDefault)
    .openapi({ param: { name: 'limit', in: 'query' }, description, example });
}

/** `limit`: how many `items` a page holds. */
export function pageLimit(items: string) {
  return limitParam({ max: MAX_PAGE_SIZE, byDefault: DEFAULT_PAGE_SIZE, description: `${items} per page, ${DEFAULT_PAGE_SIZE} unless told.`, example: 20 });
}

const cursorMessage = 'cursor must be the nextCursor of a previous page';

/** `cursor` of a list whose pages end on a row id. */
export const RowIdCursor = z
  .string()
  .regex(ID_PATTERN, { error: cursorMessage, abort: true })
  .refine(isRowId, { error: cursorMessage })
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `nextCursor` of the previous page.' });

/** `cursor` of a list whose pages end on another key, `pattern` its shape. */
export function keyCursor(pattern: RegExp) {
  return z
    .string()
    .regex(pattern, { error: cursorMessage })
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `nextCursor` of the previous page.' });
}

export const NextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` to read the next page; null on the last page.', example: '42' });
