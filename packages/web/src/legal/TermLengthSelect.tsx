import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { notifyError, notifySuccess } from '../ui/notify';
import { errorText } from '../ui/problems';
import { useSaveTermLength } from './api';
import { TERM_LENGTHS, type TermLength } from './types';

interface TermLengthSelectProps {
  value: TermLength;
  onSaved: () => void;
}

/** The company's VAT term length, saved as soon as it is changed; for administrators. */
export function TermLengthSelect({ value, onSaved }: TermLengthSelectProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveTermLength(company.id);
  const change = (next: TermLength) =>
    save.mutate(next, {
      onSuccess: () => {
        notifySuccess(t('legal.vat.lengthSaved'));
        onSaved();
      },
      onError: (error) => notifyError(t('legal.vat.lengthFailed'), errorText(error, t)),
    });
  return (
    <NativeSelect
      label={t('legal.vat.termLength')}
      w={190}
      value={value}
      disabled={save.isPending}
      data={TERM_LENGTHS.map((length) => ({
        value: length,
        label: t(`legal.vat.lengths.${length}`),
      }))}
      onChange={(event) => change(event.currentTarget.value as TermLength)}
    />
  );
}
