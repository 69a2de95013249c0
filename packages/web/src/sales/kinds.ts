import { type DocumentKind, PURCHASE_KINDS, SALES_KINDS, sideOf } from '@nordbok/core';
import { PURCHASING_PATHS, SALES_PATHS } from './paths';
import type { Side } from './types';

/** The area a side's documents live in, and so the permission that guards them. */
export const areaOfSide = (side: Side) => (side === 'sales' ? 'sales' : 'purchasing');

export const KINDS_OF_SIDE: Record<Side, readonly DocumentKind[]> = {
  sales: SALES_KINDS,
  purchase: PURCHASE_KINDS,
};

/**
 * The kinds a user starts by hand. Reminders and interest notes are made by the reminder run,
 * payments from the claim they pay, credit notes mostly by crediting an invoice.
 */
export const NEW_KINDS: Record<Side, readonly DocumentKind[]> = {
  sales: ['quote', 'order', 'shipment', 'invoice', 'credit_note'],
  purchase: ['purchase_order', 'goods_receipt', 'bill', 'supplier_credit_note'],
};

export const CREDIT_KINDS: readonly DocumentKind[] = ['credit_note', 'supplier_credit_note'];
export const CANCELLABLE_KINDS: readonly DocumentKind[] = ['quote', 'order', 'purchase_order'];

export const documentListPath = (side: Side) =>
  side === 'sales' ? SALES_PATHS.documents : PURCHASING_PATHS.documents;
export const documentPath = (kind: DocumentKind, id: number) =>
  `${documentListPath(sideOf(kind))}/${id}`;
export const editDocumentPath = (kind: DocumentKind, id: number) =>
  `${documentPath(kind, id)}/edit`;
export const newDocumentPath = (side: Side) => `${documentListPath(side)}/new`;
