/** The invoice for people: a PDF laid out from the same figures as the e-invoice. */
import { centsToDecimalString, type Cents } from '@lidz/libs';
import { renderPdf, type PdfText } from './pdf';

export interface InvoicePdfLabels {
  title: string;
  draft: string;
  number: string;
  issueDate: string;
  period: string;
  seller: string;
  buyer: string;
  date: string;
  service: string;
  child: string;
  source: string;
  amount: string;
  totalBySource: string;
  total: string;
  credit: string;
}

export interface InvoicePdfModel {
  number: string | null;
  issueDate: string | null;
  periodStart: string;
  periodEnd: string;
  seller: string;
  sellerCode: string;
  buyer: string;
  lines: Array<{ date: string; service: string; child: string; source: string; amountCents: Cents; credit: boolean }>;
  bySource: Array<{ fundingSource: string; totalCents: Cents }>;
  totalCents: Cents;
}

/** "1 234,56 €" — the lv-LV money format, written out by hand so it does not depend on ICU data. */
export function formatEuro(cents: Cents): string {
  const [whole, frac] = centsToDecimalString(cents).split('.');
  const sign = whole.startsWith('-') ? '−' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${digits},${frac} €`;
}

export function renderInvoicePdf(m: InvoicePdfModel, t: InvoicePdfLabels): Buffer {
  const pages: PdfText[][] = [];
  let page: PdfText[] = [];
  let y = 0;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = 60;
  };
  newPage();
  page.push({ text: `${t.title} ${m.number ?? t.draft}`, x: 50, y, size: 18, bold: true });
  y += 30;
  const meta: Array<[string, string]> = [
    [t.issueDate, m.issueDate ?? '—'],
    [t.period, `${m.periodStart} – ${m.periodEnd}`],
    [t.seller, `${m.seller} (${m.sellerCode})`],
    [t.buyer, m.buyer],
  ];
  for (const [k, v] of meta) {
    page.push({ text: k, x: 50, y, bold: true }, { text: v, x: 170, y });
    y += 15;
  }
  y += 15;
  const header = () => {
    page.push(
      { text: t.date, x: 50, y, bold: true },
      { text: t.service, x: 120, y, bold: true },
      { text: t.child, x: 280, y, bold: true },
      { text: t.source, x: 420, y, bold: true },
      { text: t.amount, x: 545, y, bold: true, align: 'right' },
    );
    y += 16;
  };
  header();
  for (const l of m.lines) {
    if (y > 780) {
      newPage();
      header();
    }
    page.push(
      { text: l.date, x: 50, y, size: 9 },
      { text: (l.credit ? `${t.credit}: ` : '') + l.service.slice(0, 32), x: 120, y, size: 9 },
      { text: l.child.slice(0, 28), x: 280, y, size: 9 },
      { text: l.source, x: 420, y, size: 9 },
      { text: formatEuro(l.amountCents), x: 545, y, size: 9, align: 'right' },
    );
    y += 13;
  }
  if (y > 720) newPage();
  y += 15;
  page.push({ text: t.totalBySource, x: 50, y, bold: true });
  y += 15;
  for (const s of m.bySource) {
    page.push({ text: s.fundingSource, x: 70, y }, { text: formatEuro(s.totalCents), x: 545, y, align: 'right' });
    y += 14;
  }
  y += 6;
  page.push({ text: t.total, x: 50, y, bold: true, size: 12 }, { text: formatEuro(m.totalCents), x: 545, y, bold: true, size: 12, align: 'right' });
  return renderPdf(pages, `${t.title} ${m.number ?? t.draft}`);
}
