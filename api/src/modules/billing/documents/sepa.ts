/**
 * SEPA credit transfer initiation, ISO 20022 pain.001.001.03: one file per payment batch, debtor = the
 * paying source's treasury account, one transaction per provider payment. The end-to-end id is the
 * payment id (its 32 hex digits: a UUID with hyphens is 36 characters, the field allows 35).
 */
import { addCents, centsToDecimalString, type Cents } from '@lidz/libs';
import { isValidBic, isValidIban, normaliseIban, sepaText } from './bank.rules';
import { el, elA, renderXml } from './xml';

export interface SepaDebtor {
  name: string;
  iban: string;
  bic: string;
}

export interface SepaTransfer {
  paymentId: string;
  amountCents: Cents;
  creditorName: string;
  creditorIban: string;
  creditorBic?: string | null;
  remittance: string;
}

export interface SepaBatch {
  batchId: string;
  createdAt: Date;
  executionDate: string;
  initiatingParty: string;
  debtor: SepaDebtor;
  transfers: SepaTransfer[];
}

export class SepaError extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
  ) {
    super(`${field}: ${key}`);
  }
}

export const endToEndId = (paymentId: string) => paymentId.replace(/-/g, '').toUpperCase();

export function validateSepaBatch(b: SepaBatch): void {
  if (!b.transfers.length) throw new SepaError('transfers', 'empty');
  if (!isValidIban(b.debtor.iban)) throw new SepaError('debtor.iban', 'isIban');
  if (!isValidBic(b.debtor.bic)) throw new SepaError('debtor.bic', 'isBic');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(b.executionDate)) throw new SepaError('executionDate', 'isDate');
  b.transfers.forEach((t, i) => {
    if (!isValidIban(t.creditorIban)) throw new SepaError(`transfers.${i}.creditorIban`, 'isIban');
    if (t.creditorBic && !isValidBic(t.creditorBic)) throw new SepaError(`transfers.${i}.creditorBic`, 'isBic');
    if (!Number.isSafeInteger(t.amountCents) || t.amountCents <= 0 || t.amountCents > 99_999_999_999)
      throw new SepaError(`transfers.${i}.amountCents`, 'positive');
  });
}

export function buildPain001(b: SepaBatch): string {
  validateSepaBatch(b);
  const count = String(b.transfers.length);
  const sum = centsToDecimalString(addCents(...b.transfers.map((t) => t.amountCents)));
  const msgId = endToEndId(b.batchId);
  return renderXml(
    elA(
      'Document',
      { xmlns: 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
      el(
        'CstmrCdtTrfInitn',
        el(
          'GrpHdr',
          el('MsgId', msgId),
          el('CreDtTm', b.createdAt.toISOString().slice(0, 19)),
          el('NbOfTxs', count),
          el('CtrlSum', sum),
          el('InitgPty', el('Nm', sepaText(b.initiatingParty, 70))),
        ),
        el(
          'PmtInf',
          el('PmtInfId', `${msgId.slice(0, 30)}-1`),
          el('PmtMtd', 'TRF'),
          el('BtchBookg', 'true'),
          el('NbOfTxs', count),
          el('CtrlSum', sum),
          el('PmtTpInf', el('SvcLvl', el('Cd', 'SEPA'))),
          el('ReqdExctnDt', b.executionDate),
          el('Dbtr', el('Nm', sepaText(b.debtor.name, 70))),
          el('DbtrAcct', el('Id', el('IBAN', normaliseIban(b.debtor.iban))), el('Ccy', 'EUR')),
          el('DbtrAgt', el('FinInstnId', el('BIC', b.debtor.bic.trim().toUpperCase()))),
          el('ChrgBr', 'SLEV'),
          ...b.transfers.map((t) =>
            el(
              'CdtTrfTxInf',
              el('PmtId', el('EndToEndId', endToEndId(t.paymentId))),
              el('Amt', elA('InstdAmt', { Ccy: 'EUR' }, centsToDecimalString(t.amountCents))),
              t.creditorBic ? el('CdtrAgt', el('FinInstnId', el('BIC', t.creditorBic.trim().toUpperCase()))) : null,
              el('Cdtr', el('Nm', sepaText(t.creditorName, 70))),
              el('CdtrAcct', el('Id', el('IBAN', normaliseIban(t.creditorIban)))),
              el('RmtInf', el('Ustrd', sepaText(t.remittance, 140))),
            ),
          ),
        ),
      ),
    ),
  );
}
