import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every TypeScript code block of the README compiles as a new user would paste it: each block is a module
 * of its own, typechecked against this checkout's package names with the strictest common settings (Vite's
 * and Next.js' scaffolds turn on `strict`, `noUnusedLocals` and `noUnusedParameters`). The only names a
 * block may use without declaring them are the placeholders below, which stand for the app's own code.
 */
const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(tsx?)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] as 'ts' | 'tsx', code: m[2] as string }));

/** The README's placeholders for the app's own code (asking the user something, an analytics client, a request). */
const placeholders = `
declare global {
  /** Asks the user a question (a prompt, a dialog) and resolves with the answer. */
  function askUser(question: string): Promise<string>;
  /** The app's analytics client. */
  const analytics: { track(name: string): void };
}
export {};
`;

function typecheck(files: Record<string, string>): string[] {
  // Inside the checkout (node_modules/.cache), so the blocks' imports resolve as in an app's folder.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/readme-blocks-'));
  try {
    const names = Object.entries(files).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const program = ts.createProgram(names, {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noFallthroughCasesInSwitch: true,
      noImplicitReturns: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      baseUrl: root,
      paths: {
        'cognito-react': ['src/index.ts'],
        'cognito-react/core': ['src/core/index.ts'],
        'cognito-react/testing': ['src/testing/index.ts'],
        'cognito-react/server': ['src/server/index.ts'],
        'cognito-react/locales/*': ['src/locales/*.ts'],
      },
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(dir))
      .map((d) => `${d.file?.fileName.slice(dir.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the README', () => {
  it('has TypeScript code blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it('compiles every ts and tsx block, each on its own, under strict, noUnusedLocals and noUnusedParameters', () => {
    const files: Record<string, string> = { 'placeholders.d.ts': placeholders };
    blocks.forEach((b, i) => (files[`block${String(i + 1).padStart(2, '0')}.${b.lang}`] = b.code));
    expect(typecheck(files)).toEqual([]);
  }, 120_000);

  it('would report a block that does not compile (the check itself can fail)', () => {
    const errors = typecheck({ 'bad.tsx': "import { SignIn } from 'cognito-react';\nexport const x = <SignIn render={{ SMS_MFA: (form) => <MyCodeForm /> }} />;\n" });
    expect(errors.join('\n')).toMatch(/MyCodeForm/);
    expect(errors.join('\n')).toMatch(/form/);
  }, 120_000);
});
