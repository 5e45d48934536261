import { createHash } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { AppError } from '../../src-shared/errors/app-error';
import { readCertificate, type Certificate } from '../../src-node/signing/certificate';
import type { Signer } from './signer';

/**
 * Signing with a USB token through its vendor's PKCS#11 library (how agencies sign with
 * certificates from government or commercial CAs). The private key never leaves the token.
 */

export interface TokenCertificate {
  /** CKA_ID in hex: pairs the certificate with its private key. */
  id: string;
  label: string;
  commonName: string;
  notAfter: string;
}

export interface TokenSummary {
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  pin: { countLow: boolean; finalTry: boolean; locked: boolean };
  certificates: TokenCertificate[];
}

const modules = new Map<string, pkcs11js.PKCS11>();

const CKR = {
  pinIncorrect: pkcs11js.CKR_PIN_INCORRECT,
  pinLocked: pkcs11js.CKR_PIN_LOCKED,
  removed: [
    pkcs11js.CKR_TOKEN_NOT_PRESENT,
    pkcs11js.CKR_DEVICE_REMOVED,
    pkcs11js.CKR_SESSION_HANDLE_INVALID,
    pkcs11js.CKR_SESSION_CLOSED,
    pkcs11js.CKR_DEVICE_ERROR,
    pkcs11js.CKR_SLOT_ID_INVALID,
  ],
};

const trimmed = (value: string) => value.replace(/\0/g, '').trim();

/** A PKCS#11 failure as the clerk's error: wrong PIN with the tries the token admits to, locked, removed. */
function tokenError(error: unknown, pkcs11?: pkcs11js.PKCS11, slot?: Buffer): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: number }).code;
  const detail = String(error);
  if (code === CKR.pinIncorrect) {
    const flags = pkcs11 && slot ? pinFlags(pkcs11, slot) : undefined;
    if (flags?.locked) return new AppError('signing.pinLocked', { detail });
    const context = flags?.finalTry ? 'finalTry' : flags?.countLow ? 'countLow' : undefined;
    return new AppError('signing.wrongPin', { detail, ...(context ? { params: { context } } : {}) });
  }
  if (code === CKR.pinLocked) return new AppError('signing.pinLocked', { detail });
  if (code !== undefined && CKR.removed.includes(code))
    return new AppError('signing.tokenRemoved', { detail });
  return new AppError('signing.deviceError', {
    params: { code: detail.split(':')[0] ?? String(code) },
    detail,
  });
}

function pinFlags(pkcs11: pkcs11js.PKCS11, slot: Buffer): TokenSummary['pin'] {
  try {
    const { flags } = pkcs11.C_GetTokenInfo(slot);
    return {
      countLow: (flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) !== 0,
      finalTry: (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0,
      locked: (flags & pkcs11js.CKF_USER_PIN_LOCKED) !== 0,
    };
  } catch {
    return { countLow: false, finalTry: false, locked: false };
  }
}

/** The vendor library, loaded and initialised once per process. */
function moduleAt(path: string): pkcs11js.PKCS11 {
  const loaded = modules.get(path);
  if (loaded) return loaded;
  const pkcs11 = new pkcs11js.PKCS11();
  try {
    pkcs11.load(path);
  } catch (error) {
    throw new AppError('signing.moduleMissing', { params: { path }, detail: String(error) });
  }
  try {
    pkcs11.C_Initialize();
  } catch (error) {
    if ((error as { code?: number }).code !== pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new AppError('signing.moduleMissing', { params: { path }, detail: String(error) });
    }
  }
  modules.set(path, pkcs11);
  return pkcs11;
}

function findObjects(pkcs11: pkcs11js.PKCS11, session: Buffer, template: pkcs11js.Template): Buffer[] {
  pkcs11.C_FindObjectsInit(session, template);
  try {
    return pkcs11.C_FindObjects(session, 64);
  } finally {
    pkcs11.C_FindObjectsFinal(session);
  }
}

function certificatesOn(
  pkcs11: pkcs11js.PKCS11,
  session: Buffer,
): { id: Buffer; label: string; certificate: Certificate }[] {
  return findObjects(pkcs11, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
  ]).flatMap((handle) => {
    const [value, id, label] = pkcs11.C_GetAttributeValue(session, handle, [
      { type: pkcs11js.CKA_VALUE },
      { type: pkcs11js.CKA_ID },
      { type: pkcs11js.CKA_LABEL },
    ]);
    try {
      return [
        {
          id: id?.value instanceof Buffer ? id.value : Buffer.alloc(0),
          label: label?.value instanceof Buffer ? label.value.toString('utf8') : '',
          certificate: readCertificate(value!.value as Buffer),
        },
      ];
    } catch {
      return [];
    }
  });
}

/** Slots holding an initialised token (a blank one cannot be opened, and is not a signing device). */
function slotsOf(pkcs11: pkcs11js.PKCS11) {
  return pkcs11
    .C_GetSlotList(true)
    .map((slot) => ({ slot, info: pkcs11.C_GetTokenInfo(slot) }))
    .filter(({ info }) => (info.flags & pkcs11js.CKF_TOKEN_INITIALIZED) !== 0);
}

/** The tokens plugged in, each with its certificates (public objects: no PIN needed). */
export function listTokens(modulePath: string): TokenSummary[] {
  const pkcs11 = moduleAt(modulePath);
  try {
    return slotsOf(pkcs11).map(({ slot, info }) => {
      const session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      try {
        return {
          label: trimmed(info.label),
          manufacturer: trimmed(info.manufacturerID),
          model: trimmed(info.model),
          serial: trimmed(info.serialNumber),
          pin: pinFlags(pkcs11, slot),
          certificates: certificatesOn(pkcs11, session).map(({ id, label, certificate }) => ({
            id: id.toString('hex'),
            label,
            commonName: certificate.commonName,
            notAfter: certificate.notAfter.toISOString(),
          })),
        };
      } finally {
        pkcs11.C_CloseSession(session);
      }
    });
  } catch (error) {
    throw tokenError(error);
  }
}

/** DigestInfo for SHA-256 (RFC 8017 9.2), for tokens that only sign raw PKCS#1 (CKM_RSA_PKCS). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Logs in to the token (by label; the first one when no label is given) and returns a
 * signer for its certificate (by CKA_ID; the first one that has a private key otherwise).
 */
export async function openPkcs11Signer(options: {
  modulePath: string;
  tokenLabel?: string;
  certificateId?: string;
  pin: string;
}): Promise<Signer> {
  const pkcs11 = moduleAt(options.modulePath);
  const tokens = (() => {
    try {
      return slotsOf(pkcs11);
    } catch (error) {
      throw tokenError(error);
    }
  })();
  const token = options.tokenLabel
    ? tokens.find(({ info }) => trimmed(info.label) === options.tokenLabel)
    : tokens[0];
  if (!token) throw new AppError('signing.tokenMissing', { params: { label: options.tokenLabel ?? '' } });
  const { slot } = token;
  let session: Buffer;
  try {
    session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  } catch (error) {
    throw tokenError(error, pkcs11, slot);
  }
  try {
    pkcs11.C_Login(session, pkcs11js.CKU_USER, options.pin);
  } catch (error) {
    pkcs11.C_CloseSession(session);
    throw tokenError(error, pkcs11, slot);
  }
  try {
    const keyFor = (id: Buffer) =>
      findObjects(pkcs11, session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: id },
      ])[0];
    const onToken = certificatesOn(pkcs11, session);
    const wanted = options.certificateId?.toLowerCase();
    // The named certificate, or the first one whose private key is on the token.
    let chosen: ((typeof onToken)[number] & { key: Buffer }) | undefined;
    for (const each of onToken) {
      if (wanted && each.id.toString('hex') !== wanted) continue;
      const key = keyFor(each.id);
      if (key) {
        chosen = { ...each, key };
        break;
      }
    }
    if (!chosen) throw new AppError('signing.certificateMissing');
    const { certificate, key } = chosen;
    const others = onToken
      .map((each) => each.certificate)
      .filter((each) => !each.der.equals(certificate.der));
    const mechanisms = pkcs11.C_GetMechanismList(slot);
    const hashOnToken = mechanisms.includes(pkcs11js.CKM_SHA256_RSA_PKCS);
    const modulusBytes = Math.ceil(
      (certificate.x509.publicKey.asymmetricKeyDetails?.modulusLength ?? 4096) / 8,
    );
    if (certificate.x509.publicKey.asymmetricKeyType !== 'rsa') throw new AppError('signing.unsupportedKey');
    return {
      kind: 'pkcs11',
      certificate,
      chain: others,
      async sign(data) {
        try {
          const input = hashOnToken
            ? data
            : Buffer.concat([SHA256_DIGEST_INFO, createHash('sha256').update(data).digest()]);
          pkcs11.C_SignInit(
            session,
            { mechanism: hashOnToken ? pkcs11js.CKM_SHA256_RSA_PKCS : pkcs11js.CKM_RSA_PKCS },
            key,
          );
          // The token works on a libuv thread: main's event loop is free meanwhile.
          return await pkcs11.C_SignAsync(session, input, Buffer.alloc(modulusBytes));
        } catch (error) {
          throw tokenError(error, pkcs11, slot);
        }
      },
      async close() {
        try {
          pkcs11.C_Logout(session);
          pkcs11.C_CloseSession(session);
        } catch {
          // a pulled token has no session left to close
        }
      },
    };
  } catch (error) {
    try {
      pkcs11.C_CloseSession(session);
    } catch {
      // already gone
    }
    throw tokenError(error, pkcs11, slot);
  }
}
