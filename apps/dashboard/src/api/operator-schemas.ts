import { z } from '@hono/zod-openapi';
import type { AgreementRecord } from '@wecena/db';
import type { DeliveryKey, ParkedDelivery, RepositoryLink } from '../queries/operator-queries';
import { CalendarDay, Cents, Instant, Named, NextCursor, RowId } from './common-schemas';

/** How a page of parked deliveries ends: `<source>:<delivery id>` of its last one. */
export const DELIVERY_CURSOR = /^(?<source>[a-z]+):(?<deliveryId>.{1,500})$/;

/** The cursor of a page of parked deliveries that ends on this one. */
export function deliveryCursorOf({ source, deliveryId }: DeliveryKey): string {
  return `${source}:${deliveryId}`;
}

/** The delivery a cursor names, undefined when there is none (the first page). */
export function deliveryKeyOf(cursor: string | undefined): DeliveryKey | undefined {
  const { source, deliveryId } = (cursor === undefined ? undefined : DELIVERY_CURSOR.exec(cursor)?.groups) ?? {};
  return source === undefined || deliveryId === undefined ? undefined : { source, deliveryId };
}

export const InboxHealth = z
  .object({
    depth: z.object({
      pending: z.int().nonnegative().openapi({ description: 'Deliveries waiting for the worker.', example: 0 }),
      parked: z.int().nonnegative().openapi({ description: 'Deliveries the worker gave up on, for a person to look at.', example: 1 }),
    }),
    parked: z
      .array(
        z
          .object({
            source: z.string().openapi({ example: 'github' }),
            deliveryId: z.string().openapi({ example: '72d3162e-cc78-11e3-81ab-4c9367dc0958' }),
            eventName: z.string().openapi({ example: 'issue_comment' }),
            receivedAt: Instant,
            attempts: z.int().nonnegative(),
            lastError: z.string().nullable(),
          })
          .openapi('ParkedDelivery'),
      )
      .openapi({ description: 'A page of parked deliveries, the latest received first.' }),
    nextCursor: NextCursor.openapi({ example: 'github:72d3162e-cc78-11e3-81ab-4c9367dc0958' }),
  })
  .openapi('InboxHealth');
export type InboxHealth = z.infer<typeof InboxHealth>;

export const BeneficiaryList = z
  .object({
    beneficiaries: z.array(
      z
        .object({
          id: RowId,
          name: z.string().openapi({ example: 'Cartolibre' }),
          kind: z.enum(['nonprofit', 'free_software']),
          eligibility: z.enum(['public_interest_organisation', 'osi_approved_licence']),
          licence: z.string().nullable().openapi({ description: 'SPDX id, with `osi_approved_licence`.', example: 'AGPL-3.0-or-later' }),
          legalName: z.string(),
          siren: z.string().nullable(),
          rna: z.string().nullable(),
          address: z.string().nullable(),
          website: z.string().nullable(),
          cause: z.string().nullable().openapi({ example: 'education' }),
          repositories: z.array(z.string()).openapi({ description: 'Linked repositories as `forge:host/path`.', example: ['github:github.com/cartolibre/cartolibre'] }),
        })
        .openapi('BeneficiaryRecord'),
    ),
  })
  .openapi('BeneficiaryList');

export const RepositoryList = z
  .object({
    repositories: z.array(
      z
        .object({
          id: RowId,
          forge: z.enum(['github', 'gitlab']),
          host: z.string().openapi({ example: 'github.com' }),
          path: z.string().openapi({ example: 'cartolibre/cartolibre' }),
          enabled: z.boolean(),
          beneficiary: Named.nullable().openapi({ description: 'Whose work it counts for; null until an operator links it.' }),
          scan: z
            .object({
              pages: z.int().nonnegative(),
              issuesSeen: z.int().nonnegative(),
              finishedAt: Instant.nullable(),
              resumeAt: Instant.nullable().openapi({ description: "When a scan paused by the forge's rate limit resumes." }),
            })
            .nullable()
            .openapi({ description: 'Where the discovery scan of its open issues stands; null before the first.' }),
        })
        .openapi('RepositoryRecord'),
    ),
  })
  .openapi('RepositoryList');

export const SponsorList = z
  .object({
    sponsors: z.array(
      z
        .object({
          id: RowId,
          name: z.string().openapi({ example: 'Octet Conseil' }),
          legalName: z.string(),
          siren: z.string().openapi({ example: '732829320' }),
          address: z.string(),
          currency: z.string().openapi({ example: 'EUR' }),
          defaultCostRateCents: Cents.nullable(),
          consultants: z.int().nonnegative(),
          reviewers: z.int().nonnegative(),
        })
        .openapi('SponsorRecord'),
    ),
  })
  .openapi('SponsorList');

export const AgreementList = z
  .object({
    agreements: z.array(
      z
        .object({
          id: RowId,
          sponsor: Named,
          beneficiary: Named,
          signedOn: CalendarDay,
          from: CalendarDay,
          to: CalendarDay.nullable().openapi({ description: 'Last day in force; null: until further notice.' }),
          reference: z.string().nullable(),
        })
        .openapi('AgreementRecord', { description: 'A convention de mécénat: a contribution counts for its sponsor and beneficiary only under one in force on its day.' }),
    ),
  })
  .openapi('AgreementList');

export function presentParkedDelivery(delivery: ParkedDelivery): InboxHealth['parked'][number] {
  return { ...delivery, receivedAt: delivery.receivedAt.toISOString() };
}

export function presentRepositoryLink(link: RepositoryLink): z.infer<typeof RepositoryList>['repositories'][number] {
  return {
    id: link.id,
    forge: link.forge,
    host: link.host,
    path: link.path,
    enabled: link.enabled,
    beneficiary: link.beneficiaryId === null ? null : { id: link.beneficiaryId, name: link.beneficiary ?? '' },
    scan:
      link.scan === null
        ? null
        : { pages: link.scan.pages, issuesSeen: link.scan.issuesSeen, finishedAt: link.scan.finishedAt?.toISOString() ?? null, resumeAt: link.scan.resumeAt?.toISOString() ?? null },
  };
}

export function presentAgreementRecord(record: AgreementRecord): z.infer<typeof AgreementList>['agreements'][number] {
  return {
    id: record.id,
    sponsor: { id: record.sponsorId, name: record.sponsorName },
    beneficiary: { id: record.beneficiaryId, name: record.beneficiaryName },
    signedOn: record.signedOn,
    from: record.from,
    to: record.to,
    reference: record.reference,
  };
}
