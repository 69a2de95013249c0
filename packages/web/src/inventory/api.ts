import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { companyPath, ledgerKey } from '../accounting/api';
import { api } from '../api/client';
import type {
  CountList,
  Discount,
  EntryResult,
  ImportPreview,
  InventorySettings,
  Item,
  ItemCard,
  ItemDetail,
  ItemGroup,
  Movement,
  NewDiscount,
  NewEntry,
  NewItem,
  NewItemGroup,
  NewPriceList,
  Price,
  PriceList,
  PriceRule,
  PriceRulePreview,
  ReorderReport,
  StockList,
  Turnover,
  Warehouse,
} from './types';

/** Everything of the inventory area hangs under one key, so a change refreshes it all. */
export const inventoryKey = (companyId: number) => ['companies', companyId, 'inventory'] as const;
const path = (companyId: number, rest: string) => companyPath(companyId, `/inventory${rest}`);

function query(params: Record<string, string | number | undefined | null>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function useInventoryQuery<T>(companyId: number, rest: string, enabled = true) {
  return useQuery({
    queryKey: [...inventoryKey(companyId), rest],
    queryFn: ({ signal }) => api.get<T>(path(companyId, rest), signal),
    enabled,
  });
}

/** A change to stock also posts vouchers: the ledger's answers go stale with it. */
function useInventoryMutation<I, O>(companyId: number, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ledgerKey(companyId) });
      return client.invalidateQueries({ queryKey: inventoryKey(companyId) });
    },
  });
}

export const useGroups = (companyId: number) =>
  useInventoryQuery<{ groups: ItemGroup[] }>(companyId, '/groups');
export const useWarehouses = (companyId: number) =>
  useInventoryQuery<{ warehouses: Warehouse[] }>(companyId, '/warehouses');
export const useUnits = (companyId: number) =>
  useInventoryQuery<{ units: string[] }>(companyId, '/units');
export const useItems = (companyId: number, search: string, groupId?: number) =>
  useInventoryQuery<{ items: Item[] }>(
    companyId,
    `/items${query({ search, groupId, limit: 200 })}`,
  );
export const useItem = (companyId: number, itemId: number | null) =>
  useInventoryQuery<ItemDetail>(companyId, `/items/${itemId}`, itemId !== null);
export const useItemCard = (companyId: number, itemId: number) =>
  useInventoryQuery<ItemCard>(companyId, `/items/${itemId}/card`);
export const useMovements = (companyId: number, limit = 50) =>
  useInventoryQuery<{ movements: Movement[] }>(companyId, `/movements${query({ limit })}`);
export const useStockList = (companyId: number, date: string, warehouseId?: number) =>
  useInventoryQuery<StockList>(companyId, `/stock-list${query({ date, warehouseId })}`);
export const useCountList = (companyId: number, warehouseId: number | null, date: string) =>
  useInventoryQuery<CountList>(
    companyId,
    `/count-list${query({ warehouseId: warehouseId ?? undefined, date })}`,
    warehouseId !== null,
  );
export const useReorder = (companyId: number) =>
  useInventoryQuery<ReorderReport>(companyId, '/reorder');
export const useTurnover = (companyId: number, from: string, to: string, by: string) =>
  useInventoryQuery<Turnover>(companyId, `/turnover${query({ from, to, by })}`);
export const usePriceLists = (companyId: number) =>
  useInventoryQuery<{ priceLists: PriceList[] }>(companyId, '/price-lists');
export const useDiscounts = (companyId: number) =>
  useInventoryQuery<{ discounts: Discount[] }>(companyId, '/discounts');
export const useCustomerGroups = (companyId: number) =>
  useInventoryQuery<{ customers: { partyId: number; name: string; group: string }[] }>(
    companyId,
    '/customer-groups',
  );
export const useInventorySettings = (companyId: number) =>
  useInventoryQuery<InventorySettings>(companyId, '/settings');

export const useSaveGroup = (companyId: number) =>
  useInventoryMutation(companyId, ({ id, ...body }: NewItemGroup & { id?: number }) =>
    id
      ? api.put<ItemGroup>(path(companyId, `/groups/${id}`), body)
      : api.post<ItemGroup>(path(companyId, '/groups'), body),
  );
export const useSaveWarehouse = (companyId: number) =>
  useInventoryMutation(companyId, ({ id, ...body }: Omit<Warehouse, 'id'> & { id?: number }) =>
    id
      ? api.put<Warehouse>(path(companyId, `/warehouses/${id}`), body)
      : api.post<Warehouse>(path(companyId, '/warehouses'), body),
  );
export const useSaveItem = (companyId: number) =>
  useInventoryMutation(companyId, ({ id, item }: { id: number | null; item: NewItem }) =>
    id
      ? api.put<ItemDetail>(path(companyId, `/items/${id}`), item)
      : api.post<ItemDetail>(path(companyId, '/items'), item),
  );
export const usePostEntry = (companyId: number) =>
  useInventoryMutation(companyId, (entry: NewEntry) =>
    api.post<EntryResult>(path(companyId, '/movements'), entry),
  );
export const usePostCount = (companyId: number) =>
  useInventoryMutation(
    companyId,
    (count: {
      warehouseId: number;
      date: string;
      reference?: string;
      lines: { itemId: number; counted: number }[];
    }) => api.post<EntryResult>(path(companyId, '/counts'), count),
  );
export const useSavePriceList = (companyId: number) =>
  useInventoryMutation(companyId, ({ id, list }: { id: number | null; list: NewPriceList }) =>
    id
      ? api.put<PriceList>(path(companyId, `/price-lists/${id}`), list)
      : api.post<PriceList>(path(companyId, '/price-lists'), list),
  );
export const useAddDiscount = (companyId: number) =>
  useInventoryMutation(companyId, (discount: NewDiscount) =>
    api.post<Discount>(path(companyId, '/discounts'), discount),
  );
export const useDeleteDiscount = (companyId: number) =>
  useInventoryMutation(companyId, (id: number) =>
    api.delete<void>(path(companyId, `/discounts/${id}`)),
  );
export const useSetCustomerGroup = (companyId: number) =>
  useInventoryMutation(companyId, (body: { partyId: number; group: string | null }) =>
    api.put<unknown>(path(companyId, '/customer-groups'), body),
  );
export const usePriceLookup = (companyId: number) =>
  useMutation({
    mutationFn: (q: {
      itemId: number;
      customerId?: number;
      quantity?: number;
      date: string;
      currency?: string;
    }) => api.get<Price>(path(companyId, `/price${query(q)}`)),
  });
export const usePreviewPriceRule = (companyId: number) =>
  useMutation({
    mutationFn: (rule: PriceRule) =>
      api.post<PriceRulePreview>(path(companyId, '/price-adjustments/preview'), rule),
  });
export const useApplyPriceRule = (companyId: number) =>
  useInventoryMutation(companyId, (rule: PriceRule) =>
    api.post<PriceRulePreview>(path(companyId, '/price-adjustments'), rule),
  );
export const usePreviewImport = (companyId: number) =>
  useMutation({
    mutationFn: (csv: string) =>
      api.post<ImportPreview>(path(companyId, '/item-imports/preview'), { csv }),
  });
export const useImportItems = (companyId: number) =>
  useInventoryMutation(companyId, (csv: string) =>
    api.post<{ created: number; updated: number }>(path(companyId, '/item-imports'), { csv }),
  );
export const useSaveSettings = (companyId: number) =>
  useInventoryMutation(companyId, (settings: InventorySettings) =>
    api.put<InventorySettings>(path(companyId, '/settings'), settings),
  );
