import { z } from '@hono/zod-openapi';
import { REVIEW_STATUSES } from '@wecena/core';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../routes/tasks';
import { ID_PATTERN, isRowId } from './schemas';

/*
 * Pieces the API's shapes share: ids, the units (integer cents, minutes, UTC instants, calendar
 * days), and the parameters of paths and pages, each refusing bad input with a sentence that
 * names it.
 */

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

const limitMessage = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** `limit`: how many `items` a page holds, as for tasks. */
export function pageLimit(items: string) {
  return z.coerce
    .number({ error: limitMessage })
    .int({ error: limitMessage })
    .min(1, { error: limitMessage })
    .max(MAX_PAGE_SIZE, { error: limitMessage })
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ param: { name: 'limit', in: 'query' }, description: `${items} per page, ${DEFAULT_PAGE_SIZE} unless told.`, example: 20 });
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
