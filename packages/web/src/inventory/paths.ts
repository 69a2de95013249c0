import type { CompanySummary } from '../api/types';

/** The inventory screens ("Lager"), in menu order. */
export const INVENTORY_PATHS = {
  items: '/inventory/items',
  movements: '/inventory/movements',
  stockList: '/inventory/stock-list',
  count: '/inventory/count',
  reorder: '/inventory/reorder',
  turnover: '/inventory/turnover',
  prices: '/inventory/prices',
  priceAdjustment: '/inventory/price-adjustment',
  groups: '/inventory/groups',
  warehouses: '/inventory/warehouses',
  import: '/inventory/import',
} as const;
export type InventoryPage = keyof typeof INVENTORY_PATHS;

export const newItemPath = '/inventory/items/new';
export const itemCardPath = (id: number) => `/inventory/items/${id}`;
export const editItemPath = (id: number) => `/inventory/items/${id}/edit`;

/** Screens that only change things are left out of the menu for those who may only read. */
const WRITE_ONLY: readonly InventoryPage[] = ['movements', 'count', 'priceAdjustment', 'import'];

export function inventoryPages(company: CompanySummary) {
  const writer = company.permissions.inventory === 'write';
  return (Object.keys(INVENTORY_PATHS) as InventoryPage[])
    .filter((key) => writer || !WRITE_ONLY.includes(key))
    .map((key) => ({
      label: `inventory.pages.${key}` as const,
      description: `inventory.descriptions.${key}` as const,
      path: INVENTORY_PATHS[key],
    }));
}
