/** The contact API's shapes, as the server sends them (modules/contacts). */
export type ContactKind = 'organisation' | 'person';
export type AddressKind = 'visit' | 'invoice' | 'delivery';
export type ContactRole = 'customer' | 'supplier' | 'lead';

export interface ContactSummary {
  id: number;
  kind: ContactKind;
  name: string;
  orgNumber: string | null;
  email: string | null;
  phone: string | null;
  customerNumber: number | null;
  supplierNumber: number | null;
  isLead: boolean;
  leadStatus: string | null;
  leadPoints: number;
}

export interface ContactPerson {
  id?: number;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface ContactAddress {
  id?: number;
  kind: AddressKind;
  line1: string;
  line2: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string;
}

export interface Contact extends ContactSummary {
  website: string | null;
  notes: string | null;
  paymentTermsDays: number | null;
  blocked: boolean;
  createdAt: string;
  persons: ContactPerson[];
  addresses: ContactAddress[];
  tags: string[];
}

export interface ContactInput {
  kind: ContactKind;
  name: string;
  orgNumber: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  notes: string | null;
  paymentTermsDays: number | null;
  isLead: boolean;
  blocked: boolean;
  customer: boolean;
  supplier: boolean;
  customerNumber?: number | null;
  supplierNumber?: number | null;
  persons: Omit<ContactPerson, 'id'>[];
  addresses: Omit<ContactAddress, 'id'>[];
  tags: string[];
}

export interface TimelineItem {
  key: string;
  kind: string;
  at: string;
  title: string;
  body: string | null;
  points: number;
  voucher: {
    id: number;
    series: string;
    number: number;
    account: string;
    ledger: 'customer' | 'supplier';
    invoiceNumber: string | null;
    dueDate: string | null;
    amount: number;
    open: number;
  } | null;
  /** An entry a sales or purchase document made: the document it links to. */
  document?: { id: number; kind: string } | null;
}

export type AppointmentKind = 'appointment' | 'meeting' | 'call' | 'event' | 'task';

export interface Appointment {
  id: number;
  title: string;
  kind: AppointmentKind;
  startsAt: string;
  endsAt: string;
  location: string | null;
  notes: string | null;
  partyId: number | null;
  partyName: string | null;
  opportunityId: number | null;
  userId: number | null;
  userName: string | null;
}

export interface AppointmentInput {
  title: string;
  kind: AppointmentKind;
  startsAt: string;
  endsAt: string;
  location: string | null;
  notes: string | null;
  partyId: number | null;
  opportunityId: number | null;
  userId: number | null;
}

export type SegmentKind = 'static' | 'semi' | 'dynamic';
export type SegmentTrigger =
  | { event: 'contact.created' }
  | { event: 'tag.added'; tag: string }
  | { event: 'lead.status-changed'; status?: string }
  | { event: 'sale.item-group'; itemGroup: string };

export interface Segment {
  id: number;
  name: string;
  kind: SegmentKind;
  parentId: number | null;
  rule: unknown;
  trigger: SegmentTrigger | null;
  size: number;
}

export interface SegmentInput {
  name: string;
  kind: SegmentKind;
  parentId: number | null;
  rule?: unknown;
  trigger?: SegmentTrigger | null;
}

export interface SegmentTrend {
  points: { day: string; size: number }[];
  comparison: {
    earlierEnd: string;
    laterEnd: string;
    earlier: number | null;
    later: number | null;
    change: number | null;
    percent: number | null;
  };
}

/** A segment the contact belongs to, as the contact card lists it. */
export interface ContactSegment {
  id: number;
  name: string;
  kind: SegmentKind;
}
