import { Alert, Anchor, Button, Group, Kbd, Paper, Stack, Table, Text } from '@mantine/core';
import { useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/client';
import { useSignedIn } from '../../auth/session';
import { voucherPath } from '../../shell/areas';
import { hrefFor } from '../../shell/router';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useCorrectVoucher, usePostVoucher } from '../api';
import { parseDateInput, todayIso } from '../input';
import type { Account, Dimension, Voucher } from '../types';
import {
  type DraftAction,
  draftReducer,
  placeErrors,
  toVoucherInput,
  type VoucherDraft,
} from './draft';
import { firstFieldOf, focusField } from './fields';
import { type LineContext, LineRow } from './LineRow';
import { useEntryKeyboard } from './useEntryKeyboard';
import classes from './VoucherEntryForm.module.css';
import { VoucherHeader } from './VoucherHeader';
import { VoucherSummary } from './VoucherSummary';

interface VoucherEntryFormProps {
  initial: VoucherDraft;
  accounts: readonly Account[];
  departments: readonly Dimension[];
  projects: readonly Dimension[];
  /** The voucher being corrected; without it, each save posts a new voucher. */
  correcting?: Voucher;
  onCorrected?: (voucher: Voucher) => void;
}

export function VoucherEntryForm(props: VoucherEntryFormProps) {
  const { initial, accounts, departments, projects, correcting, onCorrected } = props;
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const [draft, dispatch] = useReducer(draftReducer, initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Voucher | null>(null);
  const [pendingFocus, setPendingFocus] = useState<{ path: string } | null>(null);
  const container = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const latest = useRef(draft);
  // Set while a save is on its way, so a second Ctrl+Enter cannot post the voucher twice.
  const saving = useRef(false);
  const post = usePostVoucher(company.id);
  const correct = useCorrectVoucher(company.id, correcting?.id ?? 0);
  const mutation = correcting ? correct : post;
  const today = todayIso();
  const date = parseDateInput(draft.date, today) ?? today;

  useLayoutEffect(() => {
    latest.current = draft;
  });
  useLayoutEffect(() => {
    if (pendingFocus && container.current) focusField(container.current, pendingFocus.path);
  }, [pendingFocus]);
  useLayoutEffect(() => {
    // Corrections open on the lines; a new voucher starts from the first field.
    const start = correcting ? 'lines.0.account' : 'series';
    setPendingFocus({ path: start });
  }, [correcting]);

  const change = (action: DraftAction) => {
    dispatch(action);
    setErrors((old) => withoutErrorsOf(old, action));
  };

  const showErrors = (placed: Record<string, string>, current: VoucherDraft) => {
    setErrors(placed);
    const field = container.current && firstFieldOf(container.current, Object.keys(placed));
    if (field) return setPendingFocus({ path: field });
    // A voucher that does not balance is put right in the amount of its last line.
    const last = current.lines.findLastIndex((line) => line.touched);
    const line = current.lines[last];
    if (!placed.lines || !line) return;
    const side = line.credit.trim() && !line.debit.trim() ? 'credit' : 'debit';
    setPendingFocus({ path: `lines.${last}.${side}` });
  };

  const submit = (current: VoucherDraft) => {
    if (saving.current) return;
    const prepared = toVoucherInput(current, today);
    if (!prepared.ok) {
      const messages = Object.entries(prepared.problems).map(([path, problem]) => [
        path,
        t(`entry.invalid.${problem}`),
      ]);
      return showErrors(Object.fromEntries(messages), current);
    }
    setErrors({});
    setSaved(null);
    saving.current = true;
    mutation.mutate(prepared.input, {
      onSettled: () => {
        saving.current = false;
      },
      onSuccess: (voucher) => {
        if (correcting) return onCorrected?.(voucher);
        setSaved(voucher);
        dispatch({ type: 'saved' });
        setPendingFocus({ path: 'series' });
      },
      onError: (error) => {
        const fields = error instanceof ProblemError ? (error.problem.errors ?? []) : [];
        showErrors(placeErrors(fields, current, prepared.lineIndex), current);
      },
    });
  };

  // Deferred a moment, so a suggestion picked by the same key press is part of what is saved.
  const save = () => window.setTimeout(() => submit(latest.current), 0);
  const onKeyDown = useEntryKeyboard({
    container,
    draft,
    dispatch: change,
    dimensions: { departments: departments.length > 0, projects: projects.length > 0 },
    save,
    focusLater: (path) => setPendingFocus({ path }),
    onFinished: () => saveButton.current?.focus(),
  });

  const context: LineContext = {
    accounts,
    departments,
    projects,
    errors,
    dispatch: change,
    date,
    net: draft.net,
    columns: 7 + (departments.length > 0 ? 1 : 0) + (projects.length > 0 ? 1 : 0),
  };

  return (
    <form
      ref={container}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit(draft);
      }}
      aria-label={t('accounting.pages.entry')}
    >
      <Stack gap="md">
        {saved ? <SavedNotice voucher={saved} /> : null}
        {mutation.isError ? (
          <ProblemAlert error={mutation.error} placedFields={Object.keys(errors)} />
        ) : null}
        <Paper withBorder radius="md" p="md">
          <VoucherHeader
            draft={draft}
            dispatch={change}
            errors={errors}
            today={today}
            fixedSeries={correcting !== undefined}
          />
        </Paper>
        <LinesTable draft={draft} context={context} />
        <VoucherSummary lines={draft.lines} basis={{ net: draft.net, date }} error={errors.lines} />
        <Group justify="space-between" align="center">
          <ShortcutHelp />
          <Button type="submit" ref={saveButton} loading={mutation.isPending}>
            {correcting ? t('entry.saveCorrection') : t('entry.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LinesTable({ draft, context }: { draft: VoucherDraft; context: LineContext }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xs">
      <Table verticalSpacing={6} horizontalSpacing={6} layout="fixed" className={classes.lines}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={28} aria-label={t('entry.lineNumber')} />
            <Table.Th w={170}>{t('accounting.account')}</Table.Th>
            <Table.Th miw={140}>{t('accounting.text')}</Table.Th>
            <Table.Th w={108} ta="right">
              {t('accounting.debit')}
            </Table.Th>
            <Table.Th w={108} ta="right">
              {t('accounting.credit')}
            </Table.Th>
            <Table.Th w={84}>{t('accounting.vatCode')}</Table.Th>
            {context.departments.length > 0 ? (
              <Table.Th w={136}>{t('entry.department')}</Table.Th>
            ) : null}
            {context.projects.length > 0 ? <Table.Th w={136}>{t('entry.project')}</Table.Th> : null}
            <Table.Th w={92} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.lines.map((line, index) => (
            <LineRow key={line.key} line={line} index={index} context={context} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function SavedNotice({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" variant="light" role="status">
      <Group gap="md">
        <Text size="sm" fw={600}>
          {t('entry.saved', { series: voucher.series, number: voucher.number })}
        </Text>
        <Anchor size="sm" href={hrefFor(voucherPath(voucher.id))}>
          {t('entry.showVoucher')}
        </Anchor>
      </Group>
    </Alert>
  );
}

function ShortcutHelp() {
  const { t } = useTranslation();
  const keys: [string, string][] = [
    ['Enter', t('entry.keys.next')],
    ['Ctrl + D', t('entry.keys.copy')],
    ['Ctrl + Delete', t('entry.keys.remove')],
    ['Ctrl + M', t('entry.keys.currency')],
    ['Ctrl + Enter', t('entry.keys.save')],
  ];
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {keys.map(([key, text]) => (
        <Text component="li" size="xs" c="dimmed" key={key}>
          <Kbd size="xs">{key}</Kbd> {text}
        </Text>
      ))}
    </Group>
  );
}

const CURRENCY_FIELDS = ['currencyCode', 'currencyAmount', 'currencyRate'];

/** A field changed since the server complained gets the benefit of the doubt. */
function withoutErrorsOf(errors: Record<string, string>, action: DraftAction) {
  if (Object.keys(errors).length === 0) return errors;
  // Rows below a removed one move up, and their errors would then point at the wrong row.
  if (action.type === 'removeLine') return {};
  let touched: string[] = [];
  if (action.type === 'header') touched = Object.keys(action.patch);
  if (action.type === 'line') {
    const fields = Object.keys(action.patch).map((f) => (f === 'accountText' ? 'account' : f));
    // The currency fields are one field of the draft; each has its own place for errors.
    const named = fields.flatMap((f) => (f === 'currency' ? CURRENCY_FIELDS : [f]));
    touched = named.map((f) => `lines.${action.index}.${f}`);
    const amounts = ['debit', 'credit', 'currency'];
    if (amounts.some((f) => f in action.patch)) touched.push('lines');
  }
  if (action.type === 'pickAccount') touched = [`lines.${action.index}.account`];
  if (action.type === 'addLine' || action.type === 'copyPrevious') touched = ['lines'];
  const rest = { ...errors };
  for (const path of touched) delete rest[path];
  return rest;
}
