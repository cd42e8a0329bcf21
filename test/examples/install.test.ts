/**
 * Installing the packed package prints nothing alarming: a fresh app with its peers, on React 18 and on
 * React 19, gets no peer-dependency warning (nor any other npm warning) from `npm install`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { npmInstall, removeExample } from './support/app.js';

const apps = {
  'React 18': { react: '18.3.1', 'react-dom': '18.3.1' },
  'React 19': { react: '19.3.1', 'react-dom': '19.3.1' },
};

describe('npm install of the tarball in a fresh app', () => {
  for (const [name, react] of Object.entries(apps)) {
    it(`prints no peer-dependency warning on ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cognito-react-install-'));
      try {
        const manifest = {
          name: 'fresh-app',
          private: true,
          dependencies: { 'cognito-react': `file:${inject('examplesTarball')}`, '@tanstack/react-query': '5.108.0', ...react },
        };
        writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
        const output = await npmInstall(dir);
        expect(output).not.toMatch(/peer|ERESOLVE|overriding/i);
        expect(output).not.toMatch(/npm warn/i);
      } finally {
        removeExample(dir);
      }
    });
  }
});
