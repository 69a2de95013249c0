import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  CrmContact,
  EventType,
  Lead,
  LeadDetail,
  LeadStatus,
  Mailing,
  MailingDetail,
  MergeField,
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  Outcome,
  Owner,
  SendingSettings,
  Stage,
  Template,
} from './types';

type Items<T> = { items: T[] };

export const crmPath = (companyId: number, path: string) => `/companies/${companyId}/crm${path}`;

/** Every CRM answer; a change anywhere in the funnel makes all of it stale. */
export const crmKey = (companyId: number) => ['companies', companyId, 'crm'] as const;

export function useCrmItems<T>(companyId: number, path: string, enabled = true) {
  return useQuery({
    queryKey: [...crmKey(companyId), path],
    queryFn: ({ signal }) => api.get<Items<T>>(crmPath(companyId, path), signal),
    select: (data) => data.items,
    enabled,
  });
}

export const useLeadStatuses = (companyId: number) =>
  useCrmItems<LeadStatus>(companyId, '/lead-statuses');
export const useEventTypes = (companyId: number) =>
  useCrmItems<EventType>(companyId, '/event-types');
export const useLeads = (companyId: number) => useCrmItems<Lead>(companyId, '/leads');
export const useCrmContacts = (companyId: number) =>
  useCrmItems<CrmContact>(companyId, '/contacts');

export function useLead(companyId: number, partyId: number | null) {
  return useQuery({
    queryKey: [...crmKey(companyId), 'lead', partyId],
    queryFn: ({ signal }) => api.get<LeadDetail>(crmPath(companyId, `/leads/${partyId}`), signal),
    enabled: partyId !== null,
  });
}

/** A change to the CRM: refetches everything the funnel screens show. */
export function useCrmMutation<I, O>(companyId: number, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: crmKey(companyId) }),
  });
}

export interface LoggedEvent {
  lead: Lead;
  moved: string[];
}

export function useLogEvent(companyId: number) {
  return useCrmMutation(companyId, (input: { partyId: number; eventTypeId: number }) =>
    api.post<LoggedEvent>(crmPath(companyId, `/leads/${input.partyId}/events`), {
      eventTypeId: input.eventTypeId,
    }),
  );
}

export function useCreateLead(companyId: number) {
  return useCrmMutation(companyId, (input: { partyId: number; statusId?: number }) =>
    api.post<Lead>(crmPath(companyId, '/leads'), input),
  );
}

export function useMoveLead(companyId: number) {
  return useCrmMutation(companyId, (input: { partyId: number; statusId: number }) =>
    api.patch<Lead>(crmPath(companyId, `/leads/${input.partyId}`), { statusId: input.statusId }),
  );
}

export function useSaveStatuses(companyId: number) {
  return useCrmMutation(companyId, (statuses: { id?: number; name: string; threshold: number }[]) =>
    api.put<Items<LeadStatus>>(crmPath(companyId, '/lead-statuses'), { statuses }),
  );
}

export function useCreateEventType(companyId: number) {
  return useCrmMutation(companyId, (input: { name: string; points: number }) =>
    api.post<EventType>(crmPath(companyId, '/event-types'), input),
  );
}

export function useChangeEventType(companyId: number) {
  return useCrmMutation(
    companyId,
    ({ id, ...changes }: { id: number; name?: string; points?: number; active?: boolean }) =>
      api.patch<EventType>(crmPath(companyId, `/event-types/${id}`), changes),
  );
}

export const useStages = (companyId: number) => useCrmItems<Stage>(companyId, '/stages');
export const useOwners = (companyId: number) => useCrmItems<Owner>(companyId, '/owners');
export const useOpportunities = (companyId: number) =>
  useCrmItems<Opportunity>(companyId, '/opportunities');

export function useOpportunity(companyId: number, id: number | null) {
  return useQuery({
    queryKey: [...crmKey(companyId), 'opportunity', id],
    queryFn: ({ signal }) =>
      api.get<OpportunityDetail>(crmPath(companyId, `/opportunities/${id}`), signal),
    enabled: id !== null,
  });
}

export function useSaveOpportunity(companyId: number) {
  return useCrmMutation(companyId, ({ id, ...input }: OpportunityInput & { id?: number }) =>
    id
      ? api.patch<Opportunity>(crmPath(companyId, `/opportunities/${id}`), input)
      : api.post<Opportunity>(crmPath(companyId, '/opportunities'), input),
  );
}

export function useMoveOpportunity(companyId: number) {
  return useCrmMutation(companyId, ({ id, stageId }: { id: number; stageId: number }) =>
    api.patch<Opportunity>(crmPath(companyId, `/opportunities/${id}`), { stageId }),
  );
}

export function useSaveStages(companyId: number) {
  return useCrmMutation(
    companyId,
    (stages: { id?: number; name: string; probability: number; outcome: Outcome }[]) =>
      api.put<Items<Stage>>(crmPath(companyId, '/stages'), { stages }),
  );
}

export const useTemplates = (companyId: number) => useCrmItems<Template>(companyId, '/templates');
export const useMergeFields = (companyId: number) =>
  useCrmItems<MergeField>(companyId, '/merge-fields');
export const useMailings = (companyId: number) => useCrmItems<Mailing>(companyId, '/mailings');

/** A mailing, asked for again every half second while it is still sending. */
export function useMailing(companyId: number, id: number | null) {
  return useQuery({
    queryKey: [...crmKey(companyId), 'mailing', id],
    queryFn: ({ signal }) => api.get<MailingDetail>(crmPath(companyId, `/mailings/${id}`), signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'done' ? false : 500),
  });
}

export type TemplateInput = Pick<Template, 'name' | 'channel' | 'subject' | 'body'>;

export function useSaveTemplate(companyId: number) {
  return useCrmMutation(companyId, ({ id, ...input }: TemplateInput & { id?: number }) =>
    id
      ? api.patch<Template>(crmPath(companyId, `/templates/${id}`), input)
      : api.post<Template>(crmPath(companyId, '/templates'), input),
  );
}

export function usePreview(companyId: number) {
  return useMutation({
    mutationFn: (input: { subject: string; body: string; partyId?: number }) =>
      api.post<{ subject: string; body: string }>(crmPath(companyId, '/templates/preview'), input),
  });
}

export function useStartMailing(companyId: number) {
  return useCrmMutation(
    companyId,
    (input: { templateId: number; partyIds: number[]; segmentIds: number[] }) =>
      api.post<Mailing>(crmPath(companyId, '/mailings'), input),
  );
}

export function useSendingSettings(companyId: number) {
  return useQuery({
    queryKey: [...crmKey(companyId), 'sending-settings'],
    queryFn: ({ signal }) =>
      api.get<SendingSettings>(crmPath(companyId, '/sending-settings'), signal),
  });
}

export function useSaveSendingSettings(companyId: number) {
  return useCrmMutation(companyId, (input: Record<string, unknown>) =>
    api.put<SendingSettings>(crmPath(companyId, '/sending-settings'), input),
  );
}
