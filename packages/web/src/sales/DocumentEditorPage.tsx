import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type DocumentKind, isDocumentKind, sideOf } from '@nordbok/core';
import { type FormEvent, type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyPath, useAccounts } from '../accounting/api';
import { parseCurrencyCode, parseRate } from '../accounting/currency';
import { parseAmount, todayIso } from '../accounting/input';
import { api } from '../api/client';
import { useSignedIn } from '../auth/session';
import { useGroups, usePriceLookup } from '../inventory/api';
import { parseQuantity } from '../inventory/parts';
import type { Item, ItemDetail } from '../inventory/types';
import { hrefFor, navigate, useSearchParams } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useDocument, useSalesSettings, useSaveDocument } from './api';
import {
  amountText,
  buildDocument,
  CASH_KINDS,
  discountText,
  draftTotals,
  emptyLine,
  type HeaderDraft,
  headerFromDocument,
  isBlankLine,
  type LineColumn,
  type LineDraft,
  lineFromDocument,
  parseDiscount,
} from './draft';
import { documentListPath, documentPath, NEW_KINDS } from './kinds';
import { focusCell, LineGrid } from './LineGrid';
import { PartyPicker } from './PartyPicker';
import { useSalespeople } from './salespeopleApi';
import { Totals } from './Totals';
import type { Document, Side } from './types';

/** The editor for a new document (`documentId` null) or one that may still be changed. */
export function DocumentEditorPage({
  side,
  documentId,
}: {
  side: Side;
  documentId: number | null;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const params = useSearchParams();
  const existing = useDocument(company.id, documentId);
  if (documentId !== null) {
    if (existing.isPending) return <Loading />;
    if (existing.isError) return <LoadFailed error={existing.error} />;
    const doc = existing.data;
    const title = t('sales.editor.editTitle', {
      kind: t(`sales.kinds.${doc.kind}`).toLowerCase(),
      number: doc.number,
    });
    if (!doc.editable)
      return (
        <Page title={title}>
          <Alert color="yellow" variant="light">
            {t('sales.editor.notEditable')}{' '}
            <Anchor href={hrefFor(documentPath(doc.kind, doc.id))}>{t('sales.editor.back')}</Anchor>
          </Alert>
        </Page>
      );
    return (
      <Page title={title} wide>
        <DocumentForm key={doc.id} side={side} existing={doc} />
      </Page>
    );
  }
  const kindParam = params.get('kind') ?? '';
  const kind: DocumentKind =
    isDocumentKind(kindParam) && sideOf(kindParam) === side
      ? kindParam
      : side === 'sales'
        ? 'invoice'
        : 'bill';
  return <NewDocumentPage key={kind} side={side} kind={kind} />;
}

function NewDocumentPage({ side, kind: initial }: { side: Side; kind: DocumentKind }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(initial);
  return (
    <Page title={t(`sales.newTitles.${kind}`)} intro={t('sales.editor.intro')} wide>
      <DocumentForm side={side} existing={null} initialKind={initial} onKind={setKind} />
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

const HEADER_FIELDS = [
  'kind',
  'partyId',
  'date',
  'dueDate',
  'yourReference',
  'ourReference',
  'salespersonId',
  'externalNumber',
  'kid',
  'currency',
  'rate',
  'cash',
  'paymentAccount',
  'text',
] as const;

interface DocumentFormProps {
  side: Side;
  existing: Document | null;
  initialKind?: DocumentKind;
  onKind?: (kind: DocumentKind) => void;
}

function DocumentForm({ side, existing, initialKind, onKind }: DocumentFormProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const accounts = useAccounts(company.id);
  const groups = useGroups(company.id);
  const settings = useSalesSettings(company.id);
  const salespeople = useSalespeople(company.id);
  const lookup = usePriceLookup(company.id);
  const save = useSaveDocument(company.id, existing?.id ?? null);
  const partyField = useAutoFocus<HTMLInputElement>(existing === null);
  const grid = useRef<HTMLDivElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [header, setHeader] = useState<HeaderDraft>(() =>
    existing
      ? headerFromDocument(existing)
      : {
          kind: initialKind ?? (side === 'sales' ? 'invoice' : 'bill'),
          partyId: null,
          partyName: '',
          date: todayIso(),
          dueDate: null,
          ourReference: '',
          yourReference: '',
          salespersonId: null,
          currency: '',
          rate: '',
          text: '',
          cash: false,
          paymentAccount: '',
          externalNumber: '',
          kid: '',
        },
  );
  const [lines, setLines] = useState<LineDraft[]>(() =>
    existing && existing.lines.length > 0
      ? [...existing.lines.map(lineFromDocument), emptyLine()]
      : [emptyLine()],
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [sentFrom, setSentFrom] = useState<number[]>([]);
  const serverErrors = fieldErrorsOf(save.error);

  const set = (patch: Partial<HeaderDraft>) => setHeader((old) => ({ ...old, ...patch }));
  const changeLine = (index: number, patch: Partial<LineDraft>) =>
    setLines((old) => old.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  const lineError = (index: number, column: LineColumn) => {
    const local = localErrors[`${index}.${column}`];
    if (local) return local;
    const sent = sentFrom.indexOf(index);
    return sent === -1 ? undefined : serverErrors[`lines.${sent}.${API_FIELD[column]}`];
  };
  const placed = [
    ...HEADER_FIELDS,
    ...Object.keys(serverErrors).filter((path) => {
      const match = /^lines\.(\d+)\.(\w+)$/.exec(path);
      return match ? Object.values(API_FIELD).includes(match[2] ?? '') : false;
    }),
  ];

  const date = header.date ?? todayIso();
  const totals = useMemo(() => {
    try {
      return draftTotals(date, lines);
    } catch {
      return null;
    }
  }, [date, lines]);

  /** Choosing an item fills the line from it, and the price this customer gets from the lists. */
  const onItem = (index: number, item: Item | null) => {
    if (!item) return changeLine(index, { itemId: null, item: null });
    const group = groups.data?.groups.find((g) => g.id === item.groupId);
    const sales = side === 'sales';
    const line = lines[index];
    const quantity = line?.quantity.trim() ? line.quantity : '1';
    changeLine(index, {
      itemId: item.id,
      item: { id: item.id, number: item.number, name: item.name },
      description: item.name,
      unit: item.unit,
      quantity,
      price: amountText(sales ? item.salesPrice : item.costPrice),
      discount: '',
      vatCode:
        (sales
          ? (item.salesVatCode ?? group?.salesVatCode)
          : (item.purchaseVatCode ?? group?.purchaseVatCode)) ?? '',
      account:
        (sales
          ? (item.salesAccount ?? group?.salesAccount)
          : (item.purchaseAccount ?? group?.purchaseAccount)) ?? '',
      unitCost: item.costPrice,
    });
    const setPrice = (price: number, discount?: number) =>
      setLines((old) =>
        old.map((l, i) =>
          i === index && l.itemId === item.id
            ? {
                ...l,
                price: amountText(price),
                ...(discount === undefined ? {} : { discount: discountText(discount) }),
              }
            : l,
        ),
      );
    if (!sales) {
      // A purchase is priced at what this supplier charges for the item, when that is known.
      if (header.partyId === null) return;
      const supplierId = header.partyId;
      void api
        .get<ItemDetail>(companyPath(company.id, `/inventory/items/${item.id}`))
        .then((detail) => {
          const supplier = detail.suppliers.find((s) => s.partyId === supplierId);
          if (supplier) setPrice(supplier.price);
        })
        .catch(() => {});
      return;
    }
    lookup.mutate(
      {
        itemId: item.id,
        ...(header.partyId ? { customerId: header.partyId } : {}),
        quantity: parseQuantity(quantity) ?? 1,
        date,
        ...(header.currency.trim() ? { currency: header.currency.trim().toUpperCase() } : {}),
      },
      {
        onSuccess: (price) => setPrice(price.unitPrice, Math.round(price.discountPercent * 100)),
      },
    );
  };

  const validate = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (header.partyId === null)
      problems.partyId =
        side === 'sales' ? t('sales.editor.chooseCustomer') : t('sales.editor.chooseSupplier');
    if (header.currency.trim() && !parseCurrencyCode(header.currency))
      problems.currency = t('sales.editor.badCurrency');
    if (header.rate.trim() && !parseRate(header.rate)) problems.rate = t('sales.editor.badRate');
    lines.forEach((line, index) => {
      if (isBlankLine(line)) return;
      if (parseQuantity(line.quantity) === null)
        problems[`${index}.quantity`] = t('sales.editor.badQuantity');
      if (line.price.trim() && parseAmount(line.price) === null)
        problems[`${index}.price`] = t('sales.editor.badPrice');
      if (parseDiscount(line.discount) === null)
        problems[`${index}.discount`] = t('sales.editor.badDiscount');
    });
    return problems;
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const form = grid.current?.closest('form');
    if (form && focusUnreadableField(form)) return;
    const problems = validate();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      save.reset();
      return;
    }
    const built = buildDocument(header, lines);
    setSentFrom(built.sentFrom);
    save.mutate(built.document, {
      onSuccess: (doc) => {
        notifySuccess(
          t('sales.editor.saved', { kind: t(`sales.kinds.${doc.kind}`), number: doc.number }),
        );
        navigate(documentPath(doc.kind, doc.id));
      },
    });
  };

  /** Enter in the header moves on like Tab; Ctrl+Enter saves from anywhere. */
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
      return;
    }
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.altKey || event.shiftKey || !target.dataset.nav) return;
    event.preventDefault();
    const fields = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-nav]')].filter(
      (f) => !f.hasAttribute('disabled'),
    );
    const next = fields[fields.indexOf(target) + 1];
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement && next.type === 'text') next.select();
    } else focusCell(grid.current, 0, 'item');
  };

  const headerError = (field: string) => localErrors[field] ?? serverErrors[field];
  const kinds = NEW_KINDS[side].includes(header.kind)
    ? NEW_KINDS[side]
    : [header.kind, ...NEW_KINDS[side]];
  const purchaseBill = header.kind === 'bill' || header.kind === 'supplier_credit_note';
  const cashKind = CASH_KINDS.includes(header.kind);
  const currency = header.currency.trim().toUpperCase() || null;
  const nav = { 'data-nav': '' };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="md">
        <Group align="flex-start" gap="md">
          <NativeSelect
            {...nav}
            label={t('sales.editor.kind')}
            w={200}
            disabled={existing !== null}
            value={header.kind}
            data={kinds.map((k) => ({ value: k, label: t(`sales.kinds.${k}`) }))}
            onChange={(event) => {
              const kind = event.currentTarget.value as DocumentKind;
              set({ kind });
              onKind?.(kind);
            }}
            error={headerError('kind')}
          />
          <PartyPicker
            {...nav}
            ref={partyField}
            side={side}
            label={side === 'sales' ? t('sales.customer') : t('sales.supplier')}
            value={header.partyId}
            knownName={header.partyName}
            onChange={(party) => set({ partyId: party?.id ?? null, partyName: party?.name ?? '' })}
            error={headerError('partyId')}
            w={340}
            withAsterisk
          />
          <DateField
            {...nav}
            label={t('sales.editor.date')}
            w={180}
            value={header.date}
            onChange={(value) => set({ date: value })}
            error={headerError('date')}
            withAsterisk
          />
          <DateField
            {...nav}
            label={t('sales.editor.dueDate')}
            w={180}
            value={header.dueDate}
            onChange={(value) => set({ dueDate: value })}
            error={headerError('dueDate')}
          />
        </Group>
        <Group align="flex-start" gap="md">
          <TextInput
            {...nav}
            label={t('sales.editor.yourReference')}
            w={200}
            value={header.yourReference}
            onChange={(event) => set({ yourReference: event.currentTarget.value })}
            error={headerError('yourReference')}
          />
          <TextInput
            {...nav}
            label={t('sales.editor.ourReference')}
            w={200}
            value={header.ourReference}
            onChange={(event) => set({ ourReference: event.currentTarget.value })}
            error={headerError('ourReference')}
          />
          {side === 'sales' ? (
            <NativeSelect
              {...nav}
              label={t('salesPeople.report.salesperson')}
              w={220}
              value={header.salespersonId === null ? '' : String(header.salespersonId)}
              data={[
                { value: '', label: t('salesPeople.report.noSalesperson') },
                ...(salespeople.data ?? [])
                  .filter((p) => p.active || p.id === header.salespersonId)
                  .map((p) => ({ value: String(p.id), label: `${p.code} – ${p.name}` })),
              ]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                set({ salespersonId: value ? Number(value) : null });
              }}
              error={headerError('salespersonId')}
            />
          ) : null}
          {purchaseBill ? (
            <>
              <TextInput
                {...nav}
                label={t('sales.editor.externalNumber')}
                w={180}
                value={header.externalNumber}
                onChange={(event) => set({ externalNumber: event.currentTarget.value })}
                error={headerError('externalNumber')}
              />
              <TextInput
                {...nav}
                label={t('sales.editor.kid')}
                w={200}
                inputMode="numeric"
                value={header.kid}
                onChange={(event) => set({ kid: event.currentTarget.value })}
                error={headerError('kid')}
              />
            </>
          ) : null}
          <TextInput
            {...nav}
            label={t('sales.editor.currency')}
            placeholder="NOK"
            w={90}
            maxLength={3}
            value={header.currency}
            onChange={(event) => set({ currency: event.currentTarget.value.toUpperCase() })}
            error={headerError('currency')}
          />
          <TextInput
            {...nav}
            label={t('sales.editor.rate')}
            placeholder={currency ? t('sales.editor.rateOfDay') : undefined}
            disabled={!currency}
            w={130}
            inputMode="decimal"
            value={header.rate}
            onChange={(event) => set({ rate: event.currentTarget.value })}
            error={headerError('rate')}
          />
        </Group>
        {cashKind ? (
          <Group align="flex-end" gap="md">
            <Checkbox
              {...nav}
              label={side === 'sales' ? t('sales.editor.cashSale') : t('sales.editor.cashPurchase')}
              description={t('sales.editor.cashHint')}
              checked={header.cash}
              onChange={(event) => set({ cash: event.currentTarget.checked })}
              error={headerError('cash')}
            />
            {header.cash ? (
              <TextInput
                {...nav}
                label={t('sales.editor.paymentAccount')}
                placeholder={settings.data?.cashAccount ?? '1900'}
                w={160}
                inputMode="numeric"
                value={header.paymentAccount}
                onChange={(event) => set({ paymentAccount: event.currentTarget.value })}
                error={headerError('paymentAccount')}
              />
            ) : null}
          </Group>
        ) : null}
        <div ref={grid}>
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
        </div>
        <Text size="xs" c="dimmed">
          {t('sales.editor.keys')}
        </Text>
        {serverErrors.lines ? (
          <Text c="red" size="sm">
            {serverErrors.lines}
          </Text>
        ) : null}
        <Group align="flex-start" justify="space-between" gap="lg" wrap="nowrap">
          <Textarea
            label={t('sales.editor.text')}
            w={420}
            autosize
            minRows={3}
            value={header.text}
            onChange={(event) => set({ text: event.currentTarget.value })}
            error={headerError('text')}
          />
          {totals ? (
            <Stack gap={4} w={560}>
              <Totals
                totals={totals}
                currency={currency}
                showMargin={side === 'sales'}
                label={t('sales.totals.title')}
              />
              {totals.incomplete ? (
                <Text size="xs" c="dimmed" ta="right">
                  {t('sales.editor.incomplete')}
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </Group>
        <ProblemAlert
          error={save.error}
          title={t('sales.editor.saveFailed')}
          placedFields={placed}
        />
        <Group>
          <Button ref={saveButton} type="submit" loading={save.isPending} title="Ctrl+Enter">
            {t('sales.editor.save')}
          </Button>
          <Button
            variant="default"
            component="a"
            href={hrefFor(
              existing ? documentPath(existing.kind, existing.id) : documentListPath(side),
            )}
          >
            {t('sales.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
