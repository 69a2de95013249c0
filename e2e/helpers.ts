import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Locator, Page } from 'playwright-core';

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Saves what the user sees, for a person to look at; the folder is not committed. A long
 * list or an open dialog reads better as the window alone: `fullPage: false`.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The header is fixed: from the top, a full-page capture shows the page as laid out.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

export async function logIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel(/^(E-post|E-mail)/).fill(email);
  await page.getByLabel(/^(Passord|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Logg inn|Log in)$/ }).click();
}

/**
 * After login: picks the company if the picker asks (the server remembers the last company
 * chosen, so it may not), then waits for the app shell.
 */
export async function chooseCompany(page: Page, name: string, shotName?: string) {
  const picker = page.getByRole('heading', { name: /^(Velg firma|Choose a company)$/ });
  const shell = page.getByRole('navigation');
  await picker.or(shell).first().waitFor();
  if (await picker.isVisible()) {
    if (shotName) await screenshot(page, shotName);
    await page.getByRole('button', { name }).click();
  }
  await shell.waitFor();
}

/** The text of the messages tied to an input (its description and error), as a reader hears. */
export async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

export async function waitForHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The CRC-32 a PNG chunk ends with. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small, valid PNG: a red square, as a photographed receipt stands in for. */
export function tinyPng(size = 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([200, 30, 30]))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
