import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { hrefFor, navigate } from '../shell/router';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrorsOf } from '../ui/problems';
import { useContact, useSaveContact } from './api';
import { CONTACT_PATHS, contactPath } from './paths';
import type { AddressKind, Contact, ContactAddress, ContactInput, ContactPerson } from './types';

// Each row carries a key of its own so React keeps inputs with their row when one is removed.
type PersonRow = Omit<ContactPerson, 'id'> & { key: number };
type AddressRow = Omit<ContactAddress, 'id'> & { key: number };
let nextKey = 0;
const rowKey = () => {
  nextKey += 1;
  return nextKey;
};

const emptyPerson = (): PersonRow => ({
  key: rowKey(),
  name: '',
  role: null,
  email: null,
  phone: null,
});
const emptyAddress = (kind: AddressKind): AddressRow => ({
  key: rowKey(),
  kind,
  line1: '',
  line2: null,
  postalCode: null,
  city: null,
  countryCode: 'NO',
});

/** New contact, or edit the one with `id`. */
export function ContactFormPage({ id }: { id: number | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const contact = useContact(company.id, id);
  if (id !== null && contact.isPending) return <Loading />;
  if (contact.isError) return <LoadFailed error={contact.error} />;
  return (
    <Page title={id === null ? t('contacts.newContact') : t('contacts.editContact')}>
      <ContactForm key={id ?? 'new'} contact={contact.data ?? null} />
    </Page>
  );
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function ContactForm({ contact }: { contact: Contact | null }) {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const save = useSaveContact(company.id, contact?.id ?? null);
  const [kind, setKind] = useState(contact?.kind ?? 'organisation');
  const [name, setName] = useState(contact?.name ?? '');
  const [orgNumber, setOrgNumber] = useState(contact?.orgNumber ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [website, setWebsite] = useState(contact?.website ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const [terms, setTerms] = useState<number | string>(contact?.paymentTermsDays ?? '');
  const [isLead, setIsLead] = useState(contact?.isLead ?? false);
  const [blocked, setBlocked] = useState(contact?.blocked ?? false);
  const [customer, setCustomer] = useState(contact ? contact.customerNumber !== null : true);
  const [supplier, setSupplier] = useState(contact ? contact.supplierNumber !== null : false);
  const [customerNumber, setCustomerNumber] = useState<number | string>(
    contact?.customerNumber ?? '',
  );
  const [supplierNumber, setSupplierNumber] = useState<number | string>(
    contact?.supplierNumber ?? '',
  );
  const [tags, setTags] = useState<string[]>(contact?.tags ?? []);
  const [persons, setPersons] = useState<PersonRow[]>(
    (contact?.persons ?? []).map((p) => ({ ...p, key: rowKey() })),
  );
  const [addresses, setAddresses] = useState<AddressRow[]>(
    (contact?.addresses ?? []).map((a) => ({ ...a, key: rowKey() })),
  );
  const errors = fieldErrorsOf(save.error);
  const placed = [
    'name',
    'orgNumber',
    'email',
    'phone',
    'website',
    'notes',
    'paymentTermsDays',
    'tags',
    // A number's error shows at its field only while the field is there.
    ...(customer ? ['customerNumber'] : []),
    ...(supplier ? ['supplierNumber'] : []),
    ...persons.flatMap((_, i) =>
      ['name', 'role', 'email', 'phone'].map((f) => `persons.${i}.${f}`),
    ),
    ...addresses.flatMap((_, i) =>
      ['line1', 'line2', 'postalCode', 'city', 'countryCode'].map((f) => `addresses.${i}.${f}`),
    ),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ContactInput = {
      kind,
      name: name.trim(),
      orgNumber: kind === 'organisation' ? blank(orgNumber) : null,
      email: blank(email),
      phone: blank(phone),
      website: blank(website),
      notes: blank(notes),
      paymentTermsDays: terms === '' ? null : Number(terms),
      isLead,
      blocked,
      customer,
      supplier,
      customerNumber:
        customer && customerNumber !== '' ? Number(customerNumber) : customer ? undefined : null,
      supplierNumber:
        supplier && supplierNumber !== '' ? Number(supplierNumber) : supplier ? undefined : null,
      tags,
      persons: persons.map((p) => ({
        name: p.name.trim(),
        role: blank(p.role),
        email: blank(p.email),
        phone: blank(p.phone),
      })),
      addresses: addresses.map((a) => ({
        kind: a.kind,
        line1: a.line1,
        countryCode: a.countryCode,
        line2: blank(a.line2),
        postalCode: blank(a.postalCode),
        city: blank(a.city),
      })),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        notifySuccess(t('contacts.saved', { name: saved.name }));
        navigate(contactPath(saved.id));
      },
    });
  };

  const setPerson = (index: number, change: Partial<PersonRow>) =>
    setPersons((rows) => rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const setAddress = (index: number, change: Partial<AddressRow>) =>
    setAddresses((rows) => rows.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <form onSubmit={submit} noValidate aria-label={t('contacts.editContact')}>
      <Stack gap="md">
        <ProblemAlert error={save.error} placedFields={placed} />
        <SegmentedControl
          aria-label={t('contacts.field.kind')}
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          data={[
            { value: 'organisation', label: t('contacts.kind.organisation') },
            { value: 'person', label: t('contacts.kind.person') },
          ]}
          w="fit-content"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('contacts.field.name')}
            required
            data-autofocus
            autoFocus
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          {kind === 'organisation' ? (
            <TextInput
              label={t('contacts.field.orgNumber')}
              inputMode="numeric"
              value={orgNumber}
              error={errors.orgNumber}
              onChange={(e) => setOrgNumber(e.currentTarget.value)}
            />
          ) : (
            <div />
          )}
          <TextInput
            label={t('contacts.field.email')}
            type="email"
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t('contacts.field.phone')}
            type="tel"
            value={phone}
            error={errors.phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <TextInput
            label={t('contacts.field.website')}
            value={website}
            error={errors.website}
            onChange={(e) => setWebsite(e.currentTarget.value)}
          />
          <NumberInput
            label={t('contacts.field.paymentTermsDays')}
            min={0}
            max={365}
            allowDecimal={false}
            value={terms}
            error={errors.paymentTermsDays}
            onChange={setTerms}
          />
        </SimpleGrid>
        <Group gap="xl" align="flex-start">
          <Stack gap={6}>
            <Checkbox
              label={t('contacts.field.customer')}
              checked={customer}
              onChange={(e) => setCustomer(e.currentTarget.checked)}
            />
            {customer ? (
              <NumberInput
                aria-label={t('contacts.field.customerNumber')}
                placeholder={t('contacts.field.numberHint')}
                allowDecimal={false}
                min={1}
                w={220}
                value={customerNumber}
                error={errors.customerNumber}
                onChange={setCustomerNumber}
              />
            ) : null}
          </Stack>
          <Stack gap={6}>
            <Checkbox
              label={t('contacts.field.supplier')}
              checked={supplier}
              onChange={(e) => setSupplier(e.currentTarget.checked)}
            />
            {supplier ? (
              <NumberInput
                aria-label={t('contacts.field.supplierNumber')}
                placeholder={t('contacts.field.numberHint')}
                allowDecimal={false}
                min={1}
                w={220}
                value={supplierNumber}
                error={errors.supplierNumber}
                onChange={setSupplierNumber}
              />
            ) : null}
          </Stack>
          <Checkbox
            label={t('contacts.field.isLead')}
            checked={isLead}
            onChange={(e) => setIsLead(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('contacts.field.blocked')}
            description={t('contacts.field.blockedHint')}
            checked={blocked}
            onChange={(e) => setBlocked(e.currentTarget.checked)}
          />
        </Group>
        <TagsInput
          label={t('contacts.field.tags')}
          placeholder={t('contacts.field.tagsHint')}
          value={tags}
          error={errors.tags}
          onChange={setTags}
        />
        <Textarea
          label={t('contacts.field.notes')}
          autosize
          minRows={2}
          value={notes}
          error={errors.notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />

        <Fieldset legend={t('contacts.persons')}>
          <Stack gap="xs">
            {persons.map((p, i) => (
              <Group key={p.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={`${t('contacts.field.name')} ${i + 1}`}
                  placeholder={t('contacts.field.name')}
                  value={p.name}
                  error={errors[`persons.${i}.name`]}
                  onChange={(e) => setPerson(i, { name: e.currentTarget.value })}
                  flex={2}
                />
                <TextInput
                  aria-label={`${t('contacts.field.role')} ${i + 1}`}
                  placeholder={t('contacts.field.role')}
                  value={p.role ?? ''}
                  onChange={(e) => setPerson(i, { role: e.currentTarget.value })}
                  flex={1}
                />
                <TextInput
                  aria-label={`${t('contacts.field.email')} ${i + 1}`}
                  placeholder={t('contacts.field.email')}
                  value={p.email ?? ''}
                  error={errors[`persons.${i}.email`]}
                  onChange={(e) => setPerson(i, { email: e.currentTarget.value })}
                  flex={2}
                />
                <TextInput
                  aria-label={`${t('contacts.field.phone')} ${i + 1}`}
                  placeholder={t('contacts.field.phone')}
                  value={p.phone ?? ''}
                  error={errors[`persons.${i}.phone`]}
                  onChange={(e) => setPerson(i, { phone: e.currentTarget.value })}
                  flex={1}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={6}
                  aria-label={`${t('contacts.remove')} ${p.name || i + 1}`}
                  onClick={() => setPersons((rows) => rows.filter((_, j) => j !== i))}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() => setPersons((rows) => [...rows, emptyPerson()])}
            >
              {t('contacts.addPerson')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('contacts.addresses')}>
          <Stack gap="xs">
            {addresses.map((a, i) => (
              <Group key={a.key} gap="xs" align="flex-start" wrap="nowrap">
                <Select
                  aria-label={`${t('contacts.field.addressKind')} ${i + 1}`}
                  data={(['visit', 'invoice', 'delivery'] as const).map((k) => ({
                    value: k,
                    label: t(`contacts.addressKind.${k}`),
                  }))}
                  value={a.kind}
                  allowDeselect={false}
                  onChange={(v) => v && setAddress(i, { kind: v as AddressKind })}
                  w={170}
                />
                <TextInput
                  aria-label={`${t('contacts.field.line1')} ${i + 1}`}
                  placeholder={t('contacts.field.line1')}
                  value={a.line1}
                  error={errors[`addresses.${i}.line1`]}
                  onChange={(e) => setAddress(i, { line1: e.currentTarget.value })}
                  flex={2}
                />
                <TextInput
                  aria-label={`${t('contacts.field.postalCode')} ${i + 1}`}
                  placeholder={t('contacts.field.postalCode')}
                  value={a.postalCode ?? ''}
                  onChange={(e) => setAddress(i, { postalCode: e.currentTarget.value })}
                  w={90}
                />
                <TextInput
                  aria-label={`${t('contacts.field.city')} ${i + 1}`}
                  placeholder={t('contacts.field.city')}
                  value={a.city ?? ''}
                  onChange={(e) => setAddress(i, { city: e.currentTarget.value })}
                  flex={1}
                />
                <TextInput
                  aria-label={`${t('contacts.field.countryCode')} ${i + 1}`}
                  value={a.countryCode}
                  error={errors[`addresses.${i}.countryCode`]}
                  onChange={(e) => setAddress(i, { countryCode: e.currentTarget.value })}
                  w={60}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={6}
                  aria-label={`${t('contacts.remove')} ${a.line1 || i + 1}`}
                  onClick={() => setAddresses((rows) => rows.filter((_, j) => j !== i))}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                setAddresses((rows) => [
                  ...rows,
                  emptyAddress(rows.length === 0 ? 'visit' : 'invoice'),
                ])
              }
            >
              {t('contacts.addAddress')}
            </Button>
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button
            variant="default"
            component="a"
            href={hrefFor(contact ? contactPath(contact.id) : CONTACT_PATHS.list)}
          >
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
