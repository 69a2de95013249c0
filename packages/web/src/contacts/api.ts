import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Opportunity } from '../crm/types';
import type {
  Appointment,
  AppointmentInput,
  Contact,
  ContactInput,
  ContactRole,
  ContactSegment,
  ContactSummary,
  Segment,
  SegmentInput,
  SegmentTrend,
  TimelineItem,
} from './types';

const companyPath = (companyId: number, path: string) => `/companies/${companyId}${path}`;

/** Every contact answer of a company; any change to a contact makes all of it stale. */
export const contactsKey = (companyId: number) => ['companies', companyId, 'contacts'] as const;

export function useContactSearch(companyId: number, q: string, role: ContactRole | null) {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (role) params.set('role', role);
  params.set('limit', '100');
  return useQuery({
    queryKey: [...contactsKey(companyId), 'search', q.trim(), role],
    queryFn: ({ signal }) =>
      api.get<{ items: ContactSummary[]; total: number }>(
        companyPath(companyId, `/contacts?${params}`),
        signal,
      ),
    // The list keeps showing the last answer while the next is on its way, so typing is calm.
    placeholderData: keepPreviousData,
  });
}

export function useContact(companyId: number, id: number | null) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'contact', id],
    queryFn: ({ signal }) => api.get<Contact>(companyPath(companyId, `/contacts/${id}`), signal),
    enabled: id !== null,
  });
}

export function useTimeline(companyId: number, id: number) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'timeline', id],
    queryFn: ({ signal }) =>
      api.get<{ items: TimelineItem[] }>(
        companyPath(companyId, `/contacts/${id}/timeline`),
        signal,
      ),
    select: (data) => data.items,
  });
}

/**
 * The card's CRM panels. They are kept under the CRM's key, so that moving a lead or saving
 * an opportunity (which refreshes the CRM's answers) refreshes them too.
 */
const cardCrmKey = (companyId: number, id: number) =>
  ['companies', companyId, 'crm', 'contact-card', id] as const;

export function useContactOpportunities(companyId: number, id: number) {
  return useQuery({
    queryKey: [...cardCrmKey(companyId, id), 'opportunities'],
    queryFn: ({ signal }) =>
      api.get<{ items: Opportunity[] }>(
        companyPath(companyId, `/contacts/${id}/opportunities`),
        signal,
      ),
    select: (data) => data.items,
  });
}

export function useContactSegments(companyId: number, id: number) {
  return useQuery({
    queryKey: [...cardCrmKey(companyId, id), 'segments'],
    queryFn: ({ signal }) =>
      api.get<{ items: ContactSegment[] }>(
        companyPath(companyId, `/contacts/${id}/segments`),
        signal,
      ),
    select: (data) => data.items,
  });
}

function useContactMutation<I, O>(companyId: number, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ['companies', companyId] }),
  });
}

export const useSaveContact = (companyId: number, id: number | null) =>
  useContactMutation(companyId, (input: ContactInput) =>
    id === null
      ? api.post<Contact>(companyPath(companyId, '/contacts'), input)
      : api.put<Contact>(companyPath(companyId, `/contacts/${id}`), input),
  );

export const useDeleteContact = (companyId: number) =>
  useContactMutation(companyId, (id: number) =>
    api.delete(companyPath(companyId, `/contacts/${id}`)),
  );

export const useAddNote = (companyId: number, id: number) =>
  useContactMutation(companyId, (input: { title: string; body?: string }) =>
    api.post<{ id: number }>(companyPath(companyId, `/contacts/${id}/notes`), input),
  );

export function useAppointments(companyId: number, from: Date, to: Date) {
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return useQuery({
    queryKey: [...contactsKey(companyId), 'appointments', from.toISOString(), to.toISOString()],
    queryFn: ({ signal }) =>
      api.get<{ items: Appointment[] }>(companyPath(companyId, `/appointments?${params}`), signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export const useSaveAppointment = (companyId: number) =>
  useContactMutation(companyId, ({ id, ...input }: AppointmentInput & { id: number | null }) =>
    id === null
      ? api.post<Appointment>(companyPath(companyId, '/appointments'), input)
      : api.put<Appointment>(companyPath(companyId, `/appointments/${id}`), input),
  );

export const useDeleteAppointment = (companyId: number) =>
  useContactMutation(companyId, (id: number) =>
    api.delete(companyPath(companyId, `/appointments/${id}`)),
  );

/** The company's users, as the CRM lists them for owners. */
export function useCompanyUsers(companyId: number) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'users'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: number; name: string }[] }>(
        companyPath(companyId, '/crm/owners'),
        signal,
      ),
    select: (data) => data.items,
  });
}

export function useSegments(companyId: number) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'segments'],
    queryFn: ({ signal }) =>
      api.get<{ items: Segment[] }>(companyPath(companyId, '/segments'), signal),
    select: (data) => data.items,
  });
}

export function useSegmentMembers(companyId: number, id: number | null) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'segments', id, 'members'],
    queryFn: ({ signal }) =>
      api.get<{ items: ContactSummary[] }>(
        companyPath(companyId, `/segments/${id}/members`),
        signal,
      ),
    select: (data) => data.items,
    enabled: id !== null,
  });
}

export function useSegmentTrend(
  companyId: number,
  id: number | null,
  from: string,
  to: string,
  compareTo: string,
) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'segments', id, 'trend', from, to, compareTo],
    queryFn: ({ signal }) =>
      api.get<SegmentTrend>(
        companyPath(
          companyId,
          `/segments/${id}/trend?from=${from}&to=${to}&compareTo=${compareTo}`,
        ),
        signal,
      ),
    enabled: id !== null,
  });
}

/** The live count of a rule being edited; `rule` undefined while the JSON does not parse. */
export function useRuleCount(
  companyId: number,
  rule: unknown,
  parentId: number | null,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...contactsKey(companyId), 'segments', 'count', JSON.stringify(rule), parentId],
    queryFn: () =>
      api.post<{ count: number }>(companyPath(companyId, '/segments/count'), { rule, parentId }),
    enabled: enabled && rule !== undefined,
    retry: false,
  });
}

export const useSaveSegment = (companyId: number) =>
  useContactMutation(companyId, ({ id, ...input }: SegmentInput & { id: number | null }) =>
    id === null
      ? api.post<Segment>(companyPath(companyId, '/segments'), input)
      : api.put<Segment>(companyPath(companyId, `/segments/${id}`), input),
  );

export const useDeleteSegment = (companyId: number) =>
  useContactMutation(companyId, (id: number) =>
    api.delete(companyPath(companyId, `/segments/${id}`)),
  );

export const useInstallPredefined = (companyId: number) =>
  useContactMutation(companyId, () =>
    api.post<{ items: Segment[] }>(companyPath(companyId, '/segments/predefined')),
  );

export const useAddSegmentMember = (companyId: number, id: number) =>
  useContactMutation(companyId, (partyId: number) =>
    api.post(companyPath(companyId, `/segments/${id}/members`), { partyIds: [partyId] }),
  );

export const useRemoveSegmentMember = (companyId: number, id: number) =>
  useContactMutation(companyId, (partyId: number) =>
    api.delete(companyPath(companyId, `/segments/${id}/members/${partyId}`)),
  );
