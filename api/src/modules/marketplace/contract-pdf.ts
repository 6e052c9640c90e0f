/**
 * A printable contract as a one-page A4 PDF, written by hand (text lines in Helvetica) so no PDF
 * library is needed. Text is folded to ASCII for the standard font (ā → a); the data stays exact in the API.
 */
export function contractPdf(title: string, lines: { label?: string; text: string }[]): Buffer {
  const ascii = (t: string) => t.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const width = 595.28;
  const height = 841.89;
  const ops: string[] = ['0 0 0 rg', `BT /F2 16 Tf 56 ${height - 72} Td (${ascii(title)}) Tj ET`];
  let y = height - 110;
  for (const l of lines) {
    if (l.label) ops.push(`BT /F2 10 Tf 56 ${y.toFixed(2)} Td (${ascii(l.label)}) Tj ET`);
    ops.push(`BT /F1 10 Tf ${l.label ? 230 : 56} ${y.toFixed(2)} Td (${ascii(l.text)}) Tj ET`);
    y -= 18;
  }
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>',
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
