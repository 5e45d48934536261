import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { readCertificate } from '../../src-node/signing/certificate';
import type { TestIdentity } from './test-pki';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';
export const TOKEN_LABEL = 'Token So LDTBXH';
export const USER_PIN = '246810';
const SO_PIN = '13572468';

/**
 * A SoftHSM2 token initialised in a temp folder (SOFTHSM2_CONF points there, so the
 * machine's tokens are untouched), holding the agency's key and certificate under one
 * CKA_ID, the way a CA's token is delivered. Call before anything loads the module.
 */
export function createSoftToken(
  dir: string,
  identity: TestIdentity,
): { module: string; label: string; pin: string } {
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { recursive: true });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const util = (...args: string[]) =>
    execFileSync('softhsm2-util', args, { env: process.env, stdio: 'pipe' });
  util('--init-token', '--free', '--label', TOKEN_LABEL, '--so-pin', SO_PIN, '--pin', USER_PIN);
  util(
    '--import',
    identity.keyPath,
    '--token',
    TOKEN_LABEL,
    '--label',
    'agency',
    '--id',
    '01',
    '--pin',
    USER_PIN,
  );

  // softhsm2-util imports keys only; the certificate goes in through PKCS#11 itself.
  const certificate = readCertificate(identity.certificateDer);
  const pkcs11 = new pkcs11js.PKCS11();
  pkcs11.load(SOFTHSM_MODULE);
  pkcs11.C_Initialize();
  try {
    const slot = pkcs11
      .C_GetSlotList(true)
      .find((each) => pkcs11.C_GetTokenInfo(each).label.trim() === TOKEN_LABEL)!;
    const session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    pkcs11.C_Login(session, pkcs11js.CKU_USER, USER_PIN);
    pkcs11.C_CreateObject(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_LABEL, value: 'agency' },
      { type: pkcs11js.CKA_ID, value: Buffer.from([1]) },
      { type: pkcs11js.CKA_VALUE, value: identity.certificateDer },
      { type: pkcs11js.CKA_SUBJECT, value: certificate.subjectDer },
      { type: pkcs11js.CKA_ISSUER, value: certificate.issuerDer },
      { type: pkcs11js.CKA_SERIAL_NUMBER, value: certificate.serialDer },
    ]);
    pkcs11.C_Logout(session);
    pkcs11.C_CloseSession(session);
  } finally {
    // Not finalised: SoftHSM cannot be initialised again in the same process afterwards,
    // and the code under test initialises it (tolerating "already initialised").
  }
  return { module: SOFTHSM_MODULE, label: TOKEN_LABEL, pin: USER_PIN };
}
