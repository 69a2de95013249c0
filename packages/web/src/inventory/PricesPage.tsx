import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { useParties } from '../accounting/api';
import { parseAmount, todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
import { canWrite } from '../shell/areas';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useAutoFocus } from '../ui/useAutoFocus';
import {
  useAddDiscount,
  useCustomerGroups,
  useDeleteDiscount,
  useDiscounts,
  useGroups,
  usePriceLists,
  usePriceLookup,
  useSavePriceList,
  useSetCustomerGroup,
} from './api';
import { ItemPicker } from './ItemPicker';
import { formatQuantity, parseQuantity } from './parts';
import type { PriceList } from './types';

/** Priser og rabatter: price lists, campaigns, discounts, customer groups and a price check. */
export function PricesPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'inventory');
  return (
    <Page title={t('inventory.pages.prices')} intro={t('inventory.prices.intro')} wide>
      <PriceLookup />
      <PriceLists />
      {writer ? <PriceListForm /> : null}
      <Discounts />
      <CustomerGroups />
    </Page>
  );
}

const span = (from: string | null, to: string | null) =>
  from || to ? `${from ? formatDate(from) : ''}–${to ? formatDate(to) : ''}` : '';

function PriceLists() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const lists = usePriceLists(company.id);
  const writer = canWrite(company, 'inventory');
  const [editing, setEditing] = useState<number | null>(null);
  // After saving or cancelling, the cursor goes back to the list's edit button.
  const refocus = (id: number) => {
    setEditing(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`[data-edit-price-list="${id}"]`)?.focus(),
    );
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('inventory.prices.lists')}
      </Title>
      {lists.isPending ? <Loading /> : null}
      {lists.isError ? <LoadFailed error={lists.error} /> : null}
      {lists.data?.priceLists.length === 0 ? (
        <Text c="dimmed">{t('inventory.prices.noLists')}</Text>
      ) : null}
      {lists.data?.priceLists.map((l) =>
        editing === l.id ? (
          <Paper key={l.id} withBorder p="sm" radius="md">
            <PriceListForm existing={l} onDone={() => refocus(l.id)} />
          </Paper>
        ) : (
          <Paper key={l.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>
                {l.name} · {l.currency}
                {l.customerGroup ? ` · ${t('inventory.prices.group')} ${l.customerGroup}` : ''}
                {l.campaign ? ` · ${t('inventory.prices.campaign')}` : ''}{' '}
                {span(l.validFrom, l.validTo)}
              </Text>
              {writer ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  data-edit-price-list={l.id}
                  aria-label={t('inventory.prices.editList', { name: l.name })}
                  onClick={() => setEditing(l.id)}
                >
                  {t('inventory.prices.edit')}
                </Button>
              ) : null}
            </Group>
            <Table>
              <Table.Tbody>
                {l.lines.map((line) => (
                  <Table.Tr key={`${line.itemId}-${line.minQuantity}`}>
                    <Table.Td w={110}>{line.number}</Table.Td>
                    <Table.Td>{line.name}</Table.Td>
                    <Table.Td w={160} ta="right">
                      {line.minQuantity > 0
                        ? t('inventory.prices.from', { quantity: formatQuantity(line.minQuantity) })
                        : ''}
                    </Table.Td>
                    <AmountCell ore={line.price} w={140} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ),
      )}
    </Stack>
  );
}

interface ListLine {
  /** The saved item, so the picker can name it before anything is searched for. */
  known: { id: number; number: string; name: string } | null;
  itemId: number | null;
  minQuantity: string;
  price: string;
}

const emptyLine = (): ListLine => ({ known: null, itemId: null, minQuantity: '', price: '' });

const linesOf = (list: PriceList | undefined): ListLine[] =>
  list && list.lines.length > 0
    ? list.lines.map((l) => ({
        known: { id: l.itemId, number: l.number, name: l.name },
        itemId: l.itemId,
        minQuantity: l.minQuantity > 0 ? formatQuantity(l.minQuantity) : '',
        price: formatAmount(l.price),
      }))
    : [emptyLine()];

const HEAD_FIELDS = ['name', 'currency', 'customerGroup', 'validFrom', 'validTo'];

/**
 * A new price list or campaign, or changes to a saved one: its head, and lines with quantity
 * breaks. Saving replaces all lines of the list; a line left without an item is dropped.
 */
function PriceListForm({ existing, onDone }: { existing?: PriceList; onDone?: () => void }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSavePriceList(company.id);
  const nameRef = useAutoFocus<HTMLInputElement>(existing !== undefined);
  const [name, setName] = useState(existing?.name ?? '');
  const [currency, setCurrency] = useState(existing?.currency ?? 'NOK');
  const [group, setGroup] = useState(existing?.customerGroup ?? '');
  const [campaign, setCampaign] = useState(existing?.campaign ?? false);
  const [validFrom, setValidFrom] = useState<string | null>(existing?.validFrom ?? null);
  const [validTo, setValidTo] = useState<string | null>(existing?.validTo ?? null);
  const [lines, setLines] = useState<ListLine[]>(() => linesOf(existing));
  // Lines are remounted after a new list is saved, so their item pickers start empty again.
  const [round, setRound] = useState(0);
  // The server numbers lines as sent (lines without an item left out); these are their places.
  const [sentAt, setSentAt] = useState<number[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(save.error);
  const lineError = (i: number, field: string) =>
    local[`${i}.${field}`] ?? serverErrors[`lines.${sentAt.indexOf(i)}.${field}`];
  const change = (i: number, patch: Partial<ListLine>) =>
    setLines((old) => old.map((l, k) => (k === i ? { ...l, ...patch } : l)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget)) return;
    const kept = lines.flatMap((l, i) => (l.itemId === null ? [] : [i]));
    const wrong: Record<string, string> = {};
    for (const i of kept) {
      const line = lines[i]!;
      if (parseAmount(line.price) === null) wrong[`${i}.price`] = t('inventory.prices.badPrice');
      if (line.minQuantity.trim() && parseQuantity(line.minQuantity) === null)
        wrong[`${i}.minQuantity`] = t('inventory.prices.badQuantity');
    }
    setLocal(wrong);
    if (Object.keys(wrong).length > 0) return;
    setSentAt(kept);
    save.mutate(
      {
        id: existing?.id ?? null,
        list: {
          name: name.trim(),
          currency: currency.trim().toUpperCase(),
          customerGroup: group.trim() || null,
          campaign,
          validFrom,
          validTo,
          lines: kept.map((i) => {
            const l = lines[i]!;
            return {
              itemId: l.itemId!,
              ...(l.minQuantity.trim() ? { minQuantity: parseQuantity(l.minQuantity)! } : {}),
              price: parseAmount(l.price)!,
            };
          }),
        },
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('inventory.prices.saved', { name: saved.name }));
          if (existing) {
            onDone?.();
            return;
          }
          setName('');
          setLines([emptyLine()]);
          setRound((r) => r + 1);
        },
      },
    );
  };
  const placed = [
    ...HEAD_FIELDS,
    ...sentAt.flatMap((_, k) => ['itemId', 'minQuantity', 'price'].map((f) => `lines.${k}.${f}`)),
  ];
  const title = existing
    ? t('inventory.prices.editTitle', { name: existing.name })
    : t('inventory.prices.newList');
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={title}
      onKeyDown={(event) => {
        // Esc leaves the form unsaved, unless it only closes an open item list.
        const target = event.target as HTMLElement;
        if (existing && event.key === 'Escape' && target.getAttribute('aria-expanded') !== 'true') {
          event.preventDefault();
          onDone?.();
        }
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {existing ? (
          <Text size="sm" c="dimmed">
            {t('inventory.prices.editHint')}
          </Text>
        ) : null}
        <Group align="flex-start">
          <TextInput
            ref={nameRef}
            label={t('inventory.prices.name')}
            value={name}
            error={serverErrors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={220}
          />
          <TextInput
            label={t('inventory.prices.currency')}
            value={currency}
            error={serverErrors.currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            w={90}
          />
          <TextInput
            label={t('inventory.prices.customerGroup')}
            value={group}
            error={serverErrors.customerGroup}
            onChange={(e) => setGroup(e.currentTarget.value)}
            w={150}
          />
          <DateField
            label={t('inventory.prices.validFrom')}
            value={validFrom}
            error={serverErrors.validFrom}
            onChange={setValidFrom}
            w={200}
          />
          <DateField
            label={t('inventory.prices.validTo')}
            value={validTo}
            error={serverErrors.validTo}
            onChange={setValidTo}
            w={200}
          />
          <Checkbox
            label={t('inventory.prices.campaign')}
            checked={campaign}
            onChange={(e) => setCampaign(e.currentTarget.checked)}
            mt={32}
          />
        </Group>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own.
          <Group key={`${round}-${i}`} align="flex-start">
            <ItemPicker
              label={t('inventory.movements.item')}
              value={line.itemId}
              known={line.known}
              error={lineError(i, 'itemId')}
              onChange={(item) => change(i, { itemId: item?.id ?? null })}
            />
            <TextInput
              label={t('inventory.prices.minQuantity')}
              value={line.minQuantity}
              error={lineError(i, 'minQuantity')}
              onChange={(e) => change(i, { minQuantity: e.currentTarget.value })}
              w={130}
            />
            <TextInput
              label={t('inventory.prices.price')}
              value={line.price}
              error={lineError(i, 'price')}
              onChange={(e) => change(i, { price: e.currentTarget.value })}
              w={130}
            />
            {lines.length > 1 ? (
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={t('inventory.prices.removeLine', { number: i + 1 })}
                onClick={() => {
                  setLines((old) => old.filter((_, k) => k !== i));
                  // Places shift when a line goes; old errors would point at the wrong line.
                  setLocal({});
                  setSentAt([]);
                  setRound((r) => r + 1);
                }}
              >
                {t('inventory.remove')}
              </Button>
            ) : null}
          </Group>
        ))}
        <Group>
          <Button variant="subtle" onClick={() => setLines((old) => [...old, emptyLine()])}>
            {t('inventory.movements.addLine')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {existing ? t('inventory.prices.saveChanges') : t('inventory.prices.saveList')}
          </Button>
          {existing ? (
            <Button variant="default" onClick={() => onDone?.()}>
              {t('inventory.prices.cancel')}
            </Button>
          ) : null}
        </Group>
        <ProblemAlert error={save.error} placedFields={placed} />
      </Stack>
    </form>
  );
}

function Discounts() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const discounts = useDiscounts(company.id);
  const groups = useGroups(company.id);
  const customers = useParties(company.id, 'customer');
  const add = useAddDiscount(company.id);
  const remove = useDeleteDiscount(company.id);
  const writer = canWrite(company, 'inventory');
  const [partyId, setPartyId] = useState('');
  const [customerGroup, setCustomerGroup] = useState('');
  const [itemGroupId, setItemGroupId] = useState('');
  const [percent, setPercent] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [validTo, setValidTo] = useState<string | null>(null);
  const groupName = (id: number | null) => {
    const g = groups.data?.groups.find((x) => x.id === id);
    return g ? `${g.code} ${g.name}` : t('inventory.prices.allItems');
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget)) return;
    add.mutate(
      {
        partyId: partyId ? Number(partyId) : null,
        customerGroup: customerGroup.trim() || null,
        itemGroupId: itemGroupId ? Number(itemGroupId) : null,
        percent: Number(percent.replace(',', '.')),
        validFrom,
        validTo,
      },
      { onSuccess: () => setPercent('') },
    );
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('inventory.prices.discounts')}
      </Title>
      {discounts.data?.discounts.length === 0 ? (
        <Text c="dimmed">{t('inventory.prices.noDiscounts')}</Text>
      ) : null}
      {discounts.data && discounts.data.discounts.length > 0 ? (
        <ReportTable label={t('inventory.prices.discounts')}>
          <Table.Tbody>
            {discounts.data.discounts.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {d.partyName ?? `${t('inventory.prices.group')} ${d.customerGroup}`}
                </Table.Td>
                <Table.Td>{groupName(d.itemGroupId)}</Table.Td>
                <Table.Td ta="right">{d.percent.toLocaleString('nb-NO')} %</Table.Td>
                <Table.Td>{span(d.validFrom, d.validTo)}</Table.Td>
                <Table.Td w={100}>
                  {writer ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove.mutate(d.id)}
                    >
                      {t('inventory.remove')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      ) : null}
      {writer ? (
        <form onSubmit={submit} noValidate aria-label={t('inventory.prices.newDiscount')}>
          <Group align="flex-start">
            <NativeSelect
              label={t('inventory.prices.customer')}
              data={[
                { value: '', label: '' },
                ...(customers.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
              ]}
              value={partyId}
              onChange={(e) => setPartyId(e.currentTarget.value)}
              w={220}
            />
            <TextInput
              label={t('inventory.prices.orCustomerGroup')}
              value={customerGroup}
              onChange={(e) => setCustomerGroup(e.currentTarget.value)}
              w={160}
            />
            <NativeSelect
              label={t('inventory.items.group')}
              data={[
                { value: '', label: t('inventory.prices.allItems') },
                ...(groups.data?.groups ?? []).map((g) => ({
                  value: String(g.id),
                  label: `${g.code} ${g.name}`,
                })),
              ]}
              value={itemGroupId}
              onChange={(e) => setItemGroupId(e.currentTarget.value)}
              w={200}
            />
            <DateField
              label={t('inventory.prices.validFrom')}
              value={validFrom}
              onChange={setValidFrom}
              w={200}
            />
            <DateField
              label={t('inventory.prices.validTo')}
              value={validTo}
              onChange={setValidTo}
              w={200}
            />
            <TextInput
              label={t('inventory.prices.percent')}
              value={percent}
              onChange={(e) => setPercent(e.currentTarget.value)}
              w={100}
            />
            <Button type="submit" loading={add.isPending} mt={25}>
              {t('inventory.prices.addDiscount')}
            </Button>
          </Group>
          <ProblemAlert error={add.error} />
        </form>
      ) : null}
    </Stack>
  );
}

function CustomerGroups() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const groups = useCustomerGroups(company.id);
  const customers = useParties(company.id, 'customer');
  const set = useSetCustomerGroup(company.id);
  const [partyId, setPartyId] = useState('');
  const [group, setGroup] = useState('');
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('inventory.prices.customerGroups')}
      </Title>
      <Text size="sm">
        {(groups.data?.customers ?? []).map((c) => `${c.name}: ${c.group}`).join(' · ') ||
          t('inventory.prices.noCustomerGroups')}
      </Text>
      {canWrite(company, 'inventory') ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (partyId) set.mutate({ partyId: Number(partyId), group: group.trim() || null });
          }}
        >
          <Group align="flex-end">
            <NativeSelect
              label={t('inventory.prices.customer')}
              data={[
                { value: '', label: '' },
                ...(customers.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
              ]}
              value={partyId}
              onChange={(e) => setPartyId(e.currentTarget.value)}
              w={220}
            />
            <TextInput
              label={t('inventory.prices.customerGroup')}
              value={group}
              onChange={(e) => setGroup(e.currentTarget.value)}
              w={160}
            />
            <Button type="submit" variant="light" loading={set.isPending}>
              {t('inventory.save')}
            </Button>
          </Group>
          <ProblemAlert error={set.error} />
        </form>
      ) : null}
    </Stack>
  );
}

function PriceLookup() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const customers = useParties(company.id, 'customer');
  const lookup = usePriceLookup(company.id);
  const [itemId, setItemId] = useState<number | null>(null);
  const [customerId, setCustomerId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [date, setDate] = useState<string | null>(todayIso());
  const [currency, setCurrency] = useState('NOK');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget) || itemId === null) return;
    lookup.mutate({
      itemId,
      ...(customerId ? { customerId: Number(customerId) } : {}),
      quantity: parseQuantity(quantity) ?? 1,
      // No date typed asks for today's price.
      date: date ?? todayIso(),
      currency: currency.trim().toUpperCase(),
    });
  };
  const p = lookup.data;
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-label={t('inventory.prices.lookup')}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('inventory.prices.lookup')}
          </Title>
          <Group align="flex-start">
            <ItemPicker
              label={t('inventory.movements.item')}
              value={itemId}
              onChange={(item) => setItemId(item?.id ?? null)}
            />
            <NativeSelect
              label={t('inventory.prices.customer')}
              data={[
                { value: '', label: '' },
                ...(customers.data ?? []).map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              value={customerId}
              onChange={(e) => setCustomerId(e.currentTarget.value)}
              w={200}
            />
            <TextInput
              label={t('inventory.movements.quantity')}
              value={quantity}
              onChange={(e) => setQuantity(e.currentTarget.value)}
              w={90}
            />
            <DateField
              label={t('inventory.movements.date')}
              value={date}
              onChange={setDate}
              w={200}
            />
            <TextInput
              label={t('inventory.prices.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              w={80}
            />
            <Button
              type="submit"
              variant="light"
              loading={lookup.isPending}
              disabled={itemId === null}
              mt={25}
            >
              {t('inventory.prices.check')}
            </Button>
          </Group>
          <ProblemAlert error={lookup.error} />
          {p ? (
            <Alert color="blue" variant="light" role="status">
              {t('inventory.prices.result', {
                price: `${formatAmount(p.unitPrice)} ${p.currency}`,
                source: t(`inventory.prices.sources.${p.source}`),
                percent: p.discountPercent.toLocaleString('nb-NO'),
                net: `${formatAmount(p.netPrice)} ${p.currency}`,
              })}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
