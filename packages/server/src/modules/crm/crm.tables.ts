import type { Generated, Selectable } from 'kysely';

/** The CRM tables (migration 0006-crm); merged into `Database` in db/schema.ts. */
export interface CrmLeadStatusesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  /** Points (0–100) at which a lead moves up to this status. */
  threshold: number;
  position: number;
}

export interface CrmEventTypesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  points: number;
  active: Generated<number>;
}

export interface CrmLeadsTable {
  company_id: number;
  party_id: number;
  points: number;
  status_id: number;
  status_since: string;
  created_at: string;
}

export interface CrmLeadEventsTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  /** 'event' (a point-giving event), 'status' (a move), 'opportunity', 'mailing'. */
  kind: string;
  event_type_id: number | null;
  points: Generated<number>;
  text: string;
  occurred_at: string;
  user_id: number | null;
}

export interface CrmLeadStatusHistoryTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  status_id: number;
  reached_at: string;
}

export interface CrmStagesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  probability: number;
  position: number;
  /** 'open', 'won' or 'lost'. */
  outcome: string;
}

export interface CrmOpportunitiesTable {
  id: Generated<number>;
  company_id: number;
  party_id: number;
  title: string;
  amount: number;
  expected_close: string;
  owner_id: number | null;
  stage_id: number;
  stage_since: string;
  created_at: string;
}

export interface CrmOpportunityHistoryTable {
  id: Generated<number>;
  company_id: number;
  opportunity_id: number;
  stage_id: number;
  entered_at: string;
}

export interface CrmTemplatesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  /** 'letter', 'email' or 'sms'. */
  channel: string;
  subject: Generated<string>;
  body: string;
  updated_at: string;
}

export interface CrmMailingsTable {
  id: Generated<number>;
  company_id: number;
  channel: string;
  template_name: string;
  subject: string;
  body: string;
  /** 'running', 'done' or 'failed' (nothing could be sent, e.g. the SMTP server refused). */
  state: string;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface CrmMailingRecipientsTable {
  id: Generated<number>;
  company_id: number;
  mailing_id: number;
  party_id: number | null;
  name: string;
  /** The e-mail address, phone number or postal address written to. */
  address: string | null;
  subject: string;
  body: string;
  /** 'pending', 'sent', 'failed' or 'skipped'. */
  status: string;
  reason: string | null;
  sent_at: string | null;
}

export interface CrmTables {
  crm_lead_statuses: CrmLeadStatusesTable;
  crm_event_types: CrmEventTypesTable;
  crm_leads: CrmLeadsTable;
  crm_lead_events: CrmLeadEventsTable;
  crm_lead_status_history: CrmLeadStatusHistoryTable;
  crm_stages: CrmStagesTable;
  crm_opportunities: CrmOpportunitiesTable;
  crm_opportunity_history: CrmOpportunityHistoryTable;
  crm_templates: CrmTemplatesTable;
  crm_mailings: CrmMailingsTable;
  crm_mailing_recipients: CrmMailingRecipientsTable;
}

export type LeadStatusRow = Selectable<CrmLeadStatusesTable>;
export type StageRow = Selectable<CrmStagesTable>;
export type OpportunityRow = Selectable<CrmOpportunitiesTable>;
