import type { SigningSettings, StationSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import { assetPath } from '../../src-node/platform/asset-path';
import type { Logger } from '../platform/logger';
import { signerName, type Certificate } from '../../src-node/signing/certificate';
import { createHash } from 'node:crypto';
import { buildSignedData } from './cms';
import { signPdf, type SignedPdf } from './pades';
import { listTokens, openPkcs11Signer, type TokenSummary } from './pkcs11-signer';
import { openPkcs12Signer } from './pkcs12-signer';
import type { Signer } from './signer';
import { stampLines } from './signature-stamp';
import { requestTimestamp } from './timestamp-client';
import { loadTrustStore } from '../../src-node/signing/trust-store';
import { verifyPdf, type PdfVerification } from '../../src-node/signing/verify-pdf';

/** Opens the signer the settings name, with the PIN (token) or the password (PKCS#12 file). */
export async function openConfiguredSigner(settings: SigningSettings, secret: string): Promise<Signer> {
  if (settings.method === 'pkcs11' && settings.pkcs11Module) {
    return openPkcs11Signer({
      modulePath: settings.pkcs11Module,
      tokenLabel: settings.tokenLabel || undefined,
      certificateId: settings.certificateId || undefined,
      pin: secret,
    });
  }
  if (settings.method === 'pkcs12' && settings.pkcs12File)
    return openPkcs12Signer(settings.pkcs12File, secret);
  throw new AppError('signing.notConfigured');
}

/** The trust anchors: the shipped store, the admin's folder, and any given (the CLI's --trust). */
export const trustAnchors = (settings: SigningSettings, extra: readonly string[] = []) =>
  loadTrustStore([assetPath('trust'), settings.trustDir, ...extra].filter(Boolean));

/** Signs with the options the settings give: reason, location, stamp, timestamp server. */
export function signWithSettings(
  pdf: Uint8Array,
  signer: Signer,
  station: Pick<StationSettings, 'signing' | 'agencyName'>,
  now = new Date(),
): Promise<SignedPdf> {
  const { signing } = station;
  const name = { name: signerName(signer.certificate), organization: signer.certificate.organization };
  return signPdf(pdf, signer, {
    now,
    reason: signing.reason,
    ...(signing.location ? { location: signing.location } : {}),
    ...(signing.stamp !== 'none'
      ? { stamp: { page: signing.stamp, lines: stampLines(name, station.agencyName, now) } }
      : {}),
    ...(signing.tsaUrl
      ? { timestamp: (signature: Buffer) => requestTimestamp(signing.tsaUrl, signature) }
      : {}),
  });
}

export interface SigningStatus {
  method: SigningSettings['method'];
  unlocked: boolean;
  signer: { name: string; organization: string; issuer: string; validTo: string } | null;
}

/**
 * The station's signing device while the app runs: unlocked once with the PIN (or the
 * file's password), then used for every record the finalize runner sends, until locked,
 * logged out, or the settings change. The key itself never leaves the token or main.
 */
export function createSigningService(deps: {
  settings: () => StationSettings;
  log: Logger;
  /** verifyPdf, off the caller's event loop (main's PDF worker); in-line when not given. */
  verify?: (pdf: Uint8Array, anchors: readonly Certificate[]) => Promise<PdfVerification>;
}) {
  let current: { signer: Signer; settings: string } | null = null;
  const settingsKey = () => JSON.stringify(deps.settings().signing);

  const active = (): Signer | null => {
    if (current && current.settings !== settingsKey()) {
      void current.signer.close();
      current = null;
    }
    return current?.signer ?? null;
  };
  const unlocked = (): Signer => {
    const signer = active();
    if (signer) return signer;
    throw new AppError(
      deps.settings().signing.method === 'none' ? 'signing.notConfigured' : 'signing.locked',
    );
  };

  return {
    status(): SigningStatus {
      const signer = active();
      const { certificate } = signer ?? {};
      return {
        method: deps.settings().signing.method,
        unlocked: signer !== null,
        signer: certificate
          ? {
              name: signerName(certificate),
              organization: certificate.organization,
              issuer: certificate.issuerCommonName,
              validTo: certificate.notAfter.toISOString(),
            }
          : null,
      };
    },
    async unlock(secret: string): Promise<SigningStatus> {
      await this.lock();
      const signer = await openConfiguredSigner(deps.settings().signing, secret);
      current = { signer, settings: settingsKey() };
      deps.log.info('signing: unlocked', { kind: signer.kind, signer: signerName(signer.certificate) });
      return this.status();
    },
    async lock(): Promise<void> {
      const signer = current?.signer;
      current = null;
      await signer?.close();
    },
    tokens(): TokenSummary[] {
      const { pkcs11Module } = deps.settings().signing;
      if (!pkcs11Module) throw new AppError('signing.notConfigured');
      return listTokens(pkcs11Module);
    },
    async sign(pdf: Uint8Array, now = new Date()): Promise<SignedPdf> {
      const signer = unlocked();
      const signed = await signWithSettings(pdf, signer, deps.settings(), now);
      if (signed.timestampError)
        deps.log.warn('signing: no timestamp', { detail: signed.timestampError.detail });
      return signed;
    },
    /**
     * A detached CMS signature (base64) over a statement (a revocation's, say) by the same
     * device and certificate that sign records, so a verifier's trust store decides alike.
     */
    async signStatement(statement: string): Promise<string> {
      const signer = unlocked();
      const digest = createHash('sha256').update(statement, 'utf8').digest();
      return (await buildSignedData(digest, signer)).toString('base64');
    },
    async verify(pdf: Buffer): Promise<PdfVerification> {
      const anchors = await trustAnchors(deps.settings().signing);
      return deps.verify ? deps.verify(pdf, anchors) : verifyPdf(pdf, anchors);
    },
  };
}

export type SigningService = ReturnType<typeof createSigningService>;
