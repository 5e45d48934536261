import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedTrustStore } from '../../../src-node/signing/trust-store';
import { makeTempDir } from '../../support/temp-dir';
import { createTlsPki } from '../../support/test-pki';

describe('the trust store Central checks every upload against', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let first: string;
  let second: string;
  beforeAll(() => {
    dir = makeTempDir('sohoa-trust-');
    first = createTlsPki(join(dir.path, 'pki'), 'first').caPem;
    second = createTlsPki(join(dir.path, 'pki'), 'second').caPem;
  });
  afterAll(() => dir.remove());

  const names = (anchors: { commonName: string }[]) => anchors.map((anchor) => anchor.commonName);

  it('reads the folders again only when a certificate file in them changed', async () => {
    const folder = join(dir.path, 'trust');
    const shipped = join(dir.path, 'shipped-missing');
    mkdirSync(folder);
    writeFileSync(join(folder, 'first.pem'), first);
    writeFileSync(join(folder, 'notes.txt'), 'not a certificate');
    const trust = cachedTrustStore([shipped, folder]);

    const before = await trust();
    expect(names(before)).toEqual(['CA tỉnh thử nghiệm (first)']);
    expect(await trust()).toBe(before); // unchanged: the same anchors, not parsed again

    writeFileSync(join(folder, 'notes.txt'), 'changed, but not a certificate file');
    expect(await trust()).toBe(before);

    writeFileSync(join(folder, 'second.crt'), second);
    expect(names(await trust())).toEqual(['CA tỉnh thử nghiệm (first)', 'CA tỉnh thử nghiệm (second)']);

    // Replaced in place by the admin: same name, other content.
    writeFileSync(join(folder, 'first.pem'), second);
    utimesSync(join(folder, 'first.pem'), new Date(), new Date(Date.now() + 5000));
    expect(names(await trust())).toEqual(['CA tỉnh thử nghiệm (second)', 'CA tỉnh thử nghiệm (second)']);

    rmSync(join(folder, 'second.crt'));
    rmSync(join(folder, 'first.pem'));
    expect(await trust()).toEqual([]);
  });
});
