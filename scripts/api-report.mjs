// The public API report of each entry point (API Extractor over the built declarations in dist/), kept in
// api/<entry>.api.md so that any change to the public surface shows in review.
//
//   node scripts/api-report.mjs           compares the declarations with the committed reports; fails on a difference
//   node scripts/api-report.mjs --update  rewrites the reports (then review and commit api/)
//
// Expects a build (npm run build); scripts/check-package.mjs runs it right after building the package.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');

/** Entry point (as in package.json's exports) -> its declaration file in dist/. */
export const ENTRIES = {
  'cognito-react': 'dist/index.d.ts',
  'cognito-react-core': 'dist/core/index.d.ts',
  'cognito-react-testing': 'dist/testing/index.d.ts',
  'cognito-react-server': 'dist/server/index.d.ts',
};

export function checkApiReports({ update: write = false } = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'cognito-react-api-'));
  const changed = [];
  try {
    for (const [name, entry] of Object.entries(ENTRIES)) {
      const config = ExtractorConfig.prepare({
        configObject: {
          projectFolder: root,
          mainEntryPointFilePath: join(root, entry),
          compiler: { tsconfigFilePath: join(root, 'tsconfig.build.json') },
          apiReport: { enabled: true, reportFileName: name, reportFolder: join(root, 'api'), reportTempFolder: temp },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          messages: {
            // Reported by the review of the file, not as build errors: the report lists what is exported.
            extractorMessageReporting: {
              default: { logLevel: 'none' },
              'ae-missing-release-tag': { logLevel: 'none' },
              'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: false },
            },
            tsdocMessageReporting: { default: { logLevel: 'none' } },
            compilerMessageReporting: { default: { logLevel: 'error' } },
          },
        },
        configObjectFullPath: join(root, 'api', 'api-extractor.json'),
        packageJsonFullPath: join(root, 'package.json'),
      });
      const result = Extractor.invoke(config, { localBuild: write, showVerboseMessages: false, messageCallback: quiet });
      if (result.errorCount > 0) throw new Error(`API Extractor failed for ${entry} (${result.errorCount} errors)`);
      if (result.apiReportChanged) changed.push(name);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return changed;
}

/** API Extractor prints its own progress lines: keep only warnings and errors. */
function quiet(message) {
  if (message.logLevel === 'info' || message.logLevel === 'verbose') message.handled = true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const changed = checkApiReports({ update });
  if (update) {
    console.log(changed.length ? `Updated api/: ${changed.join(', ')}` : 'api/ is up to date');
  } else if (changed.length) {
    console.error(
      `The public API changed (${changed.join(', ')}): run \`npm run api:update\`, review the difference in api/ and commit it.`,
    );
    process.exit(1);
  } else {
    console.log(`The public API matches api/ (${Object.keys(ENTRIES).length} entry points)`);
  }
}
