import { isValidBic, isValidIban, sepaText } from './bank.rules';
import { formatEuro, renderInvoicePdf } from './invoice-pdf';
import { extractPdfText, renderPdf } from './pdf';
import { buildPain001, endToEndId, SepaBatch, SepaError } from './sepa';
import { buildUblInvoice, PEPPOL_CUSTOMIZATION, PEPPOL_PROFILE, UblInvoice } from './ubl';
import { find, findAll, parseXml, textOf, XmlElement, XmlParseError } from './xml';

/** Builds a valid IBAN for a country and BBAN (ISO 13616 check digits). */
export function ibanOf(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of numeric) rem = (rem * 10 + Number(d)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

const cents = (s: string | undefined) => Math.round(Number(s) * 100);

describe('bank identifiers', () => {
  it.each([
    ['LV80BANK0000435195001', true],
    ['LV80 BANK 0000 4351 9500 1', true],
    ['lv80bank0000435195001', true],
    ['LV81BANK0000435195001', false], // check digits
    ['LV80BANK000043519500', false], // length for LV
    ['DE89370400440532013000', true],
    ['XX', false],
    [ibanOf('LV', 'TREL2200000000001'), true],
  ])('isValidIban(%s) = %s', (iban, ok) => expect(isValidIban(iban)).toBe(ok));

  it.each([
    ['HABALV22', true],
    ['TRELLV22', true],
    ['UNLALV2X', true],
    ['HABALV22XXX', true],
    ['HABA LV22', false],
    ['HAB1LV22', false],
    ['HABALV2', false],
  ])('isValidBic(%s) = %s', (bic, ok) => expect(isValidBic(bic)).toBe(ok));

  it('keeps SEPA names inside the basic Latin set', () => {
    expect(sepaText('SIA „Runas Centrs” — Bērziņš & Šķēle', 70)).toBe('SIA Runas Centrs Berzins Skele');
    expect(sepaText('x'.repeat(100), 70)).toHaveLength(70);
  });
});

describe('SEPA pain.001.001.03', () => {
  const debtor = { name: 'Labklājības ministrija', iban: ibanOf('LV', 'TREL2190000000001'), bic: 'TRELLV22' };
  const batch = (): SepaBatch => ({
    batchId: '6f1c2a7e-0c1d-4f43-9a55-2f7d8d9e1a01',
    createdAt: new Date('2026-12-01T10:00:00Z'),
    executionDate: '2026-12-03',
    initiatingParty: 'Līdz.Vērtīgs',
    debtor,
    transfers: [
      {
        paymentId: 'a1b2c3d4-0000-4000-8000-000000000001',
        amountCents: 123_456,
        creditorName: 'SIA Runa',
        creditorIban: ibanOf('LV', 'HABA0551012345678'),
        creditorBic: 'HABALV22',
        remittance: 'Rēķins RUNA-000001',
      },
      {
        paymentId: 'a1b2c3d4-0000-4000-8000-000000000002',
        amountCents: 1,
        creditorName: 'Biedrība Ģimene',
        creditorIban: ibanOf('LV', 'UNLA0050012345678'),
        remittance: 'Rēķins GIM-000004',
      },
      {
        paymentId: 'a1b2c3d4-0000-4000-8000-000000000003',
        amountCents: 99_999,
        creditorName: 'Dr. Ozols',
        creditorIban: ibanOf('LV', 'PARX0001234567890'),
        remittance: 'x',
      },
    ],
  });

  it('parses back with the right control sum, count, debtor and creditors', () => {
    const b = batch();
    const doc = parseXml(buildPain001(b));
    expect(doc.local).toBe('Document');
    expect(doc.attrs.xmlns).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    const root = find(doc, 'CstmrCdtTrfInitn')!;
    const pmtInf = find(root, 'PmtInf')!;
    const txs = findAll(pmtInf, 'CdtTrfTxInf');
    const amounts = txs.map((tx) => cents(textOf(tx, 'Amt', 'InstdAmt')));
    expect(amounts).toEqual([123_456, 1, 99_999]);
    const sum = amounts.reduce((s, a) => s + a, 0);
    expect(textOf(root, 'GrpHdr', 'NbOfTxs')).toBe('3');
    expect(textOf(pmtInf, 'NbOfTxs')).toBe('3');
    expect(textOf(root, 'GrpHdr', 'CtrlSum')).toBe('2234.56');
    expect(cents(textOf(pmtInf, 'CtrlSum'))).toBe(sum);
    expect(textOf(pmtInf, 'DbtrAcct', 'Id', 'IBAN')).toBe(debtor.iban);
    expect(textOf(pmtInf, 'DbtrAgt', 'FinInstnId', 'BIC')).toBe('TRELLV22');
    expect(textOf(pmtInf, 'Dbtr', 'Nm')).toBe('Labklajibas ministrija');
    expect(textOf(pmtInf, 'PmtMtd')).toBe('TRF');
    expect(textOf(pmtInf, 'PmtTpInf', 'SvcLvl', 'Cd')).toBe('SEPA');
    expect(textOf(pmtInf, 'ReqdExctnDt')).toBe('2026-12-03');
    expect(txs.map((tx) => textOf(tx, 'CdtrAcct', 'Id', 'IBAN'))).toEqual(b.transfers.map((t) => t.creditorIban));
    expect(txs.every((tx) => isValidIban(textOf(tx, 'CdtrAcct', 'Id', 'IBAN')!))).toBe(true);
    expect(txs.map((tx) => textOf(tx, 'PmtId', 'EndToEndId'))).toEqual(b.transfers.map((t) => endToEndId(t.paymentId)));
    expect(txs.every((tx) => textOf(tx, 'PmtId', 'EndToEndId')!.length <= 35)).toBe(true);
    expect(find(txs[1], 'CdtrAgt')).toBeUndefined();
    expect(textOf(txs[0], 'Amt', 'InstdAmt')).toBe('1234.56');
    expect(find(txs[0], 'Amt', 'InstdAmt')!.attrs.Ccy).toBe('EUR');
  });

  it.each<[string, (b: SepaBatch) => void, string]>([
    ['an empty batch', (b) => (b.transfers = []), 'transfers'],
    ['a bad debtor IBAN', (b) => (b.debtor = { ...debtor, iban: 'LV00TREL0000000000000' }), 'debtor.iban'],
    ['a bad debtor BIC', (b) => (b.debtor = { ...debtor, bic: 'TREL' }), 'debtor.bic'],
    ['a bad creditor IBAN', (b) => (b.transfers[1].creditorIban = 'LV80BANK0000435195002'), 'transfers.1.creditorIban'],
    ['a zero amount', (b) => (b.transfers[2].amountCents = 0), 'transfers.2.amountCents'],
    ['a negative amount', (b) => (b.transfers[0].amountCents = -5), 'transfers.0.amountCents'],
    ['a fractional cent', (b) => (b.transfers[0].amountCents = 1.5), 'transfers.0.amountCents'],
  ])('refuses %s', (_name, spoil, field) => {
    const b = batch();
    spoil(b);
    expect(() => buildPain001(b)).toThrow(SepaError);
    try {
      buildPain001(b);
    } catch (e) {
      expect((e as SepaError).field).toBe(field);
    }
  });
});

describe('UBL 2.1 / Peppol BIS Billing 3.0', () => {
  const invoice = (): UblInvoice => ({
    number: 'RUNA-000007',
    issueDate: '2026-12-01',
    dueDate: '2026-12-31',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    buyerReference: 'LIDZ-2026-11',
    seller: { name: 'SIA Runa & Co <test>', registrationNumber: '40008000001', countryCode: 'LV', city: 'Rīga' },
    buyer: { name: 'Līdz.Vērtīgs programma', registrationNumber: '90000000001', countryCode: 'LV' },
    payeeIban: 'LV80BANK0000435195001',
    lines: [
      { id: 'l1', name: 'SPEECH', description: 'Logopēds 40 min', fundingSource: 'LM', amountCents: 3500, serviceDate: '2026-11-03' },
      { id: 'l2', name: 'PHYSIO', description: 'Grupa, 1/3', fundingSource: 'VM', amountCents: 1333, serviceDate: '2026-11-04' },
      { id: 'l3', name: 'SPEECH', description: 'Kredīts', fundingSource: 'LM', amountCents: -3500, serviceDate: '2026-10-20' },
      { id: 'l4', name: 'ASSISTANT', description: '1 h 15', fundingSource: 'MUNICIPALITY', amountCents: 2500, serviceDate: '2026-11-05' },
    ],
  });

  const parse = (inv: UblInvoice) => parseXml(buildUblInvoice(inv));
  const amt = (node: XmlElement, ...path: string[]) => {
    const n = find(node, ...path)!;
    expect(n.attrs.currencyID).toBe('EUR');
    return cents(n.text);
  };

  it('has every element Peppol BIS 3.0 requires', () => {
    const doc = parse(invoice());
    expect(doc.local).toBe('Invoice');
    expect(doc.attrs.xmlns).toBe('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
    expect(textOf(doc, 'CustomizationID')).toBe(PEPPOL_CUSTOMIZATION);
    expect(textOf(doc, 'ProfileID')).toBe(PEPPOL_PROFILE);
    expect(textOf(doc, 'ID')).toBe('RUNA-000007');
    expect(textOf(doc, 'IssueDate')).toBe('2026-12-01');
    expect(textOf(doc, 'InvoiceTypeCode')).toBe('380');
    expect(textOf(doc, 'DocumentCurrencyCode')).toBe('EUR');
    expect(textOf(doc, 'BuyerReference')).toBe('LIDZ-2026-11');
    for (const role of ['AccountingSupplierParty', 'AccountingCustomerParty']) {
      const p = find(doc, role, 'Party')!;
      expect(find(p, 'EndpointID')!.attrs.schemeID).toBe('0218');
      expect(textOf(p, 'PostalAddress', 'Country', 'IdentificationCode')).toBe('LV');
      expect(textOf(p, 'PartyLegalEntity', 'RegistrationName')).toBeTruthy();
    }
    expect(textOf(doc, 'AccountingSupplierParty', 'Party', 'PartyName', 'Name')).toBe('SIA Runa & Co <test>');
    expect(textOf(doc, 'PaymentMeans', 'PaymentMeansCode')).toBe('58');
    expect(textOf(doc, 'PaymentMeans', 'PayeeFinancialAccount', 'ID')).toBe('LV80BANK0000435195001');
    expect(textOf(doc, 'TaxTotal', 'TaxSubtotal', 'TaxCategory', 'ID')).toBe('O');
    expect(textOf(doc, 'TaxTotal', 'TaxSubtotal', 'TaxCategory', 'TaxExemptionReason')).toBeTruthy();
    // element order matters to the schema: header, parties, payment, tax, totals, lines
    const order = doc.children.map((c) => c.local);
    const idx = (n: string) => order.indexOf(n);
    expect(idx('CustomizationID')).toBe(0);
    expect(idx('AccountingSupplierParty')).toBeLessThan(idx('AccountingCustomerParty'));
    expect(idx('AccountingCustomerParty')).toBeLessThan(idx('PaymentMeans'));
    expect(idx('PaymentMeans')).toBeLessThan(idx('TaxTotal'));
    expect(idx('TaxTotal')).toBeLessThan(idx('LegalMonetaryTotal'));
    expect(idx('LegalMonetaryTotal')).toBeLessThan(idx('InvoiceLine'));
  });

  it('totals add up: lines = line extension = tax exclusive = payable; quantity × price = line amount', () => {
    const inv = invoice();
    const doc = parse(inv);
    const lines = findAll(doc, 'InvoiceLine');
    expect(lines).toHaveLength(4);
    const lineAmounts = lines.map((l) => amt(l, 'LineExtensionAmount'));
    expect(lineAmounts).toEqual([3500, 1333, -3500, 2500]);
    const sum = lineAmounts.reduce((s, a) => s + a, 0);
    expect(amt(doc, 'LegalMonetaryTotal', 'LineExtensionAmount')).toBe(sum);
    expect(amt(doc, 'LegalMonetaryTotal', 'TaxExclusiveAmount')).toBe(sum);
    expect(amt(doc, 'LegalMonetaryTotal', 'TaxInclusiveAmount')).toBe(sum + amt(doc, 'TaxTotal', 'TaxAmount'));
    expect(amt(doc, 'LegalMonetaryTotal', 'PayableAmount')).toBe(3833);
    expect(amt(doc, 'TaxTotal', 'TaxSubtotal', 'TaxableAmount')).toBe(sum);
    for (const l of lines) {
      const qty = Number(textOf(l, 'InvoicedQuantity'));
      const price = amt(l, 'Price', 'PriceAmount');
      expect(price).toBeGreaterThanOrEqual(0);
      expect(qty * price).toBe(amt(l, 'LineExtensionAmount'));
      expect(find(l, 'InvoicedQuantity')!.attrs.unitCode).toBe('C62');
      expect(textOf(l, 'Item', 'ClassifiedTaxCategory', 'ID')).toBe('O');
      expect(textOf(l, 'Item', 'Name')).toBeTruthy();
    }
    expect(lines.map((l) => textOf(l, 'AccountingCost'))).toEqual(['LM', 'VM', 'LM', 'MUNICIPALITY']);
    expect(lines.map((l) => textOf(l, 'ID'))).toEqual(['1', '2', '3', '4']);
  });

  it('refuses an invoice without lines', () => expect(() => buildUblInvoice({ ...invoice(), lines: [] })).toThrow());
});

describe('XML reader', () => {
  it('refuses DTDs and broken documents', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(XmlParseError);
    expect(() => parseXml('<a><b></a>')).toThrow(XmlParseError);
    expect(() => parseXml('<a/><b/>')).toThrow(XmlParseError);
  });
  it('reads attributes, entities and nested text', () => {
    const doc = parseXml(`<?xml version="1.0"?><x:a xmlns:x="u" k='v &amp; w'><x:b>1 &lt; 2</x:b><c/></x:a>`);
    expect(doc.attrs.k).toBe('v & w');
    expect(textOf(doc, 'b')).toBe('1 < 2');
    expect(find(doc, 'c')).toBeDefined();
  });
});

describe('PDF', () => {
  it('writes a well-formed PDF whose cross-reference offsets point at its objects', () => {
    const pdf = renderPdf([[{ text: 'Rēķins (test) \\ Šķūnis €', x: 50, y: 50 }], [{ text: 'page 2', x: 50, y: 50 }]], 'Test');
    const s = pdf.toString('latin1');
    expect(s.startsWith('%PDF-1.4')).toBe(true);
    expect(s.trimEnd().endsWith('%%EOF')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(s)![1]);
    expect(s.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = [...s.slice(xrefAt).matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    entries.forEach((offset, i) => expect(s.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(/\/Count 2/.test(s)).toBe(true);
    expect(extractPdfText(pdf)).toEqual(['Rēķins (test) \\ Šķūnis €', 'page 2']);
  });

  it('renders an invoice with its number, lines and totals; long invoices get more pages', () => {
    const labels = {
      title: 'Rēķins',
      draft: 'MELNRAKSTS',
      number: 'Nr.',
      issueDate: 'Datums',
      period: 'Periods',
      seller: 'Piegādātājs',
      buyer: 'Saņēmējs',
      date: 'Datums',
      service: 'Pakalpojums',
      child: 'Bērns',
      source: 'Avots',
      amount: 'Summa',
      totalBySource: 'Pa avotiem',
      total: 'Kopā',
      credit: 'Kredīts',
    };
    const lines = Array.from({ length: 120 }, (_, i) => ({
      date: '2026-11-03',
      service: 'Logopēds',
      child: `J. Bērziņš ${i}`,
      source: 'LM',
      amountCents: 3500,
      credit: false,
    }));
    const pdf = renderInvoicePdf(
      {
        number: 'RUNA-000007',
        issueDate: '2026-12-01',
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
        seller: 'SIA Runa',
        sellerCode: '40008000001',
        buyer: 'Līdz.Vērtīgs',
        lines,
        bySource: [{ fundingSource: 'LM', totalCents: 420_000 }],
        totalCents: 420_000,
      },
      labels,
    );
    const text = extractPdfText(pdf);
    expect(text[0]).toBe('Rēķins RUNA-000007');
    expect(text).toContain('J. Bērziņš 119');
    expect(text).toContain('4 200,00 €');
    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))![1])).toBeGreaterThan(1);
  });

  it.each([
    [0, '0,00 €'],
    [5, '0,05 €'],
    [123456789, '1 234 567,89 €'],
    [-3500, '−35,00 €'],
  ])('formatEuro(%i) = %s', (c, s) => expect(formatEuro(c)).toBe(s));
});
