import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * A small streaming XML emitter: elements are written as they come and handed to a Node
 * `Writable` in chunks of about 64 KiB, waiting for 'drain' when the stream is full, so a
 * file of a million lines never sits in memory as one string.
 */

/** XML 1.0 allows no control characters but tab, LF and CR, and not U+FFFE or U+FFFF. */
function allowed(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

function withoutInvalid(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    if (!allowed(text.charCodeAt(i))) {
      return [...text].filter((c) => allowed(c.charCodeAt(0))).join('');
    }
  }
  return text;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return withoutInvalid(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Cuts a text to the schema's maximum length, counting characters as XML Schema does (code
 * points, not UTF-16 units), so a long name never makes the file invalid.
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('');
}

const CHUNK = 64 * 1024;

export class XmlStream {
  private parts: string[] = [];
  private size = 0;
  private depth = 0;

  constructor(private readonly out: Writable) {}

  declaration(): void {
    this.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  }

  open(name: string, attributes: Record<string, string> = {}): void {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    this.push(`${this.indent()}<${name}${attrs}>\n`);
    this.depth += 1;
  }

  close(name: string): void {
    this.depth -= 1;
    this.push(`${this.indent()}</${name}>\n`);
  }

  /** An element with text; left out when the value is missing or empty. */
  leaf(name: string, value: string | number | null | undefined, maxLength?: number): void {
    if (value === null || value === undefined) return;
    const text = typeof value === 'number' ? String(value) : value;
    const cut = maxLength === undefined ? text : truncate(text, maxLength);
    if (cut === '') return;
    this.push(`${this.indent()}<${name}>${escapeXml(cut)}</${name}>\n`);
  }

  /** Hands what is buffered to the stream once enough has gathered (or always, at the end). */
  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < CHUNK)) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  private push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }
}
