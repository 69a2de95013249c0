import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFiscalYears } from '../accounting/api';
import { todayIso } from '../accounting/input';
import { useSignedIn } from '../auth/session';
import { formatDate } from '../format';
import { isAdministrator } from '../shell/areas';
import { navigate, useSearchParams } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useVatReturn, vatReturnXmlUrl } from './api';
import { LEGAL_PATHS } from './paths';
import { TermLengthSelect } from './TermLengthSelect';
import { termCount, termName, termOfDate } from './terms';
import type { TermLength } from './types';
import { VatCloseSection } from './VatCloseSection';
import { VatHistory } from './VatHistory';
import { VatReturnTable, VatWarnings } from './VatReturnTable';

/** The choice of year and term, kept in the address so a reload shows the same return. */
function useTermChoice() {
  const params = useSearchParams();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const wanted = Number(params.get('term'));
  const termFor = (length: TermLength) => {
    const fallback = year === thisYear ? termOfDate(length, today) : 1;
    return wanted >= 1 && wanted <= termCount(length) ? wanted : fallback;
  };
  const choose = (next: { year: number; term?: number }) =>
    navigate(LEGAL_PATHS.vatReturn, { year: next.year, term: next.term });
  return { year, thisYear, termFor, choose };
}

/** Mva-melding: the VAT return of one term, its XML file and, for administrators, closing it. */
export function VatReturnPage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const { year, thisYear, termFor, choose } = useTermChoice();
  // Term 1 is there in every term length, so its answer tells which length the company uses.
  const first = useVatReturn(company.id, year, 1);
  const length = first.data?.termLength;
  return (
    <Page title={t('legal.pages.vatReturn')} intro={t('legal.vat.intro')} wide>
      {first.isPending ? <Loading /> : null}
      {first.isError ? <LoadFailed error={first.error} /> : null}
      {length ? (
        <VatTerm
          year={year}
          term={termFor(length)}
          length={length}
          years={[thisYear]}
          onChoose={choose}
        />
      ) : null}
    </Page>
  );
}

interface VatTermProps {
  year: number;
  term: number;
  length: TermLength;
  years: number[];
  onChoose: (next: { year: number; term?: number }) => void;
}

function VatTerm({ year, term, length, years, onChoose }: VatTermProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const vat = useVatReturn(company.id, year, term);
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <YearSelect year={year} extra={years} onChange={(y) => onChoose({ year: y })} />
          <TermSelect
            length={length}
            term={term}
            onChange={(next) => onChoose({ year, term: next })}
          />
          {isAdministrator(company) ? (
            <TermLengthSelect value={length} onSaved={() => onChoose({ year, term: 1 })} />
          ) : null}
        </Group>
        <Button
          component="a"
          href={vatReturnXmlUrl(company.id, year, term)}
          download
          variant="default"
        >
          {t('legal.vat.downloadXml')}
        </Button>
      </Group>
      {vat.isPending ? <Loading /> : null}
      {vat.isError ? <LoadFailed error={vat.error} /> : null}
      {vat.data ? (
        <>
          <Text fw={500}>
            {t('legal.vat.period', {
              from: formatDate(vat.data.from),
              to: formatDate(vat.data.to),
            })}
          </Text>
          <VatWarnings warnings={vat.data.warnings} />
          <VatReturnTable vat={vat.data} />
          <VatCloseSection key={`${year}:${term}`} vat={vat.data} />
          <VatHistory vat={vat.data} />
        </>
      ) : null}
    </>
  );
}

interface YearSelectProps {
  year: number;
  extra: number[];
  onChange: (year: number) => void;
}

/** The years with a fiscal year in the ledger, and the one chosen even if it has none. */
export function YearSelect({ year, extra, onChange }: YearSelectProps) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const fiscal = useFiscalYears(company.id).data ?? [];
  const years = [...new Set([year, ...extra, ...fiscal.map((f) => f.year)])].sort((a, b) => b - a);
  return (
    <NativeSelect
      label={t('legal.year')}
      w={110}
      value={String(year)}
      data={years.map(String)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
    />
  );
}

interface TermSelectProps {
  length: TermLength;
  term: number;
  onChange: (term: number) => void;
}

function TermSelect({ length, term, onChange }: TermSelectProps) {
  const { t, i18n } = useTranslation();
  const data = Array.from({ length: termCount(length) }, (_, i) => ({
    value: String(i + 1),
    label: t('legal.vat.termOption', {
      term: i + 1,
      name: termName(length, i + 1, i18n.language, t('legal.vat.wholeYear')),
    }),
  }));
  return (
    <NativeSelect
      label={t('legal.vat.term')}
      w={240}
      value={String(term)}
      data={data}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
    />
  );
}
