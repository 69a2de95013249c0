import type { Generated } from 'kysely';
import type { Flag } from '../../db/schema';

/** The inventory area's tables (migration 0006-inventory). Quantities are thousandths. */
export interface InventorySettingsTable {
  company_id: number;
  allow_negative_stock: Generated<Flag>;
  stock_account: Generated<string>;
  change_account: Generated<string>;
  voucher_series: Generated<string>;
}

export interface ItemGroupsTable {
  id: Generated<number>;
  company_id: number;
  code: string;
  name: string;
  parent_id: number | null;
  sales_account: string | null;
  purchase_account: string | null;
  sales_vat_code: string | null;
  purchase_vat_code: string | null;
}

export interface ItemsTable {
  id: Generated<number>;
  company_id: number;
  number: string;
  kind: string;
  group_id: number | null;
  name: string;
  description: Generated<string>;
  translations: Generated<string>;
  unit: string;
  weight_grams: number | null;
  volume_ml: number | null;
  sales_account: string | null;
  purchase_account: string | null;
  sales_vat_code: string | null;
  purchase_vat_code: string | null;
  sales_price: Generated<number>;
  cost_price: Generated<number>;
  reorder_point: number | null;
  reorder_quantity: number | null;
  subscription_period: string | null;
  subscription_renewal: string | null;
  blocked: Generated<Flag>;
  created_at: string;
}

export interface ItemSuppliersTable {
  item_id: number;
  party_id: number;
  supplier_item_number: Generated<string>;
  price: Generated<number>;
  lead_days: Generated<number>;
  preferred: Generated<Flag>;
}

export interface ItemComponentsTable {
  item_id: number;
  component_id: number;
  quantity: Generated<number>;
  position: Generated<number>;
}

export interface ItemAlternativesTable {
  item_id: number;
  alternative_id: number;
  quantity: Generated<number>;
  position: Generated<number>;
}

export interface WarehousesTable {
  id: Generated<number>;
  company_id: number;
  code: string;
  name: string;
}

export interface StockBatchesTable {
  id: Generated<number>;
  company_id: number;
  kind: string;
  date: string;
  reference: Generated<string>;
  voucher_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface StockMovementsTable {
  id: Generated<number>;
  company_id: number;
  batch_id: number;
  item_id: number;
  warehouse_id: number;
  date: string;
  kind: string;
  quantity: number;
  unit_cost: number;
  value: number;
  reference: Generated<string>;
}

export interface StockTotalsTable {
  company_id: number;
  item_id: number;
  warehouse_id: number;
  quantity: number;
  value: number;
}

export interface StockDayTotalsTable extends StockTotalsTable {
  date: string;
}

export interface ItemPriceHistoryTable {
  id: Generated<number>;
  company_id: number;
  item_id: number;
  field: string;
  old_price: number;
  new_price: number;
  reason: string;
  user_id: number | null;
  at: string;
}

export interface CustomerPriceGroupsTable {
  company_id: number;
  party_id: number;
  group_code: string;
}

export interface PriceListsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  currency: string;
  customer_group: string | null;
  campaign: Generated<Flag>;
  valid_from: string | null;
  valid_to: string | null;
}

export interface PriceListLinesTable {
  id: Generated<number>;
  price_list_id: number;
  item_id: number;
  min_quantity: number;
  price: number;
}

export interface DiscountsTable {
  id: Generated<number>;
  company_id: number;
  party_id: number | null;
  customer_group: string | null;
  item_group_id: number | null;
  percent: number;
  valid_from: string | null;
  valid_to: string | null;
}

export interface InventoryTables {
  inventory_settings: InventorySettingsTable;
  item_groups: ItemGroupsTable;
  items: ItemsTable;
  item_suppliers: ItemSuppliersTable;
  item_components: ItemComponentsTable;
  item_alternatives: ItemAlternativesTable;
  warehouses: WarehousesTable;
  stock_batches: StockBatchesTable;
  stock_movements: StockMovementsTable;
  stock_day_totals: StockDayTotalsTable;
  stock_balances: StockTotalsTable;
  item_price_history: ItemPriceHistoryTable;
  customer_price_groups: CustomerPriceGroupsTable;
  price_lists: PriceListsTable;
  price_list_lines: PriceListLinesTable;
  discounts: DiscountsTable;
}
