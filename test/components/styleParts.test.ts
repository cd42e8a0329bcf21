import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitStyles } from '../../scripts/build-styles.mjs';

const source = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();

describe('the stylesheet split per use (cognito-react/styles/*.css)', () => {
  const parts = splitStyles(source) as Record<string, string>;

  it('has sign-in (everything outside a part), account and federated; together they are the whole sheet, each rule once', () => {
    expect(Object.keys(parts).sort()).toEqual(['account', 'federated', 'sign-in']);
    expect(rules(parts['sign-in']! + parts.account! + parts.federated!).length).toBe(rules(source).length);
    for (const [name, css] of Object.entries(parts)) expect(rules(css).length, name).toBeGreaterThan(200);
  });

  it("puts each component's rules in its part: account settings in account.css, federated buttons and the callback in federated.css", () => {
    expect(parts.account).toContain("[data-view='accountSettings']");
    expect(parts.federated).toContain('[data-federated]');
    expect(parts.federated).toContain('[data-callback]');
    expect(parts['sign-in']).not.toContain("[data-view='accountSettings']");
    expect(parts['sign-in']).not.toContain('[data-federated]');
    // What every form needs stays in the first part: the card, its tokens, the fields, the buttons, the slots.
    for (const needed of ['--cr-accent', '[data-variant', '[data-slot]', '[data-totp]']) expect(parts['sign-in']).toContain(needed);
  });

  it('refuses a part left open or nested, so a block cannot silently move', () => {
    expect(() => splitStyles('/* @part account */\n.cognito-react {}\n')).toThrow(/not closed/);
    expect(() => splitStyles('/* @part account */\n/* @part federated */\n/* @part end */\n')).toThrow(/inside @part account/);
  });

  it('is built into dist with layered versions, and exported', () => {
    expect(pkg.exports['./styles/*.css']).toBe('./dist/styles/*.css');
    const out = mkdtempSync(join(tmpdir(), 'styles-'));
    try {
      execFileSync('node', [new URL('../../scripts/build-styles.mjs', import.meta.url).pathname, out]);
      expect(readFileSync(join(out, 'styles.css'), 'utf8')).toBe(source);
      expect(readFileSync(join(out, 'styles.layered.css'), 'utf8')).toBe(`@layer cognito-react {\n${source}}\n`);
      for (const name of ['sign-in', 'account', 'federated']) {
        expect(readFileSync(join(out, 'styles', `${name}.css`), 'utf8')).toBe(parts[name]);
        expect(readFileSync(join(out, 'styles', `${name}.layered.css`), 'utf8')).toBe(`@layer cognito-react {\n${parts[name]}}\n`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
