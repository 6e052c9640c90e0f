/**
 * A small PDF 1.4 writer for invoices: text only, A4, the standard Helvetica fonts (no font files to
 * ship). The standard fonts carry the Latvian letters; a custom encoding maps them into single bytes.
 * Streams are left uncompressed so a test (or an auditor) can read the text back.
 */

const LATVIAN_GLYPHS: Array<[string, string]> = [
  ['ā', 'amacron'],
  ['Ā', 'Amacron'],
  ['č', 'ccaron'],
  ['Č', 'Ccaron'],
  ['ē', 'emacron'],
  ['Ē', 'Emacron'],
  ['ģ', 'gcommaaccent'],
  ['Ģ', 'Gcommaaccent'],
  ['ī', 'imacron'],
  ['Ī', 'Imacron'],
  ['ķ', 'kcommaaccent'],
  ['Ķ', 'Kcommaaccent'],
  ['ļ', 'lcommaaccent'],
  ['Ļ', 'Lcommaaccent'],
  ['ņ', 'ncommaaccent'],
  ['Ņ', 'Ncommaaccent'],
  ['š', 'scaron'],
  ['Š', 'Scaron'],
  ['ū', 'umacron'],
  ['Ū', 'Umacron'],
  ['ž', 'zcaron'],
  ['Ž', 'Zcaron'],
  ['€', 'Euro'],
  ['–', 'endash'],
  ['—', 'emdash'],
  ['„', 'quotedblbase'],
  ['“', 'quotedblleft'],
  ['”', 'quotedblright'],
  ['’', 'quoteright'],
  ['×', 'multiply'],
];
const FIRST_CODE = 0x80;
const CODE_OF = new Map(LATVIAN_GLYPHS.map(([ch], i) => [ch, FIRST_CODE + i]));

/** Helvetica advance widths (per 1000) for what right-aligned columns hold: digits and separators. */
const WIDTHS: Record<string, number> = { ' ': 278, '.': 278, ',': 278, '-': 333, '−': 584, '€': 556, '/': 278, ':': 278 };
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 556 : bold ? 611 : 556);
  return (w * size) / 1000;
}

function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const mapped = CODE_OF.get(ch);
    let code = mapped ?? ch.codePointAt(0)!;
    if (mapped === undefined && (code > 0xff || (code >= 0x80 && code < 0xa0) || code < 0x20)) code = 0x3f; // '?'
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}

export interface PdfText {
  text: string;
  x: number;
  /** y from the top of the page, in points */
  y: number;
  size?: number;
  bold?: boolean;
  align?: 'left' | 'right';
}

export const A4 = { width: 595, height: 842 };

export function renderPdf(pages: PdfText[][], title: string): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const differences = `[${FIRST_CODE} ${LATVIAN_GLYPHS.map(([, g]) => `/${g}`).join(' ')}]`;
  const encodingId = add(`<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences ${differences} >>`);
  const regular = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding ${encodingId} 0 R >>`);
  const bold = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding ${encodingId} 0 R >>`);
  const pagesId = objects.length + 1 + pages.length * 2;
  const pageIds: number[] = [];
  for (const items of pages) {
    const ops = items.map((t) => {
      const size = t.size ?? 10;
      const x = t.align === 'right' ? t.x - textWidth(t.text, size, t.bold) : t.x;
      return `BT /${t.bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(2)} ${(A4.height - t.y).toFixed(2)} Td (${encode(t.text)}) Tj ET`;
    });
    const stream = ops.join('\n');
    const contentId = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
  }
  const realPagesId = add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  if (realPagesId !== pagesId) throw new Error('pdf object numbering went wrong');
  const info = add(`<< /Title (${encode(title)}) /Producer (Lidz.Vertigs) >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Reads back the text a page shows (for tests): decodes the string operands of Tj. */
export function extractPdfText(pdf: Buffer): string[] {
  const src = pdf.toString('latin1');
  const byCode = new Map(LATVIAN_GLYPHS.map(([ch], i) => [FIRST_CODE + i, ch]));
  const out: string[] = [];
  for (const m of src.matchAll(/\((?:\\.|[^\\)])*\) Tj/g)) {
    const raw = m[0].slice(1, -4);
    out.push(
      raw.replace(/\\([0-7]{3}|.)/g, (_, e: string) => {
        if (e.length === 3) {
          const code = parseInt(e, 8);
          return byCode.get(code) ?? String.fromCharCode(code);
        }
        return e;
      }),
    );
  }
  return out;
}
