import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Today in Norway as YYYY-MM-DD, the date the app defaults to. */
export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** "2026-03-05" → "0503", the shortest way to type a date of this year on a voucher. */
export function ddmm(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}`;
}

/** "2026-03-05" → "05.03.2026". */
export function dotted(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Opens a screen from the menu: the area first, then the screen listed under it. */
export async function openFromMenu(page: Page, area: string, screen: string) {
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: area, exact: true }).click();
  await nav.getByRole('link', { name: screen, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: screen }).waitFor();
}

/** The path of the field that has the keyboard, as the entry screen names its fields. */
export function focusedField(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field ?? null);
}

/** Typing a value into the focused field, then a key: all an accountant's hands do here. */
export async function typeAnd(page: Page, text: string, key = 'Enter') {
  if (text) await page.keyboard.type(text);
  await page.keyboard.press(key);
}

/** The running difference under the lines, as shown (e.g. "0,00"). */
export async function difference(page: Page): Promise<string> {
  const text = await page.getByRole('status', { name: /^(Differanse|Difference)$/ }).textContent();
  return (text ?? '').replace(/\s/g, ' ');
}

/**
 * Waits for "Bilag A 123 lagret" and gives the number; with `number`, waits for that one,
 * since the notice of the previous save stays until the next replaces it.
 */
export async function savedVoucher(page: Page, number?: number): Promise<number> {
  const text = number === undefined ? /^Bilag A \d+ lagret/ : `Bilag A ${number} lagret`;
  const notice = page.getByRole('status').filter({ hasText: text });
  await notice.waitFor();
  const shown = (await notice.textContent()) ?? '';
  return Number(/Bilag A (\d+) lagret/.exec(shown)?.[1]);
}

/** An input's value with its no-break spaces (as in "1 234,00") read as plain spaces. */
export async function fieldValue(page: Page, label: string): Promise<string> {
  // A select's list of options carries its label too; the value is the input's.
  const input = page.getByLabel(label, { exact: true }).and(page.locator('input'));
  return (await input.inputValue()).replace(/\s/g, ' ');
}

/**
 * Presses Enter through the rest of a line, its amounts and codes left as they are (the demo
 * company has departments and projects, so the line has those fields too), until the next
 * line's account field has the keyboard.
 */
export async function finishLine(page: Page, line: number) {
  for (let press = 0; press < 8; press++) {
    if ((await focusedField(page)) === `lines.${line + 1}.account`) return;
    await page.keyboard.press('Enter');
  }
  expect(await focusedField(page)).toBe(`lines.${line + 1}.account`);
}

interface SimpleVoucher {
  description: string;
  debit: string;
  credit: string;
  amount: string;
}

/** A two-line voucher typed on the entry screen from its first field, then Ctrl+Enter. */
export async function enterVoucher(page: Page, voucher: SimpleVoucher) {
  await page.getByLabel('Bilagsserie').focus();
  await typeAnd(page, '', 'Tab');
  await typeAnd(page, '', 'Tab');
  await typeAnd(page, voucher.description, 'Tab');
  await typeAnd(page, voucher.debit);
  await typeAnd(page, '');
  await page.keyboard.type(voucher.amount);
  await finishLine(page, 0);
  await typeAnd(page, voucher.credit);
  await finishLine(page, 1);
  await page.keyboard.press('Control+Enter');
}
