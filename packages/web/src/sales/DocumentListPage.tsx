import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type DocumentKind, isDocumentKind } from '@nordbok/core';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountCell } from '../accounting/Amount';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
import { canWrite } from '../shell/areas';
import { hrefFor, navigate, usePath, useSearchParams } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useDocuments } from './api';
import { areaOfSide, documentPath, KINDS_OF_SIDE, NEW_KINDS, newDocumentPath } from './kinds';
import { STATUS_NAMES, StatusBadge, StatusLegend } from './status';
import type { DocumentSummary, Side } from './types';

/** The kind a new document gets from the list: the kind shown, else an invoice or a bill. */
function newKindFor(side: Side, kind: DocumentKind | undefined): DocumentKind {
  if (kind && NEW_KINDS[side].includes(kind)) return kind;
  return side === 'sales' ? 'invoice' : 'bill';
}

/**
 * The documents of one side (sales or purchasing): a tab per kind, filters for status, text
 * and dates, and the list a page at a time. Focus starts in the search field; arrow keys move
 * through the rows and Enter opens one; Alt+N starts a new document of the kind shown.
 */
export function DocumentListPage({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const path = usePath();
  const params = useSearchParams();
  const kindParam = params.get('kind') ?? '';
  const kind = isDocumentKind(kindParam) ? kindParam : undefined;
  const statusParam = params.get('status');
  const status = statusParam && /^\d$/.test(statusParam) ? Number(statusParam) : undefined;
  const from = params.get('from') || null;
  const to = params.get('to') || null;
  const unpaid = params.get('unpaid') === '1';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 200);
  const documents = useDocuments(company.id, {
    side,
    kind,
    status,
    from: from ?? undefined,
    to: to ?? undefined,
    q: q || undefined,
    unpaid: unpaid || undefined,
  });
  const items = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const total = documents.data?.pages[0]?.total ?? 0;
  const [active, setActive] = useState(0);
  const searchField = useAutoFocus<HTMLInputElement>();
  const writer = canWrite(company, areaOfSide(side));
  const newHref = hrefFor(newDocumentPath(side), { kind: newKindFor(side, kind) });

  const current = { kind, status, from, to, unpaid: unpaid ? '1' : undefined, q: search || '' };
  const go = (changes: Partial<Record<keyof typeof current, string | number | null | undefined>>) =>
    navigate(
      path,
      Object.fromEntries(
        Object.entries({ ...current, ...changes }).map(([key, value]) => [key, value ?? undefined]),
      ) as Record<string, string | number | undefined>,
    );

  // A new answer starts at its first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the query changes.
  useEffect(() => setActive(0), [q, kind, status, from, to, unpaid]);

  useEffect(() => {
    if (!writer) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        window.location.hash = newHref.slice(1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [writer, newHref]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && items[active]) {
      event.preventDefault();
      navigate(documentPath(items[active].kind, items[active].id));
    }
  };

  const title =
    side === 'sales' ? t('sales.pages.documents') : t('sales.purchasingPages.documents');
  return (
    <Page
      title={title}
      intro={t('sales.list.intro')}
      wide
      actions={
        <>
          <StatusLegend />
          {writer ? (
            <Button component="a" href={newHref} title="Alt+N">
              {t(`sales.newTitles.${newKindFor(side, kind)}`)}
            </Button>
          ) : null}
        </>
      }
    >
      <Tabs
        value={kind ?? 'all'}
        onChange={(value) => go({ kind: value === 'all' || !value ? undefined : value })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('sales.list.kind')}>
          <Tabs.Tab value="all">{t('sales.list.allKinds')}</Tabs.Tab>
          {KINDS_OF_SIDE[side].map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`sales.plural.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group align="flex-start" gap="md">
        <TextInput
          ref={searchField}
          label={t('sales.list.search')}
          placeholder={t('sales.list.searchHint')}
          w={300}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          aria-controls="document-results"
          aria-activedescendant={items[active] ? `document-${items[active].id}` : undefined}
        />
        <NativeSelect
          label={t('sales.list.status')}
          w={210}
          value={status === undefined ? '' : String(status)}
          onChange={(event) => go({ status: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('sales.list.allStatuses') },
            ...STATUS_NAMES.map((name, i) => ({
              value: String(i),
              label: `${i} ${t(`sales.statuses.${name}`)}`,
            })),
          ]}
        />
        <DateField
          label={t('sales.list.from')}
          w={170}
          value={from}
          onChange={(value) => go({ from: value })}
        />
        <DateField
          label={t('sales.list.to')}
          w={170}
          value={to}
          onChange={(value) => go({ to: value })}
        />
        <Checkbox
          mt={32}
          label={t('sales.list.unpaid')}
          checked={unpaid}
          onChange={(event) => go({ unpaid: event.currentTarget.checked ? '1' : undefined })}
        />
      </Group>
      {documents.isPending ? <Loading /> : null}
      {documents.isError ? <LoadFailed error={documents.error} /> : null}
      {documents.data ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('sales.list.count', { shown: items.length, total })}
          </Text>
          <DocumentTable
            side={side}
            items={items}
            showKind={kind === undefined}
            active={active}
            onHover={setActive}
          />
          {documents.hasNextPage ? (
            <Group>
              <Button
                variant="default"
                loading={documents.isFetchingNextPage}
                onClick={() => void documents.fetchNextPage()}
              >
                {t('sales.list.more')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

interface DocumentTableProps {
  side: Side;
  items: DocumentSummary[];
  showKind: boolean;
  active: number;
  onHover: (index: number) => void;
}

function DocumentTable({ side, items, showKind, active, onHover }: DocumentTableProps) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('sales.list.none')}</Text>;
  return (
    <div id="document-results">
      <ReportTable label={t('sales.list.documents')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('sales.list.number')}</Table.Th>
            {showKind ? <Table.Th w={150}>{t('sales.list.kindColumn')}</Table.Th> : null}
            <Table.Th w={105}>{t('sales.list.date')}</Table.Th>
            <Table.Th w={105}>{t('sales.list.dueDate')}</Table.Th>
            <Table.Th>{side === 'sales' ? t('sales.customer') : t('sales.supplier')}</Table.Th>
            <Table.Th>{t('sales.list.reference')}</Table.Th>
            <Table.Th ta="right">{t('sales.list.net')}</Table.Th>
            <Table.Th ta="right">{t('sales.list.gross')}</Table.Th>
            <Table.Th ta="right">{t('sales.list.open')}</Table.Th>
            <Table.Th w={190}>{t('sales.list.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d, index) => (
            <Table.Tr
              key={d.id}
              id={`document-${d.id}`}
              aria-selected={index === active}
              bg={index === active ? 'var(--mantine-primary-color-light)' : undefined}
              onMouseEnter={() => onHover(index)}
            >
              <Table.Td>
                <Anchor href={hrefFor(documentPath(d.kind, d.id))}>{d.number}</Anchor>
              </Table.Td>
              {showKind ? <Table.Td>{t(`sales.kinds.${d.kind}`)}</Table.Td> : null}
              <Table.Td>{formatDate(d.date)}</Table.Td>
              <Table.Td>{d.dueDate ? formatDate(d.dueDate) : ''}</Table.Td>
              <Table.Td>{d.partyName}</Table.Td>
              <Table.Td>{d.yourReference}</Table.Td>
              <AmountCell ore={d.net} />
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <CurrencyAmount ore={d.gross} currency={d.currency} />
              </Table.Td>
              <AmountCell ore={d.open} blankZero />
              <Table.Td>
                <StatusBadge status={d.status} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ReportTable>
    </div>
  );
}

/** An amount with its currency code when it is not in kroner. */
export function CurrencyAmount({ ore, currency }: { ore: number; currency: string | null }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatAmount(ore)}
      {currency ? ` ${currency}` : ''}
    </span>
  );
}
