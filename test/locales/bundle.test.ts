import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { locales, type LocaleModule } from '../../src/locales/loadMessages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modules = import.meta.glob<LocaleModule>(['../../src/locales/*.ts', '!../../src/locales/loadMessages.ts', '!../../src/locales/en.ts'], { eager: true });
/** A string only that table has (its longest message), to find it in a bundle. */
const signatures = Object.values(modules).map((m) => ({
  locale: m.locale,
  text: Object.values(m.default).reduce((a, b) => (b.length > a.length ? b : a)),
}));

/** A production build of an app, in memory: its chunks, and which of them the page loads first. */
async function bundle(entry: string) {
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: false, target: 'es2022', modulePreload: false, reportCompressedSize: false, rolldownOptions: { input: `${root}/${entry}` } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const first = new Set<string>();
  const visit = (c: Rolldown.OutputChunk) => {
    if (first.has(c.fileName)) return;
    first.add(c.fileName);
    for (const dep of c.imports) if (byName.has(dep)) visit(byName.get(dep)!);
  };
  for (const c of chunks) if (c.isEntry) visit(c);
  return { entry: chunks.filter((c) => first.has(c.fileName)), lazy: chunks.filter((c) => !first.has(c.fileName)) };
}

const found = (chunks: Rolldown.OutputChunk[]) => signatures.filter((s) => chunks.some((c) => c.code.includes(s.text))).map((s) => s.locale);

describe('no translation is bundled unless the app asks for it', () => {
  it('the signatures are distinct, so finding one means finding its table', () => {
    expect(new Set(signatures.map((s) => s.text)).size).toBe(locales.length - 1);
  });

  it('an app with <CognitoProvider> and <SignIn> carries none of the tables, not even lazily', async () => {
    const { entry, lazy } = await bundle('bench/apps/ours-signin.tsx');
    expect(entry.length).toBeGreaterThan(0);
    expect(found([...entry, ...lazy])).toEqual([]);
    expect([...entry, ...lazy].flatMap((c) => c.moduleIds).filter((id) => id.includes('/src/locales/'))).toEqual([]);
  }, 120_000);

  it('an app with loadMessages fetches each table as a chunk of its own, none with the page', async () => {
    const { entry, lazy } = await bundle('test/locales/apps/loadMessages.ts');
    expect(found(entry)).toEqual([]);
    for (const { locale, text } of signatures) {
      const holding = lazy.filter((c) => c.code.includes(text));
      expect(holding, locale).toHaveLength(1);
      expect(found(holding), `${locale}'s chunk holds only ${locale}`).toEqual([locale]);
    }
  }, 120_000);
});
