import { Button, Checkbox, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/session';
import { canWrite } from '../../shell/areas';
import { navigate, type SearchParams, usePath, useSearchParams } from '../../shell/router';
import { LoadFailed, Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { fieldErrorsOf } from '../../ui/problems';
import { parseAmount } from '../input';
import type { OpenItem, Subledger } from '../types';
import { useOpenItems, useSettle } from './api';
import { KindPicker, kindFrom, PartySelect } from './LedgerPickers';
import { OpenItemTable } from './OpenItemTable';

/** Post mot post: a party's invoices and payments, matched against each other by hand. */
export function OpenItemsPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const params = useSearchParams();
  const path = usePath();
  const kind = kindFrom(params);
  const partyId = Number(params.get('partyId')) || null;
  const all = params.get('all') === 'true';
  const items = useOpenItems(company.id, kind, partyId, all);
  const set = (extra: SearchParams) => navigate(path, { ...Object.fromEntries(params), ...extra });

  return (
    <Page title={t('accounting.pages.openItems')} intro={t('subledger.openItemsIntro')} wide>
      <Group align="flex-end" gap="md">
        <KindPicker value={kind} onChange={(next) => set({ kind: next, partyId: undefined })} />
        <PartySelect
          kind={kind}
          value={partyId}
          onChange={(next) => set({ partyId: next ?? '' })}
        />
        <Checkbox
          mb={8}
          label={t('subledger.showSettled')}
          checked={all}
          onChange={(event) => set({ all: event.currentTarget.checked ? 'true' : undefined })}
        />
      </Group>
      {partyId === null ? <Text c="dimmed">{t('subledger.chooseParty')}</Text> : null}
      {items.isLoading ? <Loading /> : null}
      {items.isError ? <LoadFailed error={items.error} /> : null}
      {items.data ? <Matching key={`${kind}:${partyId}`} kind={kind} items={items.data} /> : null}
    </Page>
  );
}

/** The party's items in two lists, one of each side chosen, and the button that matches them. */
function Matching({ kind, items }: { kind: Subledger; items: OpenItem[] }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const writer = canWrite(company, 'accounting');
  const [itemId, setItemId] = useState<number | null>(null);
  const [paymentId, setPaymentId] = useState<number | null>(null);
  const [amountText, setAmountText] = useState('');
  const settle = useSettle(company.id);
  if (items.length === 0) return <Text>{t('subledger.noOpenItems')}</Text>;

  const isInvoice = (item: OpenItem) => (kind === 'customer' ? item.amount > 0 : item.amount < 0);
  const invoices = items.filter(isInvoice);
  const payments = items.filter((item) => !isInvoice(item));
  const chosen = invoices.find((item) => item.postingId === itemId);
  const amount = amountText.trim() ? parseAmount(amountText) : null;
  const amountInvalid = amountText.trim() !== '' && (amount === null || amount <= 0);
  const amountError = amountInvalid
    ? t('entry.invalid.amount')
    : fieldErrorsOf(settle.error).amount;

  const submit = () => {
    if (!chosen || paymentId === null || amountInvalid) return;
    const input = { itemPostingId: chosen.postingId, paymentPostingId: paymentId };
    // The amount is typed as a plain figure; the server wants it with the item's sign.
    const signed = amount === null ? {} : { amount: Math.sign(chosen.open) * amount };
    settle.mutate(
      { ...input, ...signed },
      {
        onSuccess: () => {
          setItemId(null);
          setPaymentId(null);
          setAmountText('');
          notifySuccess(t('subledger.settled'));
        },
      },
    );
  };

  const table = (
    title: string,
    rows: OpenItem[],
    picked: number | null,
    pick: typeof setItemId,
  ) => (
    <OpenItemTable
      title={title}
      items={rows}
      all={items}
      picked={picked}
      onPick={writer ? pick : undefined}
    />
  );
  const paymentsTitle =
    kind === 'customer' ? t('subledger.payments') : t('subledger.paymentsSupplier');
  return (
    <>
      {table(t('subledger.invoices'), invoices, itemId, setItemId)}
      {table(paymentsTitle, payments, paymentId, setPaymentId)}
      {writer ? (
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('subledger.settleAmount')}
            description={t('subledger.settleAmountHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            w={220}
            value={amountText}
            error={amountError}
            onChange={(event) => setAmountText(event.currentTarget.value)}
          />
          <Button
            mt={25}
            onClick={submit}
            disabled={!chosen || paymentId === null}
            loading={settle.isPending}
          >
            {t('subledger.settle')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert
        error={settle.error}
        title={t('subledger.settleFailed')}
        placedFields={['amount']}
      />
    </>
  );
}
