// The stylesheets of the package, from src/styles.css: the whole sheet (styles.css) and, split at its
// `/* @part NAME */ ... /* @part end */` markers, one sheet per use: styles/sign-in.css (every block outside
// a part: the card, fields, buttons, every form of sign-in, sign-up and password reset), styles/account.css
// (<AccountSettings> and its sections) and styles/federated.css (<FederatedSignIn>, <RedirectCallback>),
// the last two on top of sign-in.css. Each also as *.layered.css, inside `@layer cognito-react`.
//
//   node scripts/build-styles.mjs [dir]   writes dist/ (or dir/) styles.css, styles.layered.css, styles/*.css
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = /^\/\* @part ([\w-]+)\b[^*]*\*\/\n/gm;

/** The sheet split at its markers: `{ 'sign-in': ..., account: ..., federated: ... }`, markers left out. */
export function splitStyles(css) {
  const parts = { 'sign-in': '' };
  let current = 'sign-in';
  let at = 0;
  for (const match of css.matchAll(MARKER)) {
    parts[current] = (parts[current] ?? '') + css.slice(at, match.index);
    const name = match[1];
    if (name === 'end') current = 'sign-in';
    else if (current !== 'sign-in') throw new Error(`styles.css: @part ${name} inside @part ${current} (close it with /* @part end */ first)`);
    else current = name;
    at = match.index + match[0].length;
  }
  if (current !== 'sign-in') throw new Error(`styles.css: @part ${current} is not closed with /* @part end */`);
  parts[current] += css.slice(at);
  return parts;
}

const layered = (css) => `@layer cognito-react {\n${css}}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const css = readFileSync(join(root, 'src/styles.css'), 'utf8');
  const dist = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');
  mkdirSync(join(dist, 'styles'), { recursive: true });
  writeFileSync(join(dist, 'styles.css'), css);
  writeFileSync(join(dist, 'styles.layered.css'), layered(css));
  for (const [name, part] of Object.entries(splitStyles(css))) {
    writeFileSync(join(dist, 'styles', `${name}.css`), part);
    writeFileSync(join(dist, 'styles', `${name}.layered.css`), layered(part));
  }
}
