import { Badge, Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { formatOrgNumber } from '../format';
import { canWrite } from '../shell/areas';
import { hrefFor, navigate, usePath, useSearchParams } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useContactSearch } from './api';
import { CONTACT_PATHS, contactPath } from './paths';
import type { ContactRole, ContactSummary } from './types';

const ROLES: (ContactRole | 'all')[] = ['all', 'customer', 'supplier', 'lead'];

/** Waits until typing pauses, so each key press does not send a request. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The contact register: search as you type (focus starts in the search field), arrow keys
 * move through the hits and Enter opens the contact card; Alt+N makes a new contact.
 */
export function ContactListPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const params = useSearchParams();
  const path = usePath();
  const role = (params.get('role') as ContactRole | null) ?? null;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search, 150);
  const contacts = useContactSearch(company.id, q, role);
  const [active, setActive] = useState(0);
  const searchField = useRef<HTMLInputElement>(null);
  const items = contacts.data?.items ?? [];
  const writer = canWrite(company, 'contacts');

  useEffect(() => {
    searchField.current?.focus();
  }, []);
  // A new answer starts at its first hit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the query changes.
  useEffect(() => setActive(0), [q, role]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && items[active]) {
      event.preventDefault();
      navigate(contactPath(items[active].id));
    }
  };

  useEffect(() => {
    if (!writer) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        navigate(CONTACT_PATHS.newContact);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [writer]);

  return (
    <Page
      title={t('contacts.pages.list')}
      intro={t('contacts.listIntro')}
      wide
      actions={
        writer ? (
          <Button component="a" href={hrefFor(CONTACT_PATHS.newContact)} title="Alt+N">
            {t('contacts.newContact')}
          </Button>
        ) : null
      }
    >
      <Group align="flex-end" gap="md">
        <TextInput
          ref={searchField}
          label={t('contacts.search')}
          placeholder={t('contacts.searchHint')}
          w={340}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          aria-controls="contact-results"
          aria-activedescendant={items[active] ? `contact-${items[active].id}` : undefined}
        />
        <SegmentedControl
          aria-label={t('contacts.field.kind')}
          value={role ?? 'all'}
          onChange={(value) =>
            navigate(path, { role: value === 'all' ? undefined : value, q: search || undefined })
          }
          data={ROLES.map((r) => ({ value: r, label: t(`contacts.filter.${r}`) }))}
        />
      </Group>
      {contacts.isPending ? <Loading /> : null}
      {contacts.isError ? <LoadFailed error={contacts.error} /> : null}
      {contacts.data ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('contacts.count', { shown: items.length, total: contacts.data.total })}
          </Text>
          <ContactTable items={items} active={active} onHover={setActive} />
        </>
      ) : null}
    </Page>
  );
}

function ContactTable({
  items,
  active,
  onHover,
}: {
  items: ContactSummary[];
  active: number;
  onHover: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('contacts.none')}</Text>;
  return (
    <Table
      id="contact-results"
      highlightOnHover
      striped={false}
      aria-label={t('contacts.pages.list')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('contacts.field.name')}</Table.Th>
          <Table.Th w={110}>{t('contacts.field.customerNumber')}</Table.Th>
          <Table.Th w={110}>{t('contacts.field.supplierNumber')}</Table.Th>
          <Table.Th w={140}>{t('contacts.field.orgNumber')}</Table.Th>
          <Table.Th>{t('contacts.field.email')}</Table.Th>
          <Table.Th w={140}>{t('contacts.field.phone')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c, index) => (
          <Table.Tr
            key={c.id}
            id={`contact-${c.id}`}
            aria-selected={index === active}
            bg={index === active ? 'var(--mantine-primary-color-light)' : undefined}
            onMouseEnter={() => onHover(index)}
          >
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <a href={hrefFor(contactPath(c.id))}>{c.name}</a>
                {c.kind === 'person' ? (
                  <Badge size="xs" variant="outline">
                    {t('contacts.kind.person')}
                  </Badge>
                ) : null}
                {c.isLead ? (
                  <Badge size="xs" color="orange" variant="light">
                    {c.leadStatus ?? t('contacts.roles.lead')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>{c.customerNumber ?? ''}</Table.Td>
            <Table.Td>{c.supplierNumber ?? ''}</Table.Td>
            <Table.Td>{c.orgNumber ? formatOrgNumber(c.orgNumber) : ''}</Table.Td>
            <Table.Td>{c.email ?? ''}</Table.Td>
            <Table.Td>{c.phone ? formatPhone(c.phone) : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A Norwegian number the way it is written: mobiles (4, 9) as 900 12 345, others as
 * 55 31 20 00; other countries as stored (E.164).
 */
export function formatPhone(phone: string): string {
  const m = /^\+47(\d{8})$/.exec(phone);
  if (!m?.[1]) return phone;
  const d = m[1];
  return /^[49]/.test(d)
    ? `+47 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `+47 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}
