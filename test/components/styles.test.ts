import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

describe('cognito-react/styles.css', () => {
  it('sits in one cascade layer, so any rule of the app wins', () => {
    expect(css.trim().startsWith('@layer cognito-react {')).toBe(true);
    expect(css.trim().endsWith('}')).toBe(true);
    expect(css.match(/@layer/g)).toHaveLength(1);
  });

  it('styles nothing outside the library root: every selector starts at .cognito-react', () => {
    const selectors = [...css.matchAll(/([^{};]+)\{/g)]
      .map((m) => (m[1] as string).trim())
      .filter((s) => !s.startsWith('@'));
    expect(selectors.length).toBeGreaterThan(10);
    for (const list of selectors) {
      for (const selector of list.split(',').map((s) => s.trim())) expect(selector).toMatch(/^\.cognito-react[\s:[]|^\.cognito-react$/);
    }
  });

  it('has a dark scheme, by the system setting and by data-theme', () => {
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain(".cognito-react[data-theme='dark']");
  });
});
