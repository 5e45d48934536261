import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUT, requireBuild, ROOT } from '../support/built-app';

const run = promisify(execFile);
const REPORT = resolve(ROOT, 'test-results/electronegativity.csv');
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string })
  .version;

interface Finding {
  check: string;
  severity: string;
  file: string;
}

/** Electronegativity's CSV: one finding a line, `CHECK,"SEVERITY","CONFIDENCE","file",...`. */
const parseFindings = (csv: string): Finding[] =>
  [...csv.matchAll(/^([A-Z_]+),"(HIGH|MEDIUM|LOW|INFORMATIONAL)","[A-Z]+","([^"]*)"/gm)].map(
    ([, check, severity, file]) => ({
      check: check!,
      severity: severity!,
      file: file!,
    }),
  );

describe('Electronegativity on the built app', () => {
  let findings: Finding[];

  beforeAll(async () => {
    requireBuild();
    rmSync(REPORT, { force: true });
    // Offline: -e pins the Electron version; its attempt to fetch release notes only warns.
    await run(process.execPath, [
      resolve(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i',
      OUT,
      '-e',
      electronVersion,
      '-r',
      '-o',
      REPORT,
    ]);
    findings = parseFindings(readFileSync(REPORT, 'utf8'));
  }, 120_000);

  it('scanned main, preload and renderer and wrote its report', () => {
    expect(readFileSync(REPORT, 'utf8')).toMatch(/^issue, severity, confidence/);
    // The reviewed findings below prove the scan reached the window code and the CSP.
    expect(findings.map((finding) => finding.check)).toContain('PRELOAD_JS_CHECK');
    expect(
      findings.some((finding) => finding.check === 'CSP_GLOBAL_CHECK' && finding.file.includes('index.html')),
    ).toBe(true);
  });

  it('reports no high-severity finding', () => {
    expect(findings.filter((finding) => finding.severity === 'HIGH')).toEqual([]);
  });

  it('finds none of the configuration mistakes the baseline forbids', () => {
    const forbidden = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'INSECURE_CONTENT_JS_CHECK',
      'EXPERIMENTAL_FEATURES_JS_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'REMOTE_MODULE_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
    ];
    expect(findings.filter((finding) => forbidden.includes(finding.check))).toEqual([]);
  });
});
