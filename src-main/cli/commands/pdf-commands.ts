import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import {
  recordDocumentMetaSchema,
  type RecordDocumentMeta,
} from '../../../src-shared/domain/record-document';
import { signingSettingsSchema } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { recordedDpi } from '../../imaging/recorded-dpi';
import { buildRecordPdf, type RecordPdfPage } from '../../pdf/record-pdf';
import { openPkcs11Signer } from '../../signing/pkcs11-signer';
import { openPkcs12Signer } from '../../signing/pkcs12-signer';
import { signWithSettings, trustAnchors } from '../../signing/signing-service';
import { verifyPdf } from '../../../src-node/signing/verify-pdf';
import { secretFrom, UsageError, type CliContext } from '../cli-context';
import { EXIT } from '../exit-codes';

export const PDF_HELP = `sohoa pdf IMAGE... --out FILE.pdf [--ocr] [--clean-up] [--meta meta.json] [--dpi N]
  Builds one PDF/A-2b file from page images (JPEG and PNG kept as they are), each page at
  its physical size (the image's dpi, else --dpi, default 300); --ocr adds the invisible
  Vietnamese text layer; --clean-up shows each page turned level, its dark edges and paper
  whitened, colours kept; --meta gives the code and fields for the document info and XMP.`;

export const SIGN_HELP = `sohoa sign FILE.pdf --out SIGNED.pdf (--p12 FILE --password-env VAR |
           --pkcs11 MODULE [--token LABEL] [--certificate ID] --pin-env VAR)
           [--stamp first|last] [--tsa URL] [--reason TEXT]
  Signs a PDF (PAdES B-B, B-T with --tsa) with a PKCS#12 file or a PKCS#11 token.`;

export const VERIFY_HELP = `sohoa verify FILE.pdf [--json] [--trust DIR]...
  Verifies every signature: integrity, signer, signing time, chain to the trust store
  (assets/trust, the station's trust folder, --trust), changes after signing.
  Exit code 0 only for intact, trusted signatures with nothing changed after them.`;

/** A page image as the PDF takes it: JPEG and PNG as they are, anything else as JPEG. */
async function pageFrom(path: string, fallbackDpi: number): Promise<RecordPdfPage> {
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new AppError('import.unreadableFile', { params: { name: basename(path) }, detail: String(error) });
  });
  const metadata = await sharp(bytes)
    .metadata()
    .catch((error: unknown) => {
      throw new AppError('imaging.unreadable', { detail: `${path}: ${String(error)}` });
    });
  const dpi = recordedDpi(metadata.density) ?? fallbackDpi;
  if (metadata.format === 'jpeg') return { image: bytes, mimeType: 'image/jpeg', dpi, rotation: 0 };
  if (metadata.format === 'png') return { image: bytes, mimeType: 'image/png', dpi, rotation: 0 };
  const jpeg = await sharp(bytes).flatten({ background: 'white' }).jpeg({ quality: 85 }).toBuffer();
  return { image: jpeg, mimeType: 'image/jpeg', dpi, rotation: 0 };
}

export async function pdfCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      ocr: { type: 'boolean', default: false },
      'clean-up': { type: 'boolean', default: false },
      meta: { type: 'string' },
      dpi: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
    },
  });
  const dpi = Number(values.dpi);
  if (positionals.length === 0 || !values.out || !(dpi >= 72 && dpi <= 2400)) throw new UsageError(PDF_HELP);
  let meta: RecordDocumentMeta = { code: basename(values.out, '.pdf'), fields: {} };
  if (values.meta) {
    const parsed = recordDocumentMetaSchema.safeParse(
      JSON.parse(await readFile(values.meta, 'utf8').catch(() => 'null')),
    );
    if (!parsed.success) throw new UsageError(`--meta ${values.meta}: ${parsed.error.message}`);
    meta = parsed.data;
  }
  const pages: RecordPdfPage[] = [];
  try {
    for (const path of positionals) {
      const page = await pageFrom(path, dpi);
      if (values.ocr) page.ocr = await context.ocr.recognize(Buffer.from(page.image));
      pages.push(page);
    }
  } finally {
    await context.ocr.close();
  }
  const pdf = await buildRecordPdf(
    pages,
    meta,
    values['clean-up'] ? { cleanUp: { jpegQuality: context.settings().capture.jpegQuality } } : {},
  );
  await writeFile(values.out, pdf);
  context.io.stdout.write(
    values.json
      ? `${JSON.stringify({ out: values.out, pages: pages.length, bytes: pdf.length })}\n`
      : `${values.out}: ${pages.length} trang, ${pdf.length} byte\n`,
  );
  return EXIT.ok;
}

export async function signCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      p12: { type: 'string' },
      'password-env': { type: 'string' },
      pkcs11: { type: 'string' },
      token: { type: 'string' },
      certificate: { type: 'string' },
      'pin-env': { type: 'string' },
      stamp: { type: 'string' },
      tsa: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [input] = positionals;
  const stamp = values.stamp ?? 'none';
  if (!input || !values.out || !values.p12 === !values.pkcs11 || !['none', 'first', 'last'].includes(stamp)) {
    throw new UsageError(SIGN_HELP);
  }
  const secret = (variable: string | undefined, question: string) => secretFrom(context, variable, question);
  const signer = values.p12
    ? await openPkcs12Signer(values.p12, await secret(values['password-env'], 'Mật khẩu tệp chứng thư: '))
    : await openPkcs11Signer({
        modulePath: values.pkcs11!,
        ...(values.token ? { tokenLabel: values.token } : {}),
        ...(values.certificate ? { certificateId: values.certificate } : {}),
        pin: await secret(values['pin-env'], 'Mã PIN: '),
      });
  try {
    const station = context.settings();
    const signing = signingSettingsSchema.parse({
      ...station.signing,
      stamp,
      tsaUrl: values.tsa ?? '',
      ...(values.reason ? { reason: values.reason } : {}),
    });
    const pdf = await readFile(input).catch((error: unknown) => {
      throw new AppError('signing.pdfUnreadable', { detail: String(error) });
    });
    const signed = await signWithSettings(pdf, signer, { ...station, signing });
    await writeFile(values.out, signed.pdf);
    const warning = signed.timestampError
      ? context.t(signed.timestampError.messageKey, signed.timestampError.params ?? {})
      : undefined;
    context.io.stdout.write(
      values.json
        ? `${JSON.stringify({ out: values.out, level: signed.level, ...(warning ? { warning } : {}) })}\n`
        : `${values.out}: PAdES ${signed.level}${warning ? `\n${warning}` : ''}\n`,
    );
    return EXIT.ok;
  } finally {
    await signer.close();
  }
}

export async function verifyCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, trust: { type: 'string', multiple: true } },
  });
  const [input] = positionals;
  if (!input) throw new UsageError(VERIFY_HELP);
  const file = await readFile(input).catch((error: unknown) => {
    throw new AppError('signing.pdfUnreadable', { detail: String(error) });
  });
  const report = verifyPdf(file, await trustAnchors(context.settings().signing, values.trust ?? []));
  if (values.json) {
    context.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const t = context.t;
    if (report.signatures.length === 0) context.io.stdout.write(`${t('verification.none')}\n`);
    for (const [index, signature] of report.signatures.entries()) {
      context.io.stdout.write(
        [
          `#${index + 1} ${signature.signer?.name ?? '?'}`,
          `  ${t(signature.intact ? 'verification.intact' : 'verification.broken')}`,
          `  ${t(`verification.chain.${signature.chain.status}`)}`,
          `  ${t('verification.time')}: ${signature.timestamp?.time ?? signature.claimedTime ?? '?'}`,
          ...(signature.problem ? [`  ${signature.problem}`] : []),
        ].join('\n') + '\n',
      );
    }
    if (report.changedAfterSigning) context.io.stdout.write(`${t('verification.changedAfterSigning')}\n`);
  }
  return report.valid ? EXIT.ok : EXIT.failure;
}
