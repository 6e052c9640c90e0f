import { create as createQr } from 'qrcode';
import { formatCardNumber } from '@lidz/libs';

/**
 * A printable child card (ID-1 size, 85.6 × 54 mm) as a one-page PDF: the number as a QR code and as
 * text. Written by hand — a few vector rectangles and one text run — so no PDF library is needed.
 * Only the card number and the child's initials are printed: a lost card reveals nothing else.
 */
export function cardPdf(cardNumber: string, holderInitials: string): Buffer {
  const mm = (v: number) => (v * 72) / 25.4;
  const width = mm(85.6);
  const height = mm(54);
  const qr = createQr(cardNumber, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const qrSide = mm(36);
  const cell = qrSide / size;
  const x0 = mm(4);
  const y0 = (height - qrSide) / 2;
  const rects: string[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (qr.modules.get(r, c)) rects.push(`${(x0 + c * cell).toFixed(2)} ${(y0 + (size - 1 - r) * cell).toFixed(2)} ${cell.toFixed(3)} ${cell.toFixed(3)} re`);
    }
  }
  const ascii = (t: string) => t.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const tx = mm(44);
  const content = [
    '0 0 0 rg',
    rects.join('\n'),
    'f',
    `BT /F1 9 Tf ${tx.toFixed(2)} ${mm(44).toFixed(2)} Td (Lidz.Vertigs) Tj ET`,
    `BT /F1 7 Tf ${tx.toFixed(2)} ${mm(39).toFixed(2)} Td (Berna karte / Child card) Tj ET`,
    `BT /F2 11 Tf ${tx.toFixed(2)} ${mm(26).toFixed(2)} Td (${ascii(formatCardNumber(cardNumber))}) Tj ET`,
    `BT /F1 8 Tf ${tx.toFixed(2)} ${mm(18).toFixed(2)} Td (${ascii(holderInitials)}) Tj ET`,
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width.toFixed(2)} ${height.toFixed(2)}] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
