import { PURCHASE_KINDS, SALES_KINDS } from '@nordbok/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { requireMembership, requireSession } from '../../http/access';
import { isoDateSchema } from '../accounting/voucher.schemas';
import { companyItemParams, companyParams } from '../admin/company.routes';
import { allows } from '../admin/permissions';
import { itemDocumentLineSchema } from '../sales/document.schemas';
import { linesOfItem } from '../sales/document.service';
import {
  changeGroup,
  changeItem,
  changeSettings,
  changeWarehouse,
  createGroup,
  createItem,
  createWarehouse,
  getItem,
  getSettings,
  groupSchema,
  itemDetailSchema,
  itemQuerySchema,
  itemSchema,
  listGroups,
  listItems,
  listWarehouses,
  newGroupSchema,
  newItemSchema,
  newWarehouseSchema,
  settingsSchema,
  UNIT_LIST,
  warehouseSchema,
} from './catalog.service';
import {
  importItems,
  itemImportPreviewSchema,
  itemImportSchema,
  previewItemImport,
} from './import.service';
import {
  adjustmentPreviewSchema,
  adjustmentSchema,
  applyAdjustment,
  createDiscount,
  customerGroupSchema,
  customerGroupsSchema,
  deleteDiscount,
  discountSchema,
  listCustomerGroups,
  listDiscounts,
  listPriceLists,
  lookupPrice,
  newDiscountSchema,
  newPriceListSchema,
  previewAdjustment,
  priceListSchema,
  priceQuerySchema,
  priceSchema,
  savePriceList,
  setCustomerGroup,
} from './prices.service';
import {
  priceHistory,
  priceHistorySchema,
  reorderReport,
  reorderSchema,
  turnover,
  turnoverQuerySchema,
  turnoverSchema,
} from './reports.service';
import {
  countList,
  countListQuerySchema,
  countListSchema,
  countResultSchema,
  countSchema,
  entrySchema,
  listMovements,
  movementQuerySchema,
  movementSchema,
  newEntrySchema,
  onHand,
  onHandSchema,
  postCount,
  postEntry,
  stockList,
  stockListQuerySchema,
  stockListSchema,
} from './stock.service';

const read = { access: { module: 'inventory', level: 'read' } } as const;
const write = { access: { module: 'inventory', level: 'write' } } as const;
const settingsAccess = { access: { module: 'settings', level: 'write' } } as const;

const itemParams = companyParams.extend({ itemId: z.coerce.number().int().positive() });

const ctxOf = (request: FastifyRequest) => ({
  companyId: requireMembership(request).companyId,
  userId: requireSession(request).user_id,
});
const companyOf = (request: FastifyRequest) => requireMembership(request).companyId;

const itemCardSchema = z.object({
  item: itemDetailSchema,
  onHand: onHandSchema,
  movements: z.array(movementSchema),
  priceHistory: priceHistorySchema,
  /** The item's lines on sales and purchase documents, newest first (at most 200). */
  documentLines: z.array(itemDocumentLineSchema),
});

/**
 * The lines an item has on documents, of the sides the user may read: sales documents with
 * read access to sales, purchase documents with read access to purchasing.
 */
function itemDocumentLines(db: Kysely<Database>, request: FastifyRequest, itemId: number) {
  const m = requireMembership(request);
  const kinds = [
    ...(allows(m.permissions.sales, 'read') ? SALES_KINDS : []),
    ...(allows(m.permissions.purchasing, 'read') ? PURCHASE_KINDS : []),
  ];
  return linesOfItem(db, m.companyId, itemId, kinds);
}

/** Items, groups, warehouses, stock, prices and the inventory reports. */
export function inventoryRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['inventory'];
    const base = '/companies/:companyId/inventory';

    app.get(
      `${base}/settings`,
      { config: read, schema: { tags, params: companyParams, response: { 200: settingsSchema } } },
      (request) => getSettings(db, companyOf(request)),
    );
    app.put(
      `${base}/settings`,
      {
        config: settingsAccess,
        schema: {
          tags,
          params: companyParams,
          body: settingsSchema,
          response: { 200: settingsSchema },
        },
      },
      (request) => changeSettings(db, companyOf(request), request.body),
    );
    app.get(
      `${base}/units`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ units: z.array(z.string()) }) },
        },
      },
      async () => ({ units: [...UNIT_LIST] }),
    );

    // Groups
    app.get(
      `${base}/groups`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ groups: z.array(groupSchema) }) },
        },
      },
      async (request) => ({ groups: await listGroups(db, companyOf(request)) }),
    );
    app.post(
      `${base}/groups`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newGroupSchema,
          response: { 201: groupSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createGroup(db, companyOf(request), request.body)),
    );
    app.put(
      `${base}/groups/:id`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: newGroupSchema,
          response: { 200: groupSchema },
        },
      },
      (request) => changeGroup(db, companyOf(request), request.params.id, request.body),
    );

    // Items
    app.get(
      `${base}/items`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: itemQuerySchema,
          response: { 200: z.object({ items: z.array(itemSchema) }) },
        },
      },
      async (request) => ({ items: await listItems(db, companyOf(request), request.query) }),
    );
    app.post(
      `${base}/items`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newItemSchema,
          response: { 201: itemDetailSchema },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        return reply
          .status(201)
          .send(await createItem(db, ctx.companyId, request.body, ctx.userId));
      },
    );
    app.get(
      `${base}/items/:itemId`,
      { config: read, schema: { tags, params: itemParams, response: { 200: itemDetailSchema } } },
      (request) => getItem(db, companyOf(request), request.params.itemId),
    );
    app.put(
      `${base}/items/:itemId`,
      {
        config: write,
        schema: {
          tags,
          params: itemParams,
          body: newItemSchema,
          response: { 200: itemDetailSchema },
        },
      },
      (request) => {
        const ctx = ctxOf(request);
        return changeItem(db, ctx.companyId, request.params.itemId, request.body, ctx.userId);
      },
    );
    app.get(
      `${base}/items/:itemId/card`,
      {
        config: read,
        schema: {
          tags,
          params: itemParams,
          querystring: z.strictObject({ date: isoDateSchema.optional() }),
          response: { 200: itemCardSchema },
        },
      },
      async (request) => {
        const companyId = companyOf(request);
        const { itemId } = request.params;
        const date = request.query.date ?? new Date().toISOString().slice(0, 10);
        return {
          item: await getItem(db, companyId, itemId),
          onHand: await onHand(db, companyId, itemId, date),
          movements: await listMovements(db, companyId, { itemId, limit: 1000 }),
          priceHistory: await priceHistory(db, companyId, itemId),
          documentLines: await itemDocumentLines(db, request, itemId),
        };
      },
    );
    app.get(
      `${base}/items/:itemId/on-hand`,
      {
        config: read,
        schema: {
          tags,
          params: itemParams,
          querystring: z.strictObject({ date: isoDateSchema.optional() }),
          response: { 200: onHandSchema },
        },
      },
      (request) =>
        onHand(
          db,
          companyOf(request),
          request.params.itemId,
          request.query.date ?? new Date().toISOString().slice(0, 10),
        ),
    );
    app.post(
      `${base}/item-imports/preview`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: itemImportSchema,
          response: { 200: itemImportPreviewSchema },
        },
      },
      (request) => previewItemImport(db, companyOf(request), request.body.csv),
    );
    app.post(
      `${base}/item-imports`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: itemImportSchema,
          response: { 201: z.object({ created: z.number(), updated: z.number() }) },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        return reply
          .status(201)
          .send(await importItems(db, ctx.companyId, request.body.csv, ctx.userId));
      },
    );

    // Warehouses
    app.get(
      `${base}/warehouses`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ warehouses: z.array(warehouseSchema) }) },
        },
      },
      async (request) => ({ warehouses: await listWarehouses(db, companyOf(request)) }),
    );
    app.post(
      `${base}/warehouses`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newWarehouseSchema,
          response: { 201: warehouseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createWarehouse(db, companyOf(request), request.body)),
    );
    app.put(
      `${base}/warehouses/:id`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: newWarehouseSchema,
          response: { 200: warehouseSchema },
        },
      },
      (request) => changeWarehouse(db, companyOf(request), request.params.id, request.body),
    );

    // Stock
    app.get(
      `${base}/movements`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: movementQuerySchema,
          response: { 200: z.object({ movements: z.array(movementSchema) }) },
        },
      },
      async (request) => ({
        movements: await listMovements(db, companyOf(request), request.query),
      }),
    );
    app.post(
      `${base}/movements`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newEntrySchema,
          response: { 201: entrySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await postEntry(db, ctxOf(request), request.body)),
    );
    app.get(
      `${base}/stock-list`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: stockListQuerySchema,
          response: { 200: stockListSchema },
        },
      },
      (request) => stockList(db, companyOf(request), request.query),
    );
    app.get(
      `${base}/count-list`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: countListQuerySchema,
          response: { 200: countListSchema },
        },
      },
      (request) => countList(db, companyOf(request), request.query),
    );
    app.post(
      `${base}/counts`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: countSchema,
          response: { 201: countResultSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await postCount(db, ctxOf(request), request.body)),
    );
    app.get(
      `${base}/reorder`,
      { config: read, schema: { tags, params: companyParams, response: { 200: reorderSchema } } },
      (request) => reorderReport(db, companyOf(request)),
    );
    app.get(
      `${base}/turnover`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: turnoverQuerySchema,
          response: { 200: turnoverSchema },
        },
      },
      (request) => turnover(db, companyOf(request), request.query),
    );

    // Prices
    app.get(
      `${base}/price`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          querystring: priceQuerySchema,
          response: { 200: priceSchema },
        },
      },
      (request) => lookupPrice(db, companyOf(request), request.query),
    );
    app.get(
      `${base}/price-lists`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ priceLists: z.array(priceListSchema) }) },
        },
      },
      async (request) => ({ priceLists: await listPriceLists(db, companyOf(request)) }),
    );
    app.post(
      `${base}/price-lists`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newPriceListSchema,
          response: { 201: priceListSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await savePriceList(db, companyOf(request), null, request.body)),
    );
    app.put(
      `${base}/price-lists/:id`,
      {
        config: write,
        schema: {
          tags,
          params: companyItemParams,
          body: newPriceListSchema,
          response: { 200: priceListSchema },
        },
      },
      (request) => savePriceList(db, companyOf(request), request.params.id, request.body),
    );
    app.get(
      `${base}/discounts`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ discounts: z.array(discountSchema) }) },
        },
      },
      async (request) => ({ discounts: await listDiscounts(db, companyOf(request)) }),
    );
    app.post(
      `${base}/discounts`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: newDiscountSchema,
          response: { 201: discountSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createDiscount(db, companyOf(request), request.body)),
    );
    app.delete(
      `${base}/discounts/:id`,
      { config: write, schema: { tags, params: companyItemParams } },
      async (request, reply) => {
        await deleteDiscount(db, companyOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      `${base}/customer-groups`,
      {
        config: read,
        schema: {
          tags,
          params: companyParams,
          response: { 200: z.object({ customers: customerGroupsSchema }) },
        },
      },
      async (request) => ({ customers: await listCustomerGroups(db, companyOf(request)) }),
    );
    app.put(
      `${base}/customer-groups`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: customerGroupSchema,
          response: { 200: z.object({ customers: customerGroupsSchema }) },
        },
      },
      async (request) => ({
        customers: await setCustomerGroup(db, companyOf(request), request.body),
      }),
    );
    app.post(
      `${base}/price-adjustments/preview`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: adjustmentSchema,
          response: { 200: adjustmentPreviewSchema },
        },
      },
      (request) => previewAdjustment(db, companyOf(request), request.body),
    );
    app.post(
      `${base}/price-adjustments`,
      {
        config: write,
        schema: {
          tags,
          params: companyParams,
          body: adjustmentSchema,
          response: { 200: adjustmentPreviewSchema },
        },
      },
      (request) => {
        const ctx = ctxOf(request);
        return applyAdjustment(db, ctx.companyId, request.body, ctx.userId);
      },
    );
  };
}
