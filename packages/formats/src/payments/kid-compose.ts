import { type KidMethod, makeKid } from '../kid';

/**
 * How a company builds the KIDs on its invoices: the customer number zero-padded to a
 * fixed width (left out when the width is 0), then the invoice number zero-padded to its
 * width, then the check digit. Customer 1234 in 6 digits and invoice 567 in 7 digits give
 * the body 0012340000567 and, with MOD10, the KID 00123400005674.
 */
export interface KidLayout {
  method: KidMethod;
  customerNumber: number | null;
  customerDigits: number;
  invoiceNumber: number;
  invoiceDigits: number;
}

function padded(value: number, digits: number, what: string, settingName: string): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`The ${what} in a KID must be a whole number of 0 or more, not ${value}.`);
  }
  const text = String(value);
  if (text.length > digits) {
    throw new RangeError(
      `The ${what} ${value} has ${text.length} digits, but the KID has room ` +
        `for ${digits}; allow more ${settingName} digits in the KID settings.`,
    );
  }
  return text.padStart(digits, '0');
}

/** The KID for an invoice; refuses layouts and numbers that cannot make a valid one. */
export function composeKid(layout: KidLayout): string {
  const { method, customerNumber, customerDigits, invoiceNumber, invoiceDigits } = layout;
  if (method !== 'mod10' && method !== 'mod11') {
    throw new RangeError(`A KID's check digit is MOD10 or MOD11, not "${method}".`);
  }
  if (!Number.isInteger(customerDigits) || customerDigits < 0) {
    throw new RangeError(
      `The customer number's width in a KID is 0 or more digits, not ${customerDigits}.`,
    );
  }
  if (!Number.isInteger(invoiceDigits) || invoiceDigits < 1) {
    throw new RangeError(
      `The invoice number's width in a KID is 1 or more digits, not ${invoiceDigits}.`,
    );
  }
  const length = customerDigits + invoiceDigits + 1;
  if (length < 2 || length > 25) {
    throw new RangeError(
      `A KID is 2 to 25 digits long; ${customerDigits} customer digits, ` +
        `${invoiceDigits} invoice digits and the check digit make ${length}.`,
    );
  }
  let body = '';
  if (customerDigits > 0) {
    if (customerNumber === null) {
      throw new RangeError(
        'The KID holds the customer number, but this customer has none; give ' +
          'the customer a number or leave the customer number out of the KID.',
      );
    }
    body += padded(customerNumber, customerDigits, 'customer number', 'customer');
  }
  body += padded(invoiceNumber, invoiceDigits, 'invoice number', 'invoice');
  const kid = makeKid(body, method);
  if (kid.endsWith('-')) {
    throw new RangeError(
      `Invoice ${invoiceNumber} would get the MOD11 KID ${kid}, ending in "-", which many banks ` +
        `and payers cannot handle; choose MOD10 for KIDs or give the invoice another number.`,
    );
  }
  return kid;
}
