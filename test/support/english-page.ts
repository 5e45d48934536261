/**
 * An English page as a foreign worker's dossier holds one (a letter of experience from an
 * employer abroad), as an A4 SVG, with its text: OCR must read it with the English model.
 */
export const ENGLISH_LINES = [
  'CERTIFICATE OF WORK EXPERIENCE',
  'To whom it may concern,',
  'This is to certify that Mr. Daniel Whitfield, holder of passport number',
  'C4827193, was employed by Northgate Engineering Limited from 12 March 2016',
  'to 30 June 2022 as a senior structural engineer. During this period he was',
  'responsible for the design and supervision of steel and concrete works for',
  'industrial buildings, and he managed a team of fourteen engineers.',
  'His performance was consistently excellent. He left the company of his own',
  'accord, and we would welcome him back should the opportunity arise.',
  'Should you require any further information, please do not hesitate to',
  'contact our human resources department at the address below.',
  'Yours faithfully,',
  'Margaret Ellison',
  'Head of Human Resources',
];

export function englishPageSvg(): string {
  const lines = ENGLISH_LINES.map(
    (line, index) =>
      `<text x="${index === 0 ? 105 : 22}" y="${40 + index * 9}"${index === 0 ? ' text-anchor="middle" font-weight="bold"' : ''}>${line}</text>`,
  ).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="595.28" height="841.89" viewBox="0 0 210 297">` +
    `<rect width="210" height="297" fill="#ffffff"/>` +
    `<g font-family="Liberation Serif, DejaVu Serif, serif" font-size="4.6" fill="#111">${lines}</g></svg>`
  );
}
