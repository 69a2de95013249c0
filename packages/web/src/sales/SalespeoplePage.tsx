import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmount, todayIso } from '../accounting/input';
import { ReportTable } from '../accounting/reports/ReportParts';
import { useSignedIn } from '../auth/session';
import { formatAmount, monthNames } from '../format';
import { canWrite } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { amountText } from './draft';
import {
  type Budget,
  type Salesperson,
  useBudget,
  useDeleteSalesperson,
  useSalespeople,
  useSalespersonUsers,
  useSaveBudget,
  useSaveSalesperson,
} from './salespeopleApi';

interface Draft {
  id: number | null;
  code: string;
  name: string;
  userId: string;
  active: boolean;
}

const emptyDraft: Draft = { id: null, code: '', name: '', userId: '', active: true };

/** Selgere: the salespeople, a form to add or change one, and the chosen one's budget. */
export function SalespeoplePage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'settings');
  const people = useSalespeople(company.id);
  const remove = useDeleteSalesperson(company.id);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [budgetFor, setBudgetFor] = useState<Salesperson | null>(null);
  const list = people.data ?? [];

  const edit = (p: Salesperson) =>
    setDraft({
      id: p.id,
      code: p.code,
      name: p.name,
      userId: p.userId ? String(p.userId) : '',
      active: p.active,
    });
  const del = (p: Salesperson) => {
    if (!window.confirm(t('salesPeople.people.confirmDelete', { name: p.name }))) return;
    remove.mutate(p.id, {
      onSuccess: () => {
        notifySuccess(t('salesPeople.people.deleted', { name: p.name }));
        if (budgetFor?.id === p.id) setBudgetFor(null);
        if (draft.id === p.id) setDraft(emptyDraft);
      },
    });
  };

  return (
    <Page title={t('sales.pages.salespeople')} intro={t('salesPeople.people.intro')} wide>
      {people.isPending ? <Loading /> : null}
      {people.isError ? <LoadFailed error={people.error} /> : null}
      {people.data && list.length === 0 ? (
        <Text c="dimmed">{t('salesPeople.people.none')}</Text>
      ) : null}
      {list.length > 0 ? (
        <ReportTable label={t('sales.pages.salespeople')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('salesPeople.people.code')}</Table.Th>
              <Table.Th>{t('salesPeople.people.name')}</Table.Th>
              <Table.Th>{t('salesPeople.people.user')}</Table.Th>
              <Table.Th w={110}>{t('salesPeople.people.status')}</Table.Th>
              <Table.Th w={260} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id} bg={budgetFor?.id === p.id ? 'blue.0' : undefined}>
                <Table.Td>{p.code}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.userName ?? ''}</Table.Td>
                <Table.Td>
                  <Badge color={p.active ? 'green' : 'gray'} variant="light">
                    {p.active ? t('salesPeople.people.active') : t('salesPeople.people.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setBudgetFor(p)}
                      aria-label={`${t('salesPeople.people.budget')} ${p.name}`}
                    >
                      {t('salesPeople.people.budget')}
                    </Button>
                    {writer ? (
                      <>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => edit(p)}
                          aria-label={`${t('salesPeople.people.change')} ${p.name}`}
                        >
                          {t('salesPeople.people.change')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => del(p)}
                          aria-label={`${t('salesPeople.people.delete')} ${p.name}`}
                        >
                          {t('salesPeople.people.delete')}
                        </Button>
                      </>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ReportTable>
      ) : null}
      <ProblemAlert error={remove.error} />
      {writer ? (
        <SalespersonForm
          key={draft.id ?? 'new'}
          draft={draft}
          onDone={() => setDraft(emptyDraft)}
        />
      ) : null}
      {budgetFor ? (
        <BudgetGrid key={budgetFor.id} person={budgetFor} writer={writer} />
      ) : list.length > 0 ? (
        <Text c="dimmed" size="sm">
          {t('salesPeople.budget.choose')}
        </Text>
      ) : null}
    </Page>
  );
}

function SalespersonForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveSalesperson(company.id);
  const users = useSalespersonUsers(company.id, true);
  const [f, setF] = useState<Draft>(draft);
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: f.id,
        code: f.code.trim(),
        name: f.name.trim(),
        userId: f.userId ? Number(f.userId) : null,
        active: f.active,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('salesPeople.people.saved', { name: saved.name }));
          setF(emptyDraft);
          onDone();
        },
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {f.id === null
              ? t('salesPeople.people.new')
              : t('salesPeople.people.edit', { name: draft.name })}
          </Title>
          <Group align="flex-start">
            <TextInput
              label={t('salesPeople.people.code')}
              value={f.code}
              onChange={(e) => {
                const code = e.currentTarget.value;
                setF((old) => ({ ...old, code }));
              }}
              error={errors.code}
              maxLength={20}
              w={120}
              required
            />
            <TextInput
              label={t('salesPeople.people.name')}
              value={f.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setF((old) => ({ ...old, name }));
              }}
              error={errors.name}
              maxLength={100}
              w={260}
              required
            />
            <NativeSelect
              label={t('salesPeople.people.user')}
              value={f.userId}
              onChange={(e) => {
                const userId = e.currentTarget.value;
                setF((old) => ({ ...old, userId }));
              }}
              error={errors.userId}
              data={[
                { value: '', label: t('salesPeople.people.noUser') },
                ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
              ]}
              w={240}
            />
          </Group>
          <Checkbox
            label={t('salesPeople.people.active')}
            checked={f.active}
            onChange={(e) => {
              const active = e.currentTarget.checked;
              setF((old) => ({ ...old, active }));
            }}
          />
          <ProblemAlert error={save.error} placedFields={['code', 'name', 'userId']} />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {f.id === null ? t('salesPeople.people.add') : t('salesPeople.people.save')}
            </Button>
            {f.id !== null ? (
              <Button variant="default" onClick={onDone}>
                {t('salesPeople.people.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Twelve months of one salesperson's budget for a year, typed in kroner. */
function BudgetGrid({ person, writer }: { person: Salesperson; writer: boolean }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [year, setYear] = useState(() => Number(todayIso().slice(0, 4)));
  const budget = useBudget(company.id, person.id, year);
  const years = Array.from({ length: 5 }, (_, i) => year - 2 + i);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('salesPeople.budget.title', { name: person.name })}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('salesPeople.budget.title', { name: person.name })}
          </Title>
          <NativeSelect
            label={t('salesPeople.budget.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={years.map(String)}
            w={110}
          />
        </Group>
        {budget.isPending ? <Loading /> : null}
        {budget.isError ? <LoadFailed error={budget.error} /> : null}
        {budget.data ? (
          <BudgetForm
            key={`${budget.data.salespersonId}-${budget.data.year}`}
            budget={budget.data}
            writer={writer}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function BudgetForm({ budget, writer }: { budget: Budget; writer: boolean }) {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveBudget(company.id, budget.salespersonId, budget.year);
  const names = monthNames(i18n.language);
  const [texts, setTexts] = useState(() => budget.months.map((m) => (m ? amountText(m) : '')));
  const [yearly, setYearly] = useState('');
  const values = texts.map((text) => (text.trim() === '' ? 0 : parseAmount(text)));
  const bad = values.map((v) => v === null || v < 0);
  const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);

  const spread = () => {
    const amount = parseAmount(yearly);
    if (amount === null || amount < 0) return;
    const each = Math.floor(amount / 12);
    setTexts(
      Array.from({ length: 12 }, (_, i) => amountText(i === 11 ? amount - each * 11 : each)),
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bad.some(Boolean)) return;
    save.mutate(
      values.map((v) => v ?? 0),
      {
        onSuccess: (saved) => {
          setTexts(saved.months.map((m) => (m ? amountText(m) : '')));
          notifySuccess(t('salesPeople.budget.saved', { year: saved.year }));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="sm">
          {names.map((name, i) => (
            <TextInput
              key={name}
              label={name}
              value={texts[i] ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setTexts((old) => old.map((o, j) => (j === i ? text : o)));
              }}
              error={bad[i] ? t('salesPeople.budget.badAmount') : undefined}
              inputMode="decimal"
              readOnly={!writer}
              styles={{ input: { textAlign: 'right' } }}
              autoComplete="off"
            />
          ))}
        </SimpleGrid>
        <Text fw={600} aria-live="polite">
          {t('salesPeople.budget.total')}: {formatAmount(total)}
        </Text>
        {writer ? (
          <>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('salesPeople.budget.spreadLabel')}
                description={t('salesPeople.budget.spreadHelp')}
                value={yearly}
                onChange={(e) => setYearly(e.currentTarget.value)}
                inputMode="decimal"
                w={260}
                autoComplete="off"
              />
              <Button variant="default" onClick={spread}>
                {t('salesPeople.budget.spread')}
              </Button>
            </Group>
            <ProblemAlert error={save.error} />
            <Button type="submit" w="fit-content" loading={save.isPending}>
              {t('salesPeople.budget.save')}
            </Button>
          </>
        ) : null}
      </Stack>
    </form>
  );
}
