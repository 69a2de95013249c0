export interface LeadStatus {
  id: number;
  name: string;
  threshold: number;
  position: number;
  leads: number;
}

export interface EventType {
  id: number;
  name: string;
  points: number;
  active: boolean;
}

export interface Lead {
  partyId: number;
  name: string;
  customerNumber: number | null;
  points: number;
  statusId: number;
  statusName: string;
  statusSince: string;
  createdAt: string;
  lastEventAt: string | null;
}

export interface LeadDetail extends Lead {
  events: {
    id: number;
    eventTypeId: number | null;
    name: string;
    points: number;
    occurredAt: string;
  }[];
  history: { statusId: number; statusName: string; reachedAt: string }[];
}

export interface CrmContact {
  id: number;
  name: string;
  orgNumber: string | null;
  customerNumber: number | null;
}

export type Outcome = 'open' | 'won' | 'lost';

export interface Stage {
  id: number;
  name: string;
  probability: number;
  position: number;
  outcome: Outcome;
  opportunities: number;
}

export interface Opportunity {
  id: number;
  partyId: number;
  partyName: string;
  title: string;
  amount: number;
  expectedClose: string;
  ownerId: number | null;
  ownerName: string | null;
  stageId: number;
  stageName: string;
  probability: number;
  outcome: Outcome;
  weighted: number;
  stageSince: string;
  createdAt: string;
}

export interface OpportunityDetail extends Opportunity {
  history: { stageId: number; stageName: string; enteredAt: string }[];
}

export interface OpportunityInput {
  partyId: number;
  title: string;
  amount: number;
  expectedClose: string;
  ownerId: number | null;
  stageId: number;
}

export interface Owner {
  id: number;
  name: string;
}

export type Channel = 'letter' | 'email' | 'sms';

export interface Template {
  id: number;
  name: string;
  channel: Channel;
  subject: string;
  body: string;
  updatedAt: string;
}

export interface MergeField {
  name: string;
  description: string;
}

export interface Mailing {
  id: number;
  channel: Channel;
  templateName: string;
  subject: string;
  state: 'running' | 'done';
  createdAt: string;
  finishedAt: string | null;
  total: number;
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface MailingDetail extends Mailing {
  recipients: {
    id: number;
    partyId: number | null;
    name: string;
    address: string | null;
    status: 'pending' | 'sent' | 'failed' | 'skipped';
    reason: string | null;
    sentAt: string | null;
  }[];
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  from: string;
  fromName: string | null;
  passwordSet: boolean;
}

export interface SmsSettings {
  provider: 'linkmobility';
  baseUrl: string;
  username: string;
  platformId: string;
  platformPartnerId: string;
  source: string;
  passwordSet: boolean;
}

export interface SendingSettings {
  smtp: SmtpSettings | null;
  sms: SmsSettings | null;
}
