import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParties } from '../accounting/api';
import { parseAmount } from '../accounting/input';
import { useSignedIn } from '../auth/session';
import { formatAmount } from '../format';
import { navigate } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useGroups, useItem, useSaveItem, useUnits } from './api';
import { ItemPicker } from './ItemPicker';
import { formatQuantity, parseQuantity } from './parts';
import { itemCardPath } from './paths';
import { ITEM_KINDS, type ItemDetail, type ItemKind, type NewItem } from './types';

const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;

/** The item form, new (`itemId` null) or to change an item. */
export function ItemFormPage({ itemId }: { itemId: number | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const item = useItem(company.id, itemId);
  const title = itemId === null ? t('inventory.items.new') : t('inventory.items.edit');
  return (
    <Page title={title} wide>
      {itemId !== null && item.isPending ? <Loading /> : null}
      {item.isError ? <LoadFailed error={item.error} /> : null}
      {itemId === null || item.data ? <ItemForm item={item.data ?? null} /> : null}
    </Page>
  );
}

interface SupplierRow {
  partyId: string;
  supplierItemNumber: string;
  price: string;
  leadDays: string;
}

interface ComponentRow {
  itemId: number | null;
  label: string;
  quantity: string;
}

const money = (ore: number | undefined) =>
  ore === undefined ? '' : formatAmount(ore).replace(/[\s\u00a0]/g, '');

function ItemForm({ item }: { item: ItemDetail | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const groups = useGroups(company.id);
  const units = useUnits(company.id);
  const suppliers = useParties(company.id, 'supplier');
  const save = useSaveItem(company.id);
  const first = useAutoFocus<HTMLInputElement>();
  const [f, setF] = useState(() => ({
    number: item?.number ?? '',
    kind: (item?.kind ?? 'stock') as ItemKind,
    groupId: item?.groupId ? String(item.groupId) : '',
    name: item?.name ?? '',
    description: item?.description ?? '',
    unit: item?.unit ?? 'stk',
    weightGrams: item?.weightGrams?.toString() ?? '',
    volumeMl: item?.volumeMl?.toString() ?? '',
    salesAccount: item?.salesAccount ?? '',
    purchaseAccount: item?.purchaseAccount ?? '',
    salesVatCode: item?.salesVatCode ?? '',
    purchaseVatCode: item?.purchaseVatCode ?? '',
    salesPrice: money(item?.salesPrice),
    costPrice: money(item?.costPrice),
    reorderPoint: item?.reorderPoint === null || !item ? '' : formatQuantity(item.reorderPoint),
    reorderQuantity:
      item?.reorderQuantity === null || !item ? '' : formatQuantity(item.reorderQuantity),
    subscriptionPeriod: item?.subscriptionPeriod ?? 'month',
    subscriptionRenewal: item?.subscriptionRenewal ?? 'automatic',
    blocked: item?.blocked ?? false,
  }));
  const [translations, setTranslations] = useState(
    () =>
      Object.fromEntries(
        LANGUAGES.map((l) => [l, item?.translations[l] ?? { name: '', description: '' }]),
      ) as Record<(typeof LANGUAGES)[number], { name: string; description: string }>,
  );
  const [supplierRows, setSupplierRows] = useState<SupplierRow[]>(
    () =>
      item?.suppliers.map((s) => ({
        partyId: String(s.partyId),
        supplierItemNumber: s.supplierItemNumber,
        price: money(s.price),
        leadDays: String(s.leadDays),
      })) ?? [],
  );
  const [preferred, setPreferred] = useState(() =>
    String(item?.suppliers.find((s) => s.preferred)?.partyId ?? ''),
  );
  const [components, setComponents] = useState<ComponentRow[]>(
    () =>
      item?.components.map((c) => ({
        itemId: c.itemId,
        label: `${c.number} ${c.name}`,
        quantity: formatQuantity(c.quantity),
      })) ?? [],
  );
  const [alternatives, setAlternatives] = useState<{ itemId: number; label: string }[]>(
    () =>
      item?.alternatives.map((a) => ({ itemId: a.itemId, label: `${a.number} ${a.name}` })) ?? [],
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(save.error), ...localErrors };
  const set = (key: keyof typeof f) => (value: string | boolean) =>
    setF((old) => ({ ...old, [key]: value }));
  const text = (key: keyof typeof f) => ({
    value: String(f[key]),
    onChange: (event: { currentTarget: { value: string } }) => set(key)(event.currentTarget.value),
    error: errors[key],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const amount = (key: 'salesPrice' | 'costPrice') => {
      if (!f[key].trim()) return undefined;
      const ore = parseAmount(f[key]);
      if (ore === null) problems[key] = t('inventory.errors.amount');
      return ore ?? undefined;
    };
    const quantity = (key: 'reorderPoint' | 'reorderQuantity') => {
      if (!f[key].trim()) return null;
      const q = parseQuantity(f[key]);
      if (q === null) problems[key] = t('inventory.errors.quantity');
      return q;
    };
    const input: NewItem = {
      number: f.number.trim(),
      kind: f.kind,
      groupId: f.groupId ? Number(f.groupId) : null,
      name: f.name.trim(),
      description: f.description.trim(),
      translations: Object.fromEntries(
        LANGUAGES.filter((l) => translations[l].name.trim()).map((l) => [l, translations[l]]),
      ),
      unit: f.unit,
      weightGrams: f.weightGrams ? Number(f.weightGrams) : null,
      volumeMl: f.volumeMl ? Number(f.volumeMl) : null,
      salesAccount: f.salesAccount.trim() || null,
      purchaseAccount: f.purchaseAccount.trim() || null,
      salesVatCode: f.salesVatCode.trim() || null,
      purchaseVatCode: f.purchaseVatCode.trim() || null,
      reorderPoint: quantity('reorderPoint'),
      reorderQuantity: quantity('reorderQuantity'),
      subscriptionPeriod:
        f.kind === 'subscription' ? (f.subscriptionPeriod as 'month' | 'quarter' | 'year') : null,
      subscriptionRenewal:
        f.kind === 'subscription' ? (f.subscriptionRenewal as 'automatic' | 'manual') : null,
      blocked: f.blocked,
      suppliers: supplierRows
        .filter((s) => s.partyId)
        .map((s) => ({
          partyId: Number(s.partyId),
          supplierItemNumber: s.supplierItemNumber.trim(),
          price: parseAmount(s.price || '0') ?? 0,
          leadDays: Number(s.leadDays || 0),
          preferred: s.partyId === preferred,
        })),
      components:
        f.kind === 'structured'
          ? components
              .filter((c) => c.itemId !== null)
              .map((c) => ({ itemId: c.itemId!, quantity: parseQuantity(c.quantity) ?? 0 }))
          : [],
      alternatives: alternatives.map((a) => a.itemId),
    };
    const sales = amount('salesPrice');
    const cost = amount('costPrice');
    if (sales !== undefined) input.salesPrice = sales;
    if (cost !== undefined) input.costPrice = cost;
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      { id: item?.id ?? null, item: input },
      { onSuccess: (saved) => navigate(itemCardPath(saved.id)) },
    );
  };

  const groupOptions = [
    { value: '', label: t('inventory.items.noGroup') },
    ...(groups.data?.groups ?? []).map((g) => ({
      value: String(g.id),
      label: `${g.code} ${g.name}`,
    })),
  ];
  const supplierOptions = [
    { value: '', label: '' },
    ...(suppliers.data ?? []).map((p) => ({
      value: String(p.id),
      label: `${p.supplierNumber} ${p.name}`,
    })),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput ref={first} label={t('inventory.items.number')} required {...text('number')} />
          <NativeSelect
            label={t('inventory.items.kind')}
            data={ITEM_KINDS.map((k) => ({ value: k, label: t(`inventory.kinds.${k}`) }))}
            value={f.kind}
            onChange={(event) => set('kind')(event.currentTarget.value)}
            error={errors.kind}
          />
          <NativeSelect
            label={t('inventory.items.group')}
            data={groupOptions}
            value={f.groupId}
            onChange={(event) => set('groupId')(event.currentTarget.value)}
            error={errors.groupId}
          />
          <NativeSelect
            label={t('inventory.items.unit')}
            data={units.data?.units ?? [f.unit]}
            value={f.unit}
            onChange={(event) => set('unit')(event.currentTarget.value)}
            error={errors.unit}
          />
        </SimpleGrid>
        <TextInput label={t('inventory.items.name')} required {...text('name')} />
        <Textarea
          label={t('inventory.items.description')}
          autosize
          minRows={2}
          {...text('description')}
        />
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <TextInput label={t('inventory.items.salesPrice')} {...text('salesPrice')} />
          <TextInput label={t('inventory.items.costPrice')} {...text('costPrice')} />
          <TextInput label={t('inventory.items.reorderPoint')} {...text('reorderPoint')} />
          <TextInput label={t('inventory.items.reorderQuantity')} {...text('reorderQuantity')} />
          <TextInput
            label={t('inventory.items.weightGrams')}
            inputMode="numeric"
            {...text('weightGrams')}
          />
          <TextInput
            label={t('inventory.items.volumeMl')}
            inputMode="numeric"
            {...text('volumeMl')}
          />
        </SimpleGrid>
        <Fieldset legend={t('inventory.items.accounts')}>
          <SimpleGrid cols={{ base: 2, lg: 4 }}>
            <TextInput
              label={t('inventory.items.salesAccount')}
              placeholder={t('inventory.items.fromGroup')}
              {...text('salesAccount')}
            />
            <TextInput
              label={t('inventory.items.salesVatCode')}
              placeholder={t('inventory.items.fromGroup')}
              {...text('salesVatCode')}
            />
            <TextInput
              label={t('inventory.items.purchaseAccount')}
              placeholder={t('inventory.items.fromGroup')}
              {...text('purchaseAccount')}
            />
            <TextInput
              label={t('inventory.items.purchaseVatCode')}
              placeholder={t('inventory.items.fromGroup')}
              {...text('purchaseVatCode')}
            />
          </SimpleGrid>
        </Fieldset>
        {f.kind === 'subscription' ? (
          <Group>
            <NativeSelect
              label={t('inventory.items.subscriptionPeriod')}
              data={['month', 'quarter', 'year'].map((p) => ({
                value: p,
                label: t(`inventory.periods.${p as 'month'}`),
              }))}
              value={f.subscriptionPeriod}
              onChange={(event) => set('subscriptionPeriod')(event.currentTarget.value)}
            />
            <NativeSelect
              label={t('inventory.items.subscriptionRenewal')}
              data={['automatic', 'manual'].map((p) => ({
                value: p,
                label: t(`inventory.renewals.${p as 'manual'}`),
              }))}
              value={f.subscriptionRenewal}
              onChange={(event) => set('subscriptionRenewal')(event.currentTarget.value)}
            />
          </Group>
        ) : null}
        <Fieldset legend={t('inventory.items.translations')}>
          <Stack gap="xs">
            {LANGUAGES.map((l) => (
              <Group key={l} grow>
                <TextInput
                  label={t('inventory.items.nameIn', { language: l.toUpperCase() })}
                  value={translations[l].name}
                  onChange={(event) => {
                    const name = event.currentTarget.value;
                    setTranslations((old) => ({ ...old, [l]: { ...old[l], name } }));
                  }}
                />
                <TextInput
                  label={t('inventory.items.descriptionIn', { language: l.toUpperCase() })}
                  value={translations[l].description}
                  onChange={(event) => {
                    const description = event.currentTarget.value;
                    setTranslations((old) => ({ ...old, [l]: { ...old[l], description } }));
                  }}
                />
              </Group>
            ))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('inventory.items.suppliers')}>
          <Radio.Group value={preferred} onChange={setPreferred}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.items.supplier')}</Table.Th>
                  <Table.Th>{t('inventory.items.supplierItemNumber')}</Table.Th>
                  <Table.Th>{t('inventory.items.supplierPrice')}</Table.Th>
                  <Table.Th>{t('inventory.items.leadDays')}</Table.Th>
                  <Table.Th>{t('inventory.items.preferred')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {supplierRows.map((row, i) => {
                  const change = (key: keyof SupplierRow, value: string) =>
                    setSupplierRows((old) =>
                      old.map((r, k) => (k === i ? { ...r, [key]: value } : r)),
                    );
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved.
                    <Table.Tr key={i}>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('inventory.items.supplier')}
                          data={supplierOptions}
                          value={row.partyId}
                          onChange={(event) => change('partyId', event.currentTarget.value)}
                          error={errors[`suppliers.${i}.partyId`]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('inventory.items.supplierItemNumber')}
                          value={row.supplierItemNumber}
                          onChange={(event) =>
                            change('supplierItemNumber', event.currentTarget.value)
                          }
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('inventory.items.supplierPrice')}
                          value={row.price}
                          onChange={(event) => change('price', event.currentTarget.value)}
                          w={120}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('inventory.items.leadDays')}
                          value={row.leadDays}
                          onChange={(event) => change('leadDays', event.currentTarget.value)}
                          w={80}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Radio
                          value={row.partyId}
                          aria-label={t('inventory.items.preferred')}
                          disabled={!row.partyId}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Radio.Group>
          <Button
            variant="subtle"
            size="xs"
            mt="xs"
            onClick={() =>
              setSupplierRows((old) => [
                ...old,
                { partyId: '', supplierItemNumber: '', price: '', leadDays: '' },
              ])
            }
          >
            {t('inventory.items.addSupplier')}
          </Button>
        </Fieldset>
        {f.kind === 'structured' ? (
          <Fieldset legend={t('inventory.items.components')}>
            <Stack gap="xs">
              {components.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved.
                <Group key={i} align="flex-end">
                  <ItemPicker
                    label={t('inventory.items.component')}
                    value={c.itemId}
                    stocked
                    onChange={(picked) =>
                      setComponents((old) =>
                        old.map((r, k) =>
                          k === i
                            ? {
                                ...r,
                                itemId: picked?.id ?? null,
                                label: picked ? `${picked.number} ${picked.name}` : '',
                              }
                            : r,
                        ),
                      )
                    }
                  />
                  <TextInput
                    label={t('inventory.items.componentQuantity')}
                    value={c.quantity}
                    w={120}
                    onChange={(event) => {
                      const quantity = event.currentTarget.value;
                      setComponents((old) => old.map((r, k) => (k === i ? { ...r, quantity } : r)));
                    }}
                  />
                  {c.itemId === null && c.label ? c.label : null}
                </Group>
              ))}
              {errors.components ? <ProblemAlert error={save.error} /> : null}
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() =>
                  setComponents((old) => [...old, { itemId: null, label: '', quantity: '1' }])
                }
              >
                {t('inventory.items.addComponent')}
              </Button>
            </Stack>
          </Fieldset>
        ) : null}
        <Fieldset legend={t('inventory.items.alternatives')}>
          <Group align="flex-end">
            {alternatives.map((a) => (
              <Button
                key={a.itemId}
                variant="light"
                size="xs"
                onClick={() => setAlternatives((old) => old.filter((x) => x.itemId !== a.itemId))}
                aria-label={t('inventory.items.removeAlternative', { name: a.label })}
              >
                {a.label} ✕
              </Button>
            ))}
            <ItemPicker
              label={t('inventory.items.addAlternative')}
              value={null}
              onChange={(picked) => {
                if (picked && !alternatives.some((a) => a.itemId === picked.id)) {
                  setAlternatives((old) => [
                    ...old,
                    { itemId: picked.id, label: `${picked.number} ${picked.name}` },
                  ]);
                }
              }}
            />
          </Group>
        </Fieldset>
        <Checkbox
          label={t('inventory.items.blocked')}
          checked={f.blocked}
          onChange={(event) => set('blocked')(event.currentTarget.checked)}
        />
        <ProblemAlert
          error={save.error}
          title={t('inventory.items.saveFailed')}
          placedFields={Object.keys(f)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('inventory.save')}
          </Button>
          <Button variant="default" onClick={() => window.history.back()}>
            {t('inventory.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
