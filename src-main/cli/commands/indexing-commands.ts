import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkCode, parseCodeTemplate } from '../../../src-shared/domain/record-code';
import { toAppError, type ErrorCode } from '../../../src-shared/errors/app-error';
import { suggestFields } from '../../../src-shared/indexing/field-suggestions';
import { UsageError, type CliContext } from '../cli-context';
import { EXIT, exitCodeFor } from '../exit-codes';

export const OCR_HELP = `sohoa ocr IMAGE... [--json]
  Recognises each page offline (Vietnamese + English) and prints its text, mean confidence
  and the suggested fields with the span of text each came from.`;

export async function ocrCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('sohoa ocr IMAGE... [--json]');
  const pages = [];
  let failed: ErrorCode | null = null;
  try {
    for (const image of positionals) {
      try {
        const page = await context.ocr.recognize(await readFile(image));
        const suggestions = suggestFields(page.text, [], { words: page.words });
        pages.push({
          image,
          text: page.text,
          confidence: page.confidence,
          orientation: page.orientation,
          ms: page.ms,
          suggestions,
        });
        if (!values.json) {
          context.io.stdout.write(
            `== ${image} (${page.confidence.toFixed(0)}%, ${page.ms} ms)\n${page.text}\n`,
          );
          for (const { field, value, span } of suggestions) {
            context.io.stdout.write(`  ${field}: ${value}  [${span.start}–${span.end}]\n`);
          }
        }
      } catch (error) {
        const data = toAppError(error).toData();
        failed ??= data.code;
        pages.push({ image, error: data });
        if (!values.json) {
          context.io.stderr.write(
            `✗ ${image}: ${context.t(data.messageKey, data.params ?? {})} [${data.code}]\n`,
          );
        }
      }
    }
  } finally {
    await context.ocr.close();
  }
  if (values.json) context.io.stdout.write(`${JSON.stringify({ pages }, null, 2)}\n`);
  return failed ? exitCodeFor(failed) : EXIT.ok;
}

export const CODE_HELP = `sohoa code check CODE [--json]
  Checks a record code against the station's code template and its check character.`;

export async function codeCommand(context: CliContext, argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [code] = positionals;
  if (action !== 'check' || !code) throw new UsageError('sohoa code check CODE');
  const template = context.settings().codeTemplate;
  const result = checkCode(parseCodeTemplate(template).tokens, code);
  const message = result.ok ? context.t('codes.valid') : context.t(`codes.${result.problem}`);
  context.io.stdout.write(
    values.json ? `${JSON.stringify({ code, template, ...result, message })}\n` : `${message}\n`,
  );
  return result.ok ? EXIT.ok : EXIT.invalidInput;
}
