/**
 * The e-invoice for machines: UBL 2.1 Invoice following Peppol BIS Billing 3.0 (EN 16931), which
 * Latvian public bodies receive. One document per invoice; each line names the funding source that
 * pays it in the line's buyer accounting reference (BT-133), so each ministry or municipality can book
 * its own lines. Social services here are outside the scope of VAT (category O).
 *
 * Each claim line is one visit: quantity 1 (or −1 for a credit, because a Peppol price may not be
 * negative) and the price is the line's amount, so quantity × price = line amount exactly (PEPPOL-R120).
 */
import { addCents, centsToDecimalString, type Cents } from '@lidz/libs';
import { el, elA, renderXml, type XmlNode } from './xml';

export const PEPPOL_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
/** Peppol ICD 0218: the Latvian unified registration number. */
export const LV_REGISTRATION_SCHEME = '0218';

export interface UblParty {
  name: string;
  registrationNumber: string;
  countryCode: string;
  city?: string | null;
  street?: string | null;
  postalCode?: string | null;
}

export interface UblLine {
  id: string;
  name: string;
  description: string;
  fundingSource: string;
  amountCents: Cents;
  serviceDate: string;
}

export interface UblInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  buyerReference: string;
  seller: UblParty;
  buyer: UblParty;
  payeeIban?: string | null;
  lines: UblLine[];
  note?: string;
}

function amount(name: string, cents: Cents): XmlNode {
  return elA(name, { currencyID: 'EUR' }, centsToDecimalString(cents));
}

function party(role: 'cac:AccountingSupplierParty' | 'cac:AccountingCustomerParty', p: UblParty): XmlNode {
  return el(
    role,
    el(
      'cac:Party',
      elA('cbc:EndpointID', { schemeID: LV_REGISTRATION_SCHEME }, p.registrationNumber),
      el('cac:PartyIdentification', elA('cbc:ID', { schemeID: LV_REGISTRATION_SCHEME }, p.registrationNumber)),
      el('cac:PartyName', el('cbc:Name', p.name)),
      el(
        'cac:PostalAddress',
        p.street ? el('cbc:StreetName', p.street) : null,
        p.city ? el('cbc:CityName', p.city) : null,
        p.postalCode ? el('cbc:PostalZone', p.postalCode) : null,
        el('cac:Country', el('cbc:IdentificationCode', p.countryCode)),
      ),
      el('cac:PartyLegalEntity', el('cbc:RegistrationName', p.name), elA('cbc:CompanyID', { schemeID: LV_REGISTRATION_SCHEME }, p.registrationNumber)),
    ),
  );
}

const taxCategory = (tag: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory', withReason: boolean) =>
  el(tag, el('cbc:ID', 'O'), withReason ? el('cbc:TaxExemptionReason', 'Not subject to VAT') : null, el('cac:TaxScheme', el('cbc:ID', 'VAT')));

export function buildUblInvoice(inv: UblInvoice): string {
  if (!inv.lines.length) throw new Error('an e-invoice needs at least one line');
  const total = addCents(...inv.lines.map((l) => l.amountCents));
  return renderXml(
    elA(
      'Invoice',
      {
        xmlns: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
        'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
        'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
      },
      el('cbc:CustomizationID', PEPPOL_CUSTOMIZATION),
      el('cbc:ProfileID', PEPPOL_PROFILE),
      el('cbc:ID', inv.number),
      el('cbc:IssueDate', inv.issueDate),
      el('cbc:DueDate', inv.dueDate),
      el('cbc:InvoiceTypeCode', '380'),
      inv.note ? el('cbc:Note', inv.note) : null,
      el('cbc:DocumentCurrencyCode', 'EUR'),
      el('cbc:BuyerReference', inv.buyerReference),
      el('cac:InvoicePeriod', el('cbc:StartDate', inv.periodStart), el('cbc:EndDate', inv.periodEnd)),
      party('cac:AccountingSupplierParty', inv.seller),
      party('cac:AccountingCustomerParty', inv.buyer),
      inv.payeeIban
        ? el(
            'cac:PaymentMeans',
            elA('cbc:PaymentMeansCode', { name: 'SEPA credit transfer' }, '58'),
            el('cbc:PaymentID', inv.number),
            el('cac:PayeeFinancialAccount', el('cbc:ID', inv.payeeIban)),
          )
        : null,
      el(
        'cac:TaxTotal',
        amount('cbc:TaxAmount', 0),
        el('cac:TaxSubtotal', amount('cbc:TaxableAmount', total), amount('cbc:TaxAmount', 0), taxCategory('cac:TaxCategory', true)),
      ),
      el(
        'cac:LegalMonetaryTotal',
        amount('cbc:LineExtensionAmount', total),
        amount('cbc:TaxExclusiveAmount', total),
        amount('cbc:TaxInclusiveAmount', total),
        amount('cbc:PayableAmount', total),
      ),
      ...inv.lines.map((l, i) =>
        el(
          'cac:InvoiceLine',
          el('cbc:ID', String(i + 1)),
          elA('cbc:InvoicedQuantity', { unitCode: 'C62' }, l.amountCents < 0 ? '-1' : '1'),
          amount('cbc:LineExtensionAmount', l.amountCents),
          el('cbc:AccountingCost', l.fundingSource),
          el('cac:InvoicePeriod', el('cbc:StartDate', l.serviceDate), el('cbc:EndDate', l.serviceDate)),
          el('cac:DocumentReference', el('cbc:ID', l.id), el('cbc:DocumentTypeCode', '130')),
          el('cac:Item', el('cbc:Description', l.description), el('cbc:Name', l.name), taxCategory('cac:ClassifiedTaxCategory', false)),
          el('cac:Price', amount('cbc:PriceAmount', Math.abs(l.amountCents))),
        ),
      ),
    ),
  );
}
