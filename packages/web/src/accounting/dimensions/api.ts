import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { companyPath } from '../api';
import type { Dimension } from '../types';

export type DimensionTable = 'departments' | 'projects';

export interface NewDimension {
  code: string;
  name: string;
  parentId?: number | null;
}

export type DimensionChanges = Partial<Pick<Dimension, 'name' | 'parentId' | 'blocked'>>;

/** Adding or changing a level refetches the list the entry screen picks from as well. */
export function useDimensionMutations(companyId: number, table: DimensionTable) {
  const client = useQueryClient();
  const path = companyPath(companyId, `/${table}`);
  const onSuccess = () => client.invalidateQueries({ queryKey: ['companies', companyId, table] });
  const add = useMutation({
    mutationFn: (input: NewDimension) => api.post<Dimension>(path, input),
    onSuccess,
  });
  const change = useMutation({
    mutationFn: ({ id, ...changes }: DimensionChanges & { id: number }) =>
      api.patch<Dimension>(`${path}/${id}`, changes),
    onSuccess,
  });
  return { add, change };
}

/** The levels in tree order, each with its depth, so sub-levels follow their parent. */
export function inTreeOrder(items: readonly Dimension[]): { item: Dimension; depth: number }[] {
  const known = new Set(items.map((item) => item.id));
  const childrenOf = (parentId: number | null) =>
    items
      .filter(
        (item) =>
          (item.parentId !== null && known.has(item.parentId) ? item.parentId : null) === parentId,
      )
      .sort((a, b) => a.code.localeCompare(b.code));
  const result: { item: Dimension; depth: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const item of childrenOf(parentId)) {
      result.push({ item, depth });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  return result;
}
