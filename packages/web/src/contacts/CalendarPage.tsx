import {
  Badge,
  Box,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { canWrite } from '../shell/areas';
import { navigate, usePath, useSearchParams } from '../shell/router';
import { DateField } from '../ui/DateField';
import { LoadFailed } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { TimeField } from '../ui/TimeField';
import { focusUnreadableField } from '../ui/typedField';
import {
  useAppointments,
  useCompanyUsers,
  useContactSearch,
  useDeleteAppointment,
  useSaveAppointment,
} from './api';
import type { Appointment, AppointmentKind } from './types';

type View = 'week' | 'month';
const KINDS: AppointmentKind[] = ['appointment', 'meeting', 'call', 'event', 'task'];
const KIND_COLOR: Record<string, string> = {
  appointment: 'blue',
  meeting: 'teal',
  call: 'grape',
  event: 'orange',
  task: 'gray',
};

// Days are the user's local days; dates in the address are yyyy-mm-dd.
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const parseDay = (s: string | null) => {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : startOfDay(new Date());
};
function startOfDay(d: Date) {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const mondayOf = (d: Date) => addDays(d, -((d.getDay() + 6) % 7));
const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** ISO 8601 week number. */
function weekNumber(d: Date): number {
  const thursday = addDays(mondayOf(d), 3);
  const firstThursday = addDays(mondayOf(new Date(thursday.getFullYear(), 0, 4)), 3);
  return 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

function rangeOf(view: View, day: Date): { from: Date; days: number } {
  if (view === 'week') return { from: mondayOf(day), days: 7 };
  const first = new Date(day.getFullYear(), day.getMonth(), 1);
  return { from: mondayOf(first), days: 42 };
}

/**
 * The calendar: a week or a month of appointments. The grid takes the keyboard: arrow keys
 * move the chosen day, Page Up/Down go a period back or forward, W/U and M switch view,
 * T/I jump to today and Enter opens a new appointment on the chosen day.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { company } = useSignedIn();
  const params = useSearchParams();
  const path = usePath();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const day = parseDay(params.get('date'));
  const { from, days } = rangeOf(view, day);
  const to = addDays(from, days);
  const appointments = useAppointments(company.id, from, to);
  const writer = canWrite(company, 'crm');
  const [editing, setEditing] = useState<Appointment | 'new' | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const go = (next: Date, nextView: View = view) =>
    navigate(path, { view: nextView, date: isoDay(next) });

  useEffect(() => {
    grid.current?.focus();
  }, []);

  const byDay = useMemo(() => {
    const map = new Map<string, Appointment[]>();
    for (const a of appointments.data ?? []) {
      // An appointment over several days shows on each of them.
      for (
        let d = startOfDay(new Date(a.startsAt));
        d < new Date(a.endsAt) || isoDay(d) === isoDay(new Date(a.startsAt));
        d = addDays(d, 1)
      ) {
        const key = isoDay(d);
        map.set(key, [...(map.get(key) ?? []), a]);
      }
    }
    return map;
  }, [appointments.data]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== grid.current) return;
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    const key = event.key;
    if (key in step) {
      event.preventDefault();
      go(addDays(day, step[key] ?? 0));
    } else if (key === 'PageUp' || key === 'PageDown') {
      event.preventDefault();
      const sign = key === 'PageUp' ? -1 : 1;
      go(
        view === 'week'
          ? addDays(day, 7 * sign)
          : new Date(day.getFullYear(), day.getMonth() + sign, 1),
      );
    } else if (/^[wu]$/i.test(key)) go(day, 'week');
    else if (/^m$/i.test(key)) go(day, 'month');
    else if (/^[ti]$/i.test(key)) go(startOfDay(new Date()));
    else if (key === 'Enter' && writer) {
      event.preventDefault();
      setEditing('new');
    }
  };

  const title =
    view === 'week'
      ? `${t('contacts.calendar.weekNumber', { week: weekNumber(day) })} · ${day.getFullYear()}`
      : day.toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO', {
          month: 'long',
          year: 'numeric',
        });
  const cells = Array.from({ length: days }, (_, i) => addDays(from, i));
  const today = isoDay(new Date());
  const locale = i18n.language === 'en' ? 'en-GB' : 'nb-NO';

  return (
    <Page
      title={t('contacts.pages.calendar')}
      intro={t('contacts.calendar.intro')}
      wide
      actions={
        writer ? (
          <Button onClick={() => setEditing('new')}>{t('contacts.calendar.newAppointment')}</Button>
        ) : null
      }
    >
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() =>
              go(
                view === 'week'
                  ? addDays(day, -7)
                  : new Date(day.getFullYear(), day.getMonth() - 1, 1),
              )
            }
          >
            {t('contacts.calendar.previous')}
          </Button>
          <Button variant="default" onClick={() => go(startOfDay(new Date()))}>
            {t('contacts.calendar.today')}
          </Button>
          <Button
            variant="default"
            onClick={() =>
              go(
                view === 'week'
                  ? addDays(day, 7)
                  : new Date(day.getFullYear(), day.getMonth() + 1, 1),
              )
            }
          >
            {t('contacts.calendar.next')}
          </Button>
          <Text fw={600} size="lg" ml="md" aria-live="polite">
            {title}
          </Text>
        </Group>
        <SegmentedControl
          aria-label={t('contacts.calendar.week')}
          value={view}
          onChange={(v) => go(day, v as View)}
          data={[
            { value: 'week', label: t('contacts.calendar.week') },
            { value: 'month', label: t('contacts.calendar.month') },
          ]}
        />
      </Group>
      {appointments.isError ? <LoadFailed error={appointments.error} /> : null}
      <Box
        ref={grid}
        role="grid"
        tabIndex={0}
        aria-label={title}
        aria-activedescendant={`day-${isoDay(day)}`}
        onKeyDown={onKeyDown}
        style={{ outlineOffset: 2 }}
      >
        <SimpleGrid cols={7} spacing={4} role="row">
          {cells.slice(0, 7).map((d) => (
            <Text key={d.getDay()} size="sm" c="dimmed" ta="center" role="columnheader">
              {d.toLocaleDateString(locale, { weekday: 'short' })}
            </Text>
          ))}
        </SimpleGrid>
        {Array.from({ length: days / 7 }, (_, week) => (
          <SimpleGrid key={isoDay(cells[week * 7] ?? from)} cols={7} spacing={4} mt={4} role="row">
            {cells.slice(week * 7, week * 7 + 7).map((d) => {
              const key = isoDay(d);
              const items = byDay.get(key) ?? [];
              const chosen = key === isoDay(day);
              const outside = view === 'month' && d.getMonth() !== day.getMonth();
              const shown = view === 'month' ? items.slice(0, 3) : items;
              return (
                <Box
                  key={key}
                  id={`day-${key}`}
                  role="gridcell"
                  aria-selected={chosen}
                  aria-label={`${d.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' })}: ${items.length === 0 ? t('contacts.calendar.none') : items.map((a) => a.title).join(', ')}`}
                  onClick={() => go(d)}
                  p={6}
                  mih={view === 'week' ? 260 : 96}
                  style={{
                    border: chosen
                      ? '2px solid var(--mantine-primary-color-filled)'
                      : '1px solid var(--mantine-color-gray-3)',
                    borderRadius: 6,
                    background: outside ? 'var(--mantine-color-gray-0)' : undefined,
                    cursor: 'pointer',
                  }}
                >
                  <Text
                    size="sm"
                    fw={key === today ? 700 : 400}
                    c={outside ? 'dimmed' : key === today ? 'blue' : undefined}
                  >
                    {d.getDate()}
                  </Text>
                  <Stack gap={2} mt={2}>
                    {shown.map((a) => (
                      <UnstyledButton
                        key={a.id}
                        tabIndex={-1}
                        onClick={(event) => {
                          event.stopPropagation();
                          setEditing(a);
                        }}
                        style={{
                          borderLeft: `3px solid var(--mantine-color-${KIND_COLOR[a.kind] ?? 'blue'}-6)`,
                          paddingLeft: 4,
                        }}
                      >
                        <Text size="xs" lineClamp={view === 'month' ? 1 : 3}>
                          <strong>{hhmm(a.startsAt)}</strong> {a.title}
                          {view === 'week' && a.partyName ? ` · ${a.partyName}` : ''}
                        </Text>
                      </UnstyledButton>
                    ))}
                    {items.length > shown.length ? (
                      <Text size="xs" c="dimmed">
                        {t('contacts.calendar.more', { count: items.length - shown.length })}
                      </Text>
                    ) : null}
                  </Stack>
                </Box>
              );
            })}
          </SimpleGrid>
        ))}
      </Box>
      <Modal
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
          grid.current?.focus();
        }}
        title={
          editing === 'new'
            ? t('contacts.calendar.newAppointment')
            : t('contacts.calendar.editAppointment')
        }
        size="lg"
      >
        {editing !== null ? (
          <AppointmentForm
            appointment={editing === 'new' ? null : editing}
            day={day}
            readOnly={!writer}
            onDone={() => {
              setEditing(null);
              grid.current?.focus();
            }}
          />
        ) : null}
      </Modal>
    </Page>
  );
}

function AppointmentForm({
  appointment,
  day,
  readOnly,
  onDone,
}: {
  appointment: Appointment | null;
  day: Date;
  readOnly: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { company, user } = useSignedIn();
  const save = useSaveAppointment(company.id);
  const remove = useDeleteAppointment(company.id);
  const users = useCompanyUsers(company.id);
  const [title, setTitle] = useState(appointment?.title ?? '');
  const [kind, setKind] = useState<AppointmentKind>(appointment?.kind ?? 'meeting');
  const [date, setDate] = useState<string | null>(
    appointment ? isoDay(new Date(appointment.startsAt)) : isoDay(day),
  );
  const [start, setStart] = useState<string | null>(
    appointment ? hhmm(appointment.startsAt) : '09:00',
  );
  const [end, setEnd] = useState<string | null>(appointment ? hhmm(appointment.endsAt) : '10:00');
  // Date, start and end left empty: an appointment needs all three.
  const [missing, setMissing] = useState<string[]>([]);
  const [location, setLocation] = useState(appointment?.location ?? '');
  const [notes, setNotes] = useState(appointment?.notes ?? '');
  const [partyId, setPartyId] = useState<string | null>(
    appointment?.partyId ? String(appointment.partyId) : null,
  );
  const [partySearch, setPartySearch] = useState(appointment?.partyName ?? '');
  const [userId, setUserId] = useState<string | null>(
    String(appointment ? (appointment.userId ?? '') : user.id) || null,
  );
  const [opportunityId, setOpportunityId] = useState<number | string>(
    appointment?.opportunityId ?? '',
  );
  const contacts = useContactSearch(company.id, partySearch, null);
  const errors = fieldErrorsOf(save.error);
  const contactOptions = useMemo(() => {
    const options = (contacts.data?.items ?? [])
      .slice(0, 20)
      .map((c) => ({ value: String(c.id), label: c.name }));
    if (appointment?.partyId && !options.some((o) => o.value === String(appointment.partyId))) {
      options.unshift({ value: String(appointment.partyId), label: appointment.partyName ?? '' });
    }
    return options;
  }, [contacts.data, appointment]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (focusUnreadableField(event.currentTarget as HTMLFormElement)) return;
    const lacking = [!date && 'date', !start && 'start', !end && 'end'].filter(
      (name): name is string => Boolean(name),
    );
    setMissing(lacking);
    if (!date || !start || !end) return;
    const [y, mo, d] = date.split('-').map(Number);
    const at = (time: string) => {
      const [h, mi] = time.split(':').map(Number);
      return new Date(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0).toISOString();
    };
    save.mutate(
      {
        id: appointment?.id ?? null,
        title: title.trim(),
        kind,
        startsAt: at(start),
        endsAt: at(end),
        location: location.trim() || null,
        notes: notes.trim() || null,
        partyId: partyId ? Number(partyId) : null,
        userId: userId ? Number(userId) : null,
        opportunityId: opportunityId === '' ? null : Number(opportunityId),
      },
      {
        onSuccess: () => {
          notifySuccess(t('contacts.calendar.saved'));
          onDone();
        },
      },
    );
  };

  const onDelete = () => {
    if (!appointment) return;
    remove.mutate(appointment.id, {
      onSuccess: () => {
        notifySuccess(t('contacts.calendar.deleted'));
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('contacts.calendar.newAppointment')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error ?? remove.error}
            placedFields={['title', 'startsAt', 'endsAt', 'partyId', 'userId', 'opportunityId']}
          />
          <TextInput
            label={t('contacts.calendar.title')}
            data-autofocus
            required
            value={title}
            error={errors.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group grow align="flex-start">
            <Select
              label={t('contacts.calendar.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`contacts.calendar.kinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => v && setKind(v as AppointmentKind)}
            />
            <DateField
              label={t('contacts.calendar.date')}
              required
              value={date}
              error={missing.includes('date') ? t('entry.invalid.date') : undefined}
              onChange={setDate}
            />
            <TimeField
              label={t('contacts.calendar.start')}
              required
              value={start}
              error={
                errors.startsAt ?? (missing.includes('start') ? t('fields.invalidTime') : undefined)
              }
              onChange={setStart}
            />
            <TimeField
              label={t('contacts.calendar.end')}
              required
              value={end}
              error={
                errors.endsAt ?? (missing.includes('end') ? t('fields.invalidTime') : undefined)
              }
              onChange={setEnd}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('contacts.calendar.contact')}
              placeholder={t('contacts.calendar.contactHint')}
              searchable
              clearable
              data={contactOptions}
              value={partyId}
              searchValue={partySearch}
              onSearchChange={setPartySearch}
              filter={({ options }) => options}
              error={errors.partyId}
              onChange={setPartyId}
            />
            <Select
              label={t('contacts.calendar.user')}
              clearable
              data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
              value={userId}
              error={errors.userId}
              onChange={setUserId}
            />
            <NumberInput
              label={t('contacts.calendar.opportunity')}
              allowDecimal={false}
              min={1}
              value={opportunityId}
              error={errors.opportunityId}
              onChange={setOpportunityId}
            />
          </Group>
          <TextInput
            label={t('contacts.calendar.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <Textarea
            label={t('contacts.calendar.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {readOnly ? null : (
            <Group justify="space-between" mt="sm">
              {appointment ? (
                <Button variant="light" color="red" onClick={onDelete} loading={remove.isPending}>
                  {t('contacts.calendar.delete')}
                </Button>
              ) : (
                <span />
              )}
              <Group>
                <Button variant="default" onClick={onDone}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          )}
          {appointment?.partyName ? <Badge variant="light">{appointment.partyName}</Badge> : null}
        </Stack>
      </fieldset>
    </form>
  );
}
