import type { DocumentKind } from '@nordbok/core';
/** The inventory API's shapes as the screens use them. Quantities are units (3 decimals). */
export type ItemKind = 'stock' | 'goods' | 'service' | 'subscription' | 'structured';
export const ITEM_KINDS: ItemKind[] = ['stock', 'goods', 'service', 'subscription', 'structured'];

export interface ItemGroup {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  salesAccount: string | null;
  purchaseAccount: string | null;
  salesVatCode: string | null;
  purchaseVatCode: string | null;
}
export type NewItemGroup = Omit<ItemGroup, 'id'>;

export interface Item {
  id: number;
  number: string;
  kind: ItemKind;
  groupId: number | null;
  name: string;
  description: string;
  translations: Partial<Record<'en' | 'de' | 'fr' | 'es', { name: string; description: string }>>;
  unit: string;
  weightGrams: number | null;
  volumeMl: number | null;
  salesAccount: string | null;
  purchaseAccount: string | null;
  salesVatCode: string | null;
  purchaseVatCode: string | null;
  salesPrice: number;
  costPrice: number;
  reorderPoint: number | null;
  reorderQuantity: number | null;
  subscriptionPeriod: string | null;
  subscriptionRenewal: string | null;
  blocked: boolean;
}

export interface ItemSupplier {
  partyId: number;
  name: string;
  supplierNumber: number | null;
  supplierItemNumber: string;
  price: number;
  leadDays: number;
  preferred: boolean;
}

export interface ItemDetail extends Item {
  suppliers: ItemSupplier[];
  components: { itemId: number; number: string; name: string; quantity: number }[];
  alternatives: { itemId: number; number: string; name: string }[];
}

export interface NewItem {
  number: string;
  kind: ItemKind;
  groupId?: number | null;
  name: string;
  description?: string;
  translations?: Item['translations'];
  unit: string;
  weightGrams?: number | null;
  volumeMl?: number | null;
  salesAccount?: string | null;
  purchaseAccount?: string | null;
  salesVatCode?: string | null;
  purchaseVatCode?: string | null;
  salesPrice?: number;
  costPrice?: number;
  reorderPoint?: number | null;
  reorderQuantity?: number | null;
  subscriptionPeriod?: 'month' | 'quarter' | 'year' | null;
  subscriptionRenewal?: 'automatic' | 'manual' | null;
  blocked?: boolean;
  suppliers?: {
    partyId: number;
    supplierItemNumber?: string;
    price?: number;
    leadDays?: number;
    preferred?: boolean;
  }[];
  components?: { itemId: number; quantity: number }[];
  alternatives?: number[];
}

export interface Warehouse {
  id: number;
  code: string;
  name: string;
}

export type MovementKind = 'receipt' | 'issue' | 'transfer' | 'adjustment' | 'production' | 'count';
export type EntryKind = Exclude<MovementKind, 'count'>;

export interface Movement {
  id: number;
  batchId: number;
  date: string;
  kind: MovementKind;
  itemId: number;
  itemNumber: string;
  itemName: string;
  warehouseId: number;
  warehouseCode: string;
  quantity: number;
  unitCost: number;
  value: number;
  reference: string;
  voucherId: number | null;
}

export interface NewEntry {
  kind: EntryKind;
  date: string;
  reference?: string;
  lines: {
    itemId: number;
    warehouseId: number;
    toWarehouseId?: number;
    quantity: number;
    unitCost?: number;
  }[];
}

export interface EntryResult {
  batchId: number | null;
  voucherId: number | null;
  movements: Movement[];
}

export interface OnHand {
  itemId: number;
  date: string;
  quantity: number;
  value: number;
  warehouses: { warehouseId: number; quantity: number; value: number }[];
}

export interface ItemCard {
  item: ItemDetail;
  onHand: OnHand;
  movements: Movement[];
  priceHistory: {
    field: 'sales' | 'cost';
    oldPrice: number;
    newPrice: number;
    reason: string;
    at: string;
  }[];
  /** The item's lines on sales and purchase documents, newest first. */
  documentLines: {
    documentId: number;
    kind: DocumentKind;
    number: number;
    date: string;
    partyId: number;
    partyName: string;
    quantity: number;
    unit: string;
    unitPrice: number;
    discount: number;
    net: number;
    currency: string | null;
    status: number;
  }[];
}

export interface StockList {
  date: string;
  warehouses: Warehouse[];
  rows: {
    itemId: number;
    number: string;
    name: string;
    unit: string;
    quantities: number[];
    values: number[];
    quantity: number;
    value: number;
  }[];
  totals: { values: number[]; value: number };
}

export interface CountList {
  warehouseId: number;
  date: string;
  rows: { itemId: number; number: string; name: string; unit: string; expected: number }[];
}

export interface ReorderReport {
  suppliers: {
    partyId: number | null;
    name: string | null;
    supplierNumber: number | null;
    items: {
      itemId: number;
      number: string;
      name: string;
      unit: string;
      onHand: number;
      reorderPoint: number;
      reorderQuantity: number;
      supplierItemNumber: string;
      price: number;
      leadDays: number;
    }[];
  }[];
}

export interface Turnover {
  from: string;
  to: string;
  by: 'item' | 'group' | 'month';
  basis: string;
  rows: {
    key: string;
    label: string;
    quantity: number;
    sales: number;
    cost: number;
    margin: number;
    marginPercent: number | null;
  }[];
  total: { sales: number; cost: number; margin: number };
}

export interface PriceList {
  id: number;
  name: string;
  currency: string;
  customerGroup: string | null;
  campaign: boolean;
  validFrom: string | null;
  validTo: string | null;
  lines: { itemId: number; number: string; name: string; minQuantity: number; price: number }[];
}

export interface NewPriceList {
  name: string;
  currency: string;
  customerGroup?: string | null;
  campaign?: boolean;
  validFrom?: string | null;
  validTo?: string | null;
  lines: { itemId: number; minQuantity?: number; price: number }[];
}

export interface Discount {
  id: number;
  partyId: number | null;
  partyName: string | null;
  customerGroup: string | null;
  itemGroupId: number | null;
  percent: number;
  validFrom: string | null;
  validTo: string | null;
}

export interface NewDiscount {
  partyId?: number | null;
  customerGroup?: string | null;
  itemGroupId?: number | null;
  percent: number;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Price {
  itemId: number;
  currency: string;
  unitPrice: number;
  source: 'item' | 'priceList' | 'campaign';
  priceListId: number | null;
  discountPercent: number;
  discountId: number | null;
  netPrice: number;
}

export interface PriceRule {
  field: 'sales' | 'cost';
  groupId?: number | null;
  kind: 'percent' | 'amount';
  value: number;
  rounding?: 'none' | '90' | '9' | '00';
}

export interface PriceRulePreview {
  rows: { itemId: number; number: string; name: string; oldPrice: number; newPrice: number }[];
  negative: number;
}

export interface ImportPreview {
  rows: {
    line: number;
    number: string;
    name: string;
    kind: string;
    unit: string;
    group: string;
    salesPrice: number | null;
    costPrice: number | null;
    action: 'create' | 'update';
    errors: string[];
  }[];
  valid: boolean;
  creates: number;
  updates: number;
}

export interface InventorySettings {
  allowNegativeStock: boolean;
  stockAccount: string;
  changeAccount: string;
  voucherSeries: string;
}
