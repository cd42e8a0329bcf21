// The keys each locale lacks, or has too many of, compared with the English tables, in the English order:
// what to translate after adding keys to src/components/messages.ts, accountMessages.ts or
// FederatedSignIn/messages.ts (the three English tables that make up `MessageKey`).
//
//   node scripts/locale-keys.mjs          every locale; exits 1 when one is incomplete
//   node scripts/locale-keys.mjs de fr    those locales only
//
// A missing key is printed with its English text, ready to translate and paste at that place in the file.
// The English tables and the locale files are read as TypeScript source (no build needed).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const read = (path) => ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);

/** The string properties of an object literal, in order (through `as const` and `satisfies`). */
function entries(node) {
  while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) node = node.expression;
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  return node.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.text, ts.isStringLiteralLike(p.initializer) ? p.initializer.text : '']);
}

function table(path, exported) {
  const found = [];
  read(path).forEachChild((statement) => {
    if (exported === 'default' && ts.isExportAssignment(statement)) found.push(...entries(statement.expression));
    if (exported !== 'default' && ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (d.name.getText() === exported) found.push(...entries(d.initializer));
    }
  });
  return found;
}

// The English order: the sign-in table, then the account table's keys that the sign-in table lacks, then the
// managed-login table's (as src/locales/en.ts merges them).
const english = new Map(table('src/components/messages.ts', 'defaultMessages'));
for (const [path, name] of [
  ['src/components/accountMessages.ts', 'accountMessages'],
  ['src/components/FederatedSignIn/messages.ts', 'federatedMessages'],
  ['src/components/shared/fieldMessages.ts', 'fieldMessages'],
]) {
  const found = table(path, name);
  if (found.length === 0) throw new Error(`no ${name} table found in ${path}`);
  for (const [key, text] of found) if (!english.has(key)) english.set(key, text);
}

const wanted = process.argv.slice(2);
const tags = readdirSync(join(root, 'src/locales'))
  .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .filter((tag) => tag !== 'en' && (wanted.length === 0 || wanted.includes(tag)));

let incomplete = 0;
for (const tag of tags) {
  const keys = table(`src/locales/${tag}.ts`, 'default').map(([key]) => key);
  const have = new Set(keys);
  const missing = [...english.keys()].filter((key) => !have.has(key));
  const extra = keys.filter((key) => !english.has(key));
  const order = [...english.keys()].filter((key) => have.has(key));
  const outOfOrder = order.some((key, i) => keys.filter((k) => english.has(k))[i] !== key);
  if (missing.length === 0 && extra.length === 0 && !outOfOrder) {
    console.log(`${tag}: complete (${keys.length} keys)`);
    continue;
  }
  incomplete++;
  console.log(`${tag}: ${missing.length} missing, ${extra.length} not in English${outOfOrder ? ', not in the English order' : ''}`);
  for (const key of missing) {
    const keysInOrder = [...english.keys()];
    const after = keysInOrder.slice(0, keysInOrder.indexOf(key)).reverse().find((k) => have.has(k));
    console.log(`  missing ${JSON.stringify(key)}: ${JSON.stringify(english.get(key))}${after ? `   (after ${after})` : ''}`);
  }
  for (const key of extra) console.log(`  extra   ${JSON.stringify(key)}`);
}
process.exit(incomplete ? 1 : 0);
