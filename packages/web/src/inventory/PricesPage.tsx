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
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
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

/** Priser og rabatter: price lists, campaigns, discounts, customer groups and a price check. */
export function PricesPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'inventory');
  return (
    <Page title={t('inventory.pages.prices')} intro={t('inventory.prices.intro')} wide>
      <PriceLookup />
      <PriceLists />
      {writer ? <NewPriceList /> : null}
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
      {lists.data?.priceLists.map((l) => (
        <Paper key={l.id} withBorder p="sm" radius="md">
          <Text fw={600}>
            {l.name} · {l.currency}
            {l.customerGroup ? ` · ${t('inventory.prices.group')} ${l.customerGroup}` : ''}
            {l.campaign ? ` · ${t('inventory.prices.campaign')}` : ''}{' '}
            {span(l.validFrom, l.validTo)}
          </Text>
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
      ))}
    </Stack>
  );
}

interface ListLine {
  itemId: number | null;
  minQuantity: string;
  price: string;
}

function NewPriceList() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSavePriceList(company.id);
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('NOK');
  const [group, setGroup] = useState('');
  const [campaign, setCampaign] = useState(false);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [lines, setLines] = useState<ListLine[]>([{ itemId: null, minQuantity: '', price: '' }]);
  const [round, setRound] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: null,
        list: {
          name: name.trim(),
          currency: currency.trim().toUpperCase(),
          customerGroup: group.trim() || null,
          campaign,
          validFrom: validFrom || null,
          validTo: validTo || null,
          lines: lines
            .filter((l) => l.itemId !== null)
            .map((l) => ({
              itemId: l.itemId!,
              ...(l.minQuantity.trim() ? { minQuantity: parseQuantity(l.minQuantity) ?? -1 } : {}),
              price: parseAmount(l.price) ?? -1,
            })),
        },
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('inventory.prices.saved', { name: saved.name }));
          setName('');
          setLines([{ itemId: null, minQuantity: '', price: '' }]);
          setRound((r) => r + 1);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('inventory.prices.newList')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('inventory.prices.newList')}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t('inventory.prices.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={220}
          />
          <TextInput
            label={t('inventory.prices.currency')}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            w={90}
          />
          <TextInput
            label={t('inventory.prices.customerGroup')}
            value={group}
            onChange={(e) => setGroup(e.currentTarget.value)}
            w={150}
          />
          <TextInput
            label={t('inventory.prices.validFrom')}
            type="date"
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
            w={160}
          />
          <TextInput
            label={t('inventory.prices.validTo')}
            type="date"
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
            w={160}
          />
          <Checkbox
            label={t('inventory.prices.campaign')}
            checked={campaign}
            onChange={(e) => setCampaign(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity until saved.
          <Group key={`${round}-${i}`} align="flex-end">
            <ItemPicker
              label={t('inventory.movements.item')}
              value={line.itemId}
              onChange={(item) =>
                setLines((old) =>
                  old.map((l, k) => (k === i ? { ...l, itemId: item?.id ?? null } : l)),
                )
              }
            />
            <TextInput
              label={t('inventory.prices.minQuantity')}
              value={line.minQuantity}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setLines((old) => old.map((l, k) => (k === i ? { ...l, minQuantity: v } : l)));
              }}
              w={130}
            />
            <TextInput
              label={t('inventory.prices.price')}
              value={line.price}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setLines((old) => old.map((l, k) => (k === i ? { ...l, price: v } : l)));
              }}
              w={130}
            />
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            onClick={() =>
              setLines((old) => [...old, { itemId: null, minQuantity: '', price: '' }])
            }
          >
            {t('inventory.movements.addLine')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('inventory.prices.saveList')}
          </Button>
        </Group>
        <ProblemAlert error={save.error} />
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
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const groupName = (id: number | null) => {
    const g = groups.data?.groups.find((x) => x.id === id);
    return g ? `${g.code} ${g.name}` : t('inventory.prices.allItems');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        partyId: partyId ? Number(partyId) : null,
        customerGroup: customerGroup.trim() || null,
        itemGroupId: itemGroupId ? Number(itemGroupId) : null,
        percent: Number(percent.replace(',', '.')),
        validFrom: validFrom || null,
        validTo: validTo || null,
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
            <TextInput
              label={t('inventory.prices.validFrom')}
              type="date"
              value={validFrom}
              onChange={(e) => setValidFrom(e.currentTarget.value)}
              w={160}
            />
            <TextInput
              label={t('inventory.prices.validTo')}
              type="date"
              value={validTo}
              onChange={(e) => setValidTo(e.currentTarget.value)}
              w={160}
            />
            <TextInput
              label={t('inventory.prices.percent')}
              value={percent}
              onChange={(e) => setPercent(e.currentTarget.value)}
              w={100}
            />
            <Button type="submit" loading={add.isPending}>
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
  const [date, setDate] = useState(todayIso());
  const [currency, setCurrency] = useState('NOK');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (itemId === null) return;
    lookup.mutate({
      itemId,
      ...(customerId ? { customerId: Number(customerId) } : {}),
      quantity: parseQuantity(quantity) ?? 1,
      date,
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
          <Group align="flex-end">
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
            <TextInput
              label={t('inventory.movements.date')}
              type="date"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              w={160}
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
