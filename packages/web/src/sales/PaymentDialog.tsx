import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { sideOf } from '@nordbok/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRate } from '../accounting/currency';
import { parseAmount, todayIso } from '../accounting/input';
import { useSignedIn } from '../auth/session';
import { formatAmount } from '../format';
import { DateField } from '../ui/DateField';
import { notifySuccess } from '../ui/notify';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { focusUnreadableField } from '../ui/typedField';
import { useAutoFocus } from '../ui/useAutoFocus';
import { useRegisterPayment, useSalesSettings } from './api';
import { amountText } from './draft';
import type { Document, NewPayment } from './types';

/** Customers pay their invoices in; bills are paid out to suppliers. */
export function paymentDirection(doc: Document): 'in' | 'out' {
  return sideOf(doc.kind) === 'sales' ? 'in' : 'out';
}

const PLACED = [
  'date',
  'amount',
  'account',
  'currency',
  'rate',
  'excess',
  'allocations',
  'allocations.0.amount',
];

/** "Registrer betaling": a payment of what is open on a claim, or part of it, or more. */
export function PaymentDialog({
  document,
  opened,
  onClose,
}: {
  document: Document;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sales.payment.title', {
        kind: t(`sales.kinds.${document.kind}`),
        number: document.number,
      })}
      size="lg"
    >
      {opened ? <PaymentForm document={document} onClose={onClose} /> : null}
    </Modal>
  );
}

function PaymentForm({ document, onClose }: { document: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const settings = useSalesSettings(company.id);
  const pay = useRegisterPayment(company.id);
  const open = Math.abs(document.open);
  const [date, setDate] = useState<string | null>(todayIso());
  const [amount, setAmount] = useState(amountText(open));
  // The company's bank account until another is typed.
  const [account, setAccount] = useState<string | null>(null);
  const [rate, setRate] = useState('');
  const [excess, setExcess] = useState<'' | 'on-account' | 'write-off'>('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const amountField = useAutoFocus<HTMLInputElement>();
  const errors = { ...fieldErrorsOf(pay.error), ...localErrors };
  const paid = parseAmount(amount);
  const over = paid !== null && paid > open;
  const bankAccount = settings.data?.bankAccount ?? '1920';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget)) return;
    const problems: Record<string, string> = {};
    if (paid === null || paid <= 0) problems.amount = t('sales.payment.badAmount');
    if (document.currency && rate.trim() && !parseRate(rate))
      problems.rate = t('sales.editor.badRate');
    if (over && !excess) problems.excess = t('sales.payment.chooseExcess');
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0 || paid === null) return;
    const payment: NewPayment = {
      direction: paymentDirection(document),
      partyId: document.partyId,
      date: date ?? '',
      amount: paid,
      account: (account ?? bankAccount).trim() || bankAccount,
      allocations: [{ documentId: document.id, amount: Math.min(paid, open) }],
    };
    if (document.currency) {
      payment.currency = document.currency;
      const typed = parseRate(rate);
      if (typed) payment.rate = typed;
    }
    if (over && excess) payment.excess = excess;
    pay.mutate(payment, {
      onSuccess: () => {
        notifySuccess(t('sales.payment.done'));
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('sales.payment.open', {
            amount: formatAmount(open),
            currency: document.currency ?? 'NOK',
          })}
        </Text>
        <Group align="flex-start">
          <DateField
            label={t('sales.payment.date')}
            w={180}
            value={date}
            onChange={setDate}
            error={errors.date}
          />
          <TextInput
            ref={amountField}
            label={t('sales.payment.amount', { currency: document.currency ?? 'NOK' })}
            w={180}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={errors.amount ?? errors['allocations.0.amount'] ?? errors.allocations}
            styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
          />
          <TextInput
            label={t('sales.payment.account')}
            w={140}
            inputMode="numeric"
            value={account ?? bankAccount}
            onChange={(event) => setAccount(event.currentTarget.value)}
            error={errors.account}
          />
        </Group>
        {document.currency ? (
          <Group align="flex-start">
            <TextInput
              label={t('sales.editor.currency')}
              w={90}
              value={document.currency}
              readOnly
            />
            <TextInput
              label={t('sales.payment.rate')}
              placeholder={t('sales.editor.rateOfDay')}
              w={160}
              inputMode="decimal"
              value={rate}
              onChange={(event) => setRate(event.currentTarget.value)}
              error={errors.rate ?? errors.currency}
            />
          </Group>
        ) : null}
        {over ? (
          <Radio.Group
            label={t('sales.payment.excessQuestion', {
              amount: formatAmount((paid ?? 0) - open),
            })}
            value={excess}
            onChange={(value) => setExcess(value as 'on-account' | 'write-off')}
            error={errors.excess}
            withAsterisk
          >
            <Stack gap={6} mt={6}>
              <Radio value="on-account" label={t('sales.payment.onAccount')} />
              <Radio value="write-off" label={t('sales.payment.writeOff')} />
            </Stack>
          </Radio.Group>
        ) : null}
        <ProblemAlert error={pay.error} title={t('sales.payment.failed')} placedFields={PLACED} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sales.cancel')}
          </Button>
          <Button type="submit" loading={pay.isPending}>
            {t('sales.payment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
