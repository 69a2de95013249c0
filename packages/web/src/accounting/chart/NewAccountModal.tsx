import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { notifySuccess } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { fieldErrorsOf } from '../../ui/problems';
import { useAddAccount } from '../api';
import type { Account } from '../types';
import { VatCodeInput } from './VatCodeInput';

interface NewAccountModalProps {
  opened: boolean;
  onClose: () => void;
  accounts: readonly Account[];
}

const PLACED = ['number', 'nameNb', 'nameEn', 'vatCode', 'groupingCategory', 'groupingCode'];

/**
 * The account just below a new number, whose grouping (næringsspesifikasjon) a new account
 * nearly always shares: 6861 belongs where 6860 does.
 */
export function neighbourOf(accounts: readonly Account[], number: string): Account | undefined {
  if (!/^\d{4}$/.test(number)) return undefined;
  const below = accounts.filter((a) => a.number <= number && a.number[0] === number[0]);
  return below[below.length - 1];
}

export function NewAccountModal({ opened, onClose, accounts }: NewAccountModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('chart.addTitle')} size="lg">
      {opened ? <NewAccountForm accounts={accounts} onDone={onClose} /> : null}
    </Modal>
  );
}

function NewAccountForm({
  accounts,
  onDone,
}: {
  accounts: readonly Account[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const add = useAddAccount(company.id);
  const [number, setNumber] = useState('');
  const [nameNb, setNameNb] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [vatCode, setVatCode] = useState('');
  // Typed grouping wins; until then it follows the neighbouring account.
  const [grouping, setGrouping] = useState<{ category: string; code: string } | null>(null);
  const neighbour = neighbourOf(accounts, number.trim());
  const category = grouping?.category ?? neighbour?.groupingCategory ?? '';
  const code = grouping?.code ?? neighbour?.groupingCode ?? '';
  const errors = fieldErrorsOf(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        number: number.trim(),
        nameNb: nameNb.trim(),
        ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
        vatCode: vatCode.trim() || null,
        groupingCategory: category,
        groupingCode: code,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('chart.added', { number: saved.number }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {add.isError ? <ProblemAlert error={add.error} placedFields={PLACED} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('chart.number')}
            required
            inputMode="numeric"
            maxLength={4}
            value={number}
            error={errors.number}
            data-autofocus
            onChange={(event) => setNumber(event.currentTarget.value)}
          />
          <VatCodeInput value={vatCode} onChange={setVatCode} error={errors.vatCode} />
          <TextInput
            label={t('chart.nameNb')}
            required
            value={nameNb}
            error={errors.nameNb}
            onChange={(event) => setNameNb(event.currentTarget.value)}
          />
          <TextInput
            label={t('chart.nameEn')}
            description={t('chart.nameEnHint')}
            value={nameEn}
            error={errors.nameEn}
            onChange={(event) => setNameEn(event.currentTarget.value)}
          />
          <TextInput
            label={t('chart.groupingCategory')}
            value={category}
            error={errors.groupingCategory}
            description={neighbour ? t('chart.groupingFrom', { number: neighbour.number }) : null}
            onChange={(event) => setGrouping({ category: event.currentTarget.value, code })}
          />
          <TextInput
            label={t('chart.groupingCode')}
            value={code}
            error={errors.groupingCode}
            onChange={(event) => setGrouping({ category, code: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('chart.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
