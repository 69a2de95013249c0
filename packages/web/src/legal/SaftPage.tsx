import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFiscalYears } from '../accounting/api';
import { DateRangeForm } from '../accounting/DateRangeForm';
import { todayIso } from '../accounting/input';
import { useRangeParams } from '../accounting/ranges';
import type { DateRange, FiscalYear } from '../accounting/types';
import { useSignedIn } from '../auth/session';
import { formatDate } from '../format';
import { Page } from '../ui/Page';
import { saftUrl } from './api';

/** The whole fiscal year that holds today: SAF-T files are usually asked for by year. */
function currentFiscalYear(years: readonly FiscalYear[], today = todayIso()): DateRange {
  const year = years.find((y) => y.startDate <= today && y.endDate >= today);
  const calendar = today.slice(0, 4);
  return { from: year?.startDate ?? `${calendar}-01-01`, to: year?.endDate ?? `${calendar}-12-31` };
}

/** SAF-T-eksport: the ledger as the standard file, for the dates chosen. */
export function SaftPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const years = useFiscalYears(company.id).data ?? [];
  const { range, setRange } = useRangeParams(currentFiscalYear(years));
  return (
    <Page title={t('legal.pages.saft')} intro={t('legal.saft.intro')}>
      <DateRangeForm key={`${range.from}:${range.to}`} value={range} onChange={setRange} />
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Text>
            {t('legal.saft.range', { from: formatDate(range.from), to: formatDate(range.to) })}
          </Text>
          <Group>
            <Button component="a" href={saftUrl(company.id, range)} download>
              {t('legal.saft.download')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Page>
  );
}
