import { CLAIM_KINDS, formatAmount } from '@nordbok/core';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Database } from '../../db/schema';
import { collect } from '../accounting/export/pdf';
import { getCompany } from '../admin/company.service';
import { getContact } from '../contacts/contact.service';
import type { Document } from './document.schemas';
import { getDocument, KIND_NAMES } from './document.service';

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

const date = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '';
const quantity = (n: number) => String(n).replace('.', ',');
const account = (n: string) =>
  /^\d{11}$/.test(n) ? `${n.slice(0, 4)}.${n.slice(4, 6)}.${n.slice(6)}` : n;
const orgNumber = (n: string) => n.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');

/**
 * A document as the customer or supplier gets it on paper: the company's name, address,
 * org number (with MVA when VAT registered) and logo; the recipient's invoice address; the
 * document's number, dates and references; its lines, VAT per code and total; and on a
 * claim the payment details (account, KID, due date). Text is not compressed, so what the
 * file says can be read back.
 */
export async function documentPdf(
  db: Kysely<Database>,
  companyId: number,
  documentId: number,
): Promise<{ fileName: string; content: Buffer }> {
  const doc = await getDocument(db, companyId, documentId);
  const company = await getCompany(db, companyId);
  const party = await getContact(db, companyId, doc.partyId);
  const address =
    party.addresses.find((a) => a.kind === 'invoice') ??
    party.addresses.find((a) => a.kind === 'visit') ??
    null;
  const title = `${KIND_NAMES[doc.kind]} ${doc.number}`;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    info: { Title: title, Author: company.name, Creator: 'Nordbok' },
  });
  const finished = collect(pdf);
  const right = pdf.page.width - MARGIN;

  // Sender
  let y = MARGIN;
  if (company.logo) {
    const image = Buffer.from(company.logo.slice(company.logo.indexOf(',') + 1), 'base64');
    pdf.image(image, MARGIN, y, { fit: [140, 50] });
  }
  pdf
    .font(BOLD)
    .fontSize(11)
    .text(company.name, 300, y, { width: right - 300, align: 'right' });
  pdf.font(FONT).fontSize(9);
  const sender = [
    company.postalAddress.street || company.visitAddress.street,
    [company.postalAddress.postalCode, company.postalAddress.city].filter(Boolean).join(' ') ||
      [company.visitAddress.postalCode, company.visitAddress.city].filter(Boolean).join(' '),
    `Org.nr. ${orgNumber(company.orgNumber)}${company.vatRegistered ? ' MVA' : ''}`,
    company.email ?? '',
    company.phone ?? '',
  ].filter(Boolean);
  pdf.text(sender.join('\n'), 300, pdf.y, { width: right - 300, align: 'right' });

  // Recipient and document facts
  y = 150;
  pdf.font(BOLD).fontSize(10).text(party.name, MARGIN, y);
  pdf.font(FONT).fontSize(10);
  if (address) {
    pdf.text(
      [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join('\n'),
    );
  }
  pdf
    .font(BOLD)
    .fontSize(16)
    .text(title, 320, y, { width: right - 320 });
  pdf.font(FONT).fontSize(9);
  const facts: [string, string][] = [
    ['Dato', date(doc.date)],
    ...(doc.dueDate && CLAIM_KINDS.includes(doc.kind)
      ? [['Forfallsdato', date(doc.dueDate)] as [string, string]]
      : []),
    ...(party.customerNumber
      ? [['Kundenr.', String(party.customerNumber)] as [string, string]]
      : []),
    ...(doc.yourReference ? [['Deres ref.', doc.yourReference] as [string, string]] : []),
    ...(doc.ourReference ? [['Vår ref.', doc.ourReference] as [string, string]] : []),
    ...(doc.currency ? [['Valuta', doc.currency] as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    const rowY = pdf.y;
    pdf.text(label, 320, rowY, { width: 90 });
    pdf.text(value, 410, rowY, { width: right - 410 });
  }

  // Lines
  y = Math.max(pdf.y, 250) + 20;
  const columns = [
    { label: 'Beskrivelse', x: MARGIN, width: 215, align: 'left' as const },
    { label: 'Antall', x: 270, width: 55, align: 'right' as const },
    { label: 'Pris', x: 330, width: 70, align: 'right' as const },
    { label: 'Rabatt', x: 405, width: 40, align: 'right' as const },
    { label: 'Mva', x: 450, width: 25, align: 'right' as const },
    { label: 'Beløp', x: 480, width: right - 480, align: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    if (y > pdf.page.height - 160) {
      pdf.addPage();
      y = MARGIN;
    }
    pdf.font(bold ? BOLD : FONT).fontSize(9);
    let height = 0;
    cells.forEach((cell, i) => {
      const c = columns[i]!;
      height = Math.max(height, pdf.heightOfString(cell, { width: c.width }));
      pdf.text(cell, c.x, y, { width: c.width, align: c.align });
    });
    y += height + 4;
  };
  row(
    columns.map((c) => c.label),
    true,
  );
  pdf
    .moveTo(MARGIN, y - 2)
    .lineTo(right, y - 2)
    .stroke();
  for (const l of doc.lines) {
    row([
      l.description,
      `${quantity(l.quantity)} ${l.unit}`,
      formatAmount(l.unitPrice),
      l.discount ? `${quantity(l.discount / 100)} %` : '',
      l.vatCode ?? '',
      formatAmount(l.net),
    ]);
  }
  totals(pdf, doc, right, y + 10);

  if (CLAIM_KINDS.includes(doc.kind) && doc.kind !== 'credit_note' && doc.open > 0) {
    const payY = Math.max(pdf.y + 30, pdf.page.height - 150);
    pdf.font(BOLD).fontSize(10).text('Betalingsinformasjon', MARGIN, payY);
    pdf.font(FONT).fontSize(10);
    const payment: [string, string][] = [
      ['Å betale', `${formatAmount(doc.open)} ${doc.currency ?? 'NOK'}`],
      ['Til konto', company.bankAccount ? account(company.bankAccount) : ''],
      ['KID', doc.kid ?? ''],
      ['Forfallsdato', date(doc.dueDate)],
    ];
    for (const [label, value] of payment) {
      const rowY = pdf.y;
      pdf.text(label, MARGIN, rowY, { width: 100 });
      pdf.text(value, MARGIN + 100, rowY);
    }
  }
  if (doc.text)
    pdf
      .font(FONT)
      .fontSize(9)
      .text(doc.text, MARGIN, pdf.y + 16, { width: right - MARGIN });
  pdf.end();
  return { fileName: `${title.toLowerCase().replace(/\s+/g, '-')}.pdf`, content: await finished };
}

function totals(pdf: PDFKit.PDFDocument, doc: Document, right: number, top: number) {
  const labelX = 330;
  const rows: [string, string, boolean][] = [
    ['Sum eks. mva', formatAmount(doc.net), false],
    ...doc.vatByCode
      .filter((v) => v.vat !== 0)
      .map(
        (v) =>
          [
            `Mva ${quantity(v.rate / 100)} % av ${formatAmount(v.base)}`,
            formatAmount(v.vat),
            false,
          ] as [string, string, boolean],
      ),
    [`Å betale (${doc.currency ?? 'NOK'})`, formatAmount(doc.gross), true],
  ];
  let y = top;
  for (const [label, value, bold] of rows) {
    pdf.font(bold ? BOLD : FONT).fontSize(bold ? 10 : 9);
    pdf.text(label, labelX, y, { width: 150 });
    pdf.text(value, 480, y, { width: right - 480, align: 'right' });
    y = pdf.y + 3;
  }
  pdf.x = MARGIN;
}
