import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { RECURRENCE_INTERVALS, type RecurrenceInterval } from '@nordbok/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyPath, useAccounts } from '../accounting/api';
import { parseAmount, todayIso } from '../accounting/input';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { useGroups } from '../inventory/api';
import { formatQuantity, parseQuantity } from '../inventory/parts';
import type { Item } from '../inventory/types';
import { hrefFor, navigate } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useAutoFocus } from '../ui/useAutoFocus';
import {
  amountText,
  discountText,
  draftTotals,
  emptyLine,
  isBlankLine,
  type LineColumn,
  type LineDraft,
  newLineKey,
  parseDiscount,
} from './draft';
import { LineGrid } from './LineGrid';
import { PartyPicker } from './PartyPicker';
import { SALES_PATHS } from './paths';
import {
  type Recurring,
  type RecurringInput,
  type RecurringKind,
  useRecurring,
  useRecurringMutation,
} from './RecurringPage';
import { Totals } from './Totals';
import type { NewLine } from './types';

/** The form for a new recurring document (`recurringId` null) or a saved one. */
export function RecurringEditorPage({ recurringId }: { recurringId: number | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const existing = useRecurring(company.id, recurringId);
  if (recurringId !== null) {
    if (existing.isPending) return <Loading />;
    if (existing.isError) return <LoadFailed error={existing.error} />;
    return (
      <Page
        title={t('salesRecurring.editor.editTitle', { name: existing.data.description })}
        intro={t('salesRecurring.editor.intro')}
        wide
      >
        <RecurringForm key={existing.data.id} existing={existing.data} />
      </Page>
    );
  }
  return (
    <Page title={t('salesRecurring.editor.newTitle')} intro={t('salesRecurring.editor.intro')} wide>
      <RecurringForm existing={null} />
    </Page>
  );
}

/** Server field names of a line, by the grid's column names. */
const API_FIELD: Record<LineColumn, string> = {
  item: 'itemId',
  description: 'description',
  quantity: 'quantity',
  unit: 'unit',
  price: 'unitPrice',
  discount: 'discount',
  vatCode: 'vatCode',
  account: 'account',
};

function draftOf(line: NewLine): LineDraft {
  return {
    key: newLineKey(),
    itemId: line.itemId ?? null,
    item: line.itemId ? { id: line.itemId, number: '', name: line.description ?? '' } : null,
    description: line.description ?? '',
    quantity: formatQuantity(line.quantity).replace(/[\s\u00a0]/g, ''),
    unit: line.unit ?? '',
    price: line.unitPrice === undefined ? '' : amountText(line.unitPrice),
    discount: line.discount === undefined ? '' : discountText(line.discount),
    vatCode: line.vatCode ?? '',
    account: line.account ?? '',
    unitCost: null,
  };
}

/**
 * The lines as the API stores them. An empty price or discount is left out, so each document
 * takes the customer's price and discount on its own date.
 */
function buildLines(lines: readonly LineDraft[]) {
  const sentFrom: number[] = [];
  const sent: NewLine[] = [];
  lines.forEach((line, index) => {
    if (isBlankLine(line)) return;
    sentFrom.push(index);
    const out: NewLine = { quantity: parseQuantity(line.quantity) ?? Number.NaN };
    if (line.itemId !== null) out.itemId = line.itemId;
    if (line.description.trim()) out.description = line.description.trim();
    if (line.unit.trim()) out.unit = line.unit.trim();
    if (line.price.trim()) out.unitPrice = parseAmount(line.price) ?? Number.NaN;
    if (line.discount.trim()) out.discount = parseDiscount(line.discount) ?? Number.NaN;
    if (line.vatCode.trim()) out.vatCode = line.vatCode.trim();
    if (line.account.trim()) out.account = line.account.trim();
    sent.push(out);
  });
  return { lines: sent, sentFrom };
}

function RecurringForm({ existing }: { existing: Recurring | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const groups = useGroups(company.id);
  const partyField = useAutoFocus<HTMLInputElement>(existing === null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [party, setParty] = useState<{ id: number; name: string } | null>(
    existing ? { id: existing.partyId, name: existing.partyName } : null,
  );
  const [kind, setKind] = useState<RecurringKind>(existing?.kind ?? 'invoice');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [interval, setInterval] = useState<RecurrenceInterval>(existing?.interval ?? 'monthly');
  const [nextDate, setNextDate] = useState<string | null>(existing?.nextDate ?? todayIso());
  const [endDate, setEndDate] = useState<string | null>(existing?.endDate ?? null);
  const [active, setActive] = useState(existing?.active ?? true);
  const [lines, setLines] = useState<LineDraft[]>(() => [
    ...(existing?.lines ?? []).map(draftOf),
    emptyLine(),
  ]);
  const [sentFrom, setSentFrom] = useState<number[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useRecurringMutation(company.id, (input: RecurringInput) =>
    existing
      ? api.put<Recurring>(companyPath(company.id, `/recurring/${existing.id}`), input)
      : api.post<Recurring>(companyPath(company.id, '/recurring'), input),
  );
  const remove = useRecurringMutation(company.id, () =>
    api.delete(companyPath(company.id, `/recurring/${existing?.id}`)),
  );
  const serverErrors = fieldErrorsOf(save.error);
  const date = nextDate ?? todayIso();
  const totals = useMemo(() => {
    try {
      return draftTotals(date, lines);
    } catch {
      return null;
    }
  }, [date, lines]);

  const changeLine = (index: number, patch: Partial<LineDraft>) =>
    setLines((old) => old.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const lineError = (index: number, column: LineColumn) => {
    const local = localErrors[`${index}.${column}`];
    if (local) return local;
    const sent = sentFrom.indexOf(index);
    return sent === -1 ? undefined : serverErrors[`lines.${sent}.${API_FIELD[column]}`];
  };
  const placed = [
    'partyId',
    'kind',
    'description',
    'interval',
    'nextDate',
    'endDate',
    ...Object.keys(serverErrors).filter((path) => /^lines\.\d+\.\w+$/.test(path)),
  ];

  /** Choosing an item fills the line from it; the price is left to the customer's price lists. */
  const onItem = (index: number, item: Item | null) => {
    if (!item) return changeLine(index, { itemId: null, item: null });
    const group = groups.data?.groups.find((g) => g.id === item.groupId);
    const line = lines[index];
    changeLine(index, {
      itemId: item.id,
      item: { id: item.id, number: item.number, name: item.name },
      description: item.name,
      unit: item.unit,
      quantity: line?.quantity.trim() ? line.quantity : '1',
      price: '',
      discount: '',
      vatCode: item.salesVatCode ?? group?.salesVatCode ?? '',
      account: item.salesAccount ?? group?.salesAccount ?? '',
      unitCost: item.costPrice,
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const form = saveButton.current?.closest('form');
    if (form && focusUnreadableField(form)) return;
    const problems: Record<string, string> = {};
    if (!party) problems.partyId = t('salesRecurring.editor.chooseCustomer');
    lines.forEach((line, index) => {
      if (isBlankLine(line)) return;
      if (parseQuantity(line.quantity) === null)
        problems[`${index}.quantity`] = t('sales.editor.badQuantity');
      if (line.price.trim() && parseAmount(line.price) === null)
        problems[`${index}.price`] = t('sales.editor.badPrice');
      if (parseDiscount(line.discount) === null)
        problems[`${index}.discount`] = t('sales.editor.badDiscount');
    });
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      save.reset();
      return;
    }
    const built = buildLines(lines);
    setSentFrom(built.sentFrom);
    save.mutate(
      {
        partyId: party?.id ?? 0,
        kind,
        description: description.trim(),
        interval,
        nextDate: nextDate ?? '',
        endDate,
        active,
        lines: built.lines,
      },
      {
        onSuccess: () => {
          notifySuccess(t('salesRecurring.editor.saved'));
          navigate(SALES_PATHS.recurring);
        },
      },
    );
  };

  const headerError = (field: string) => localErrors[field] ?? serverErrors[field];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group align="flex-start" gap="md">
          <PartyPicker
            ref={partyField}
            side="sales"
            label={t('salesRecurring.customer')}
            value={party?.id ?? null}
            knownName={party?.name ?? ''}
            onChange={setParty}
            error={headerError('partyId')}
            w={340}
            withAsterisk
          />
          <TextInput
            label={t('salesRecurring.description')}
            w={340}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={headerError('description')}
            withAsterisk
          />
          <NativeSelect
            label={t('salesRecurring.kind')}
            w={140}
            value={kind}
            data={(['invoice', 'order'] as const).map((k) => ({
              value: k,
              label: t(`salesRecurring.kinds.${k}`),
            }))}
            onChange={(event) => setKind(event.currentTarget.value as RecurringKind)}
            error={headerError('kind')}
          />
        </Group>
        <Group align="flex-start" gap="md">
          <NativeSelect
            label={t('salesRecurring.interval')}
            w={200}
            value={interval}
            data={RECURRENCE_INTERVALS.map((i) => ({
              value: i,
              label: t(`salesRecurring.intervals.${i}`),
            }))}
            onChange={(event) => setInterval(event.currentTarget.value as RecurrenceInterval)}
            error={headerError('interval')}
          />
          <DateField
            label={t('salesRecurring.nextDate')}
            w={180}
            value={nextDate}
            onChange={setNextDate}
            error={headerError('nextDate')}
            withAsterisk
          />
          <DateField
            label={t('salesRecurring.endDate')}
            w={180}
            value={endDate}
            onChange={setEndDate}
            error={headerError('endDate')}
          />
          <Checkbox
            mt={30}
            label={t('salesRecurring.active')}
            description={t('salesRecurring.editor.activeHint')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        </Group>
        <LineGrid
          lines={lines}
          date={date}
          accounts={accounts.data ?? []}
          errors={lineError}
          onChange={changeLine}
          onItem={onItem}
          onAdd={() => setLines((old) => [...old, emptyLine()])}
          onRemove={(index) =>
            setLines((old) => {
              const rest = old.filter((_, i) => i !== index);
              return rest.length > 0 ? rest : [emptyLine()];
            })
          }
          onFinished={() => saveButton.current?.focus()}
        />
        <Text size="xs" c="dimmed">
          {t('salesRecurring.editor.emptyPrice')}
        </Text>
        {serverErrors.lines ? (
          <Text c="red" size="sm">
            {serverErrors.lines}
          </Text>
        ) : null}
        {totals ? (
          <Group justify="flex-end">
            <Stack gap={4} w={560}>
              <Totals
                totals={totals}
                currency={null}
                showMargin={false}
                label={t('sales.totals.title')}
              />
              {totals.incomplete ? (
                <Text size="xs" c="dimmed" ta="right">
                  {t('sales.editor.incomplete')}
                </Text>
              ) : null}
            </Stack>
          </Group>
        ) : null}
        <ProblemAlert
          error={save.error ?? remove.error}
          title={t('salesRecurring.editor.saveFailed')}
          placedFields={placed}
        />
        <Group>
          <Button ref={saveButton} type="submit" loading={save.isPending}>
            {t('salesRecurring.editor.save')}
          </Button>
          {existing ? (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (!window.confirm(t('salesRecurring.editor.confirmDelete'))) return;
                remove.mutate(undefined, {
                  onSuccess: () => {
                    notifySuccess(t('salesRecurring.editor.deleted'));
                    navigate(SALES_PATHS.recurring);
                  },
                });
              }}
            >
              {t('salesRecurring.editor.delete')}
            </Button>
          ) : null}
          <Anchor href={hrefFor(SALES_PATHS.recurring)}>{t('salesRecurring.editor.back')}</Anchor>
        </Group>
      </Stack>
    </form>
  );
}
