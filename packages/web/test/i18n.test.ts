import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { browserLanguage } from '../src/i18n/index';
import { nb } from '../src/i18n/nb';

/** Every text of a dictionary as [dotted key, text]. */
function texts(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string'
      ? [[prefix + key, value]]
      : texts(value as object, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('browserLanguage', () => {
  it('follows an English browser and takes every Norwegian variant as bokmål', () => {
    expect(browserLanguage(['en-GB', 'nb'])).toBe('en');
    expect(browserLanguage(['nn-NO'])).toBe('nb');
    expect(browserLanguage(['no'])).toBe('nb');
  });

  it('falls back to bokmål for other languages', () => {
    expect(browserLanguage(['de-DE', 'fr'])).toBe('nb');
    expect(browserLanguage([])).toBe('nb');
  });
});

describe('translations', () => {
  const english = new Map(texts(en));

  it('has every text in both languages, none left empty', () => {
    expect([...english.keys()].sort()).toEqual(
      texts(nb)
        .map(([key]) => key)
        .sort(),
    );
    for (const [key, text] of [...texts(nb), ...texts(en)]) expect(text, key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    for (const [key, text] of texts(nb)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});
