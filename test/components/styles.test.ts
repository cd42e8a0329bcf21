import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  scripts: Record<string, string>;
};

/** Every selector of the sheet (not at-rules, not keyframe steps). */
function selectors(source: string): string[] {
  const keyframes = /@keyframes[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
  return [...source.replace(keyframes, '').matchAll(/([^{};]+)\{/g)]
    .map((m) => (m[1] as string).trim())
    .filter((s) => !s.startsWith('@'))
    .flatMap((list) => list.split(',').map((s) => s.trim()));
}

describe('cognito-react/styles.css', () => {
  it('is unlayered, so a host reset (`* { padding: 0 }`, Tailwind preflight) cannot undo it', () => {
    expect(css).not.toContain('@layer');
  });

  it('styles nothing outside the library root: every selector ends inside .cognito-react', () => {
    const all = selectors(css);
    expect(all.length).toBeGreaterThan(40);
    for (const selector of all) expect(selector).toMatch(/^\.cognito-react[\s:[.]|^\.cognito-react$|^\[data-theme='dark'\] \.cognito-react:not\(\[data-theme\]\)$/);
  });

  it('has a light and a dark scheme: data-theme on the root or an ancestor, else the system setting; light stays light', () => {
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain(".cognito-react[data-theme='dark']");
    expect(css).toMatch(/prefers-color-scheme: dark\)\s*\{\s*\.cognito-react:not\(\[data-theme='light'\]\)/);
  });

  it('documents its tokens: colour (danger and success included), radius, font family and sizes, spacing, shadow', () => {
    const tokens = new Set([...css.matchAll(/(--cr-[\w-]+)\s*:/g)].map((m) => m[1]));
    for (const t of ['--cr-accent', '--cr-danger', '--cr-success', '--cr-radius', '--cr-font', '--cr-font-size', '--cr-font-size-lg', '--cr-space-4', '--cr-shadow']) {
      expect(tokens).toContain(t);
    }
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const t of tokens) expect(readme, `README documents ${t}`).toContain(`\`${t}\``);
  });

  it('ships a layered build too, for apps that want every rule of theirs to win', () => {
    expect(pkg.exports['./styles.layered.css']).toBe('./dist/styles.layered.css');
    expect(pkg.scripts.build).toContain('node scripts/build-styles.mjs');
  });
});
