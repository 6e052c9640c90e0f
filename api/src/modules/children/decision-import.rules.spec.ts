import { parseCsv, parseDecisionRow } from './decision-import.rules';

const good = { number: 'VDEAVK-2026-0001', date: '2026-11-16', personalCode: '150717-21238', firstName: 'Anna', lastName: 'Ozola', birthDate: '', municipality: 'riga', kind: 'child', specialCare: 'true', validFrom: '2026-11-16', validTo: '2028-11-15', consentToContact: 'jā' };

describe('decision import rows', () => {
  it('parses a good row, normalising code, municipality and flags', () => {
    expect(parseDecisionRow(good)).toEqual({
      ok: true,
      row: { number: 'VDEAVK-2026-0001', date: '2026-11-16', personalCode: '150717-21238', firstName: 'Anna', lastName: 'Ozola', birthDate: '2017-07-15', municipality: 'RIGA', kind: 'child', specialCare: true, validFrom: '2026-11-16', validTo: '2028-11-15', consentToContact: true },
    });
  });

  it.each([
    [{ validTo: '' }, null],
    [{ validTo: 'lifelong' }, null],
    [{ validTo: '2030-01-01' }, '2030-01-01'],
  ])('validTo %j → %p', (patch, expected) => {
    const r = parseDecisionRow({ ...good, ...patch });
    expect(r.ok && r.row.validTo).toBe(expected);
  });

  it.each([
    [{ number: '' }, 'number', 'required'],
    [{ date: '2026-13-01' }, 'date', 'isDate'],
    [{ kind: 'group_4' }, 'kind', 'isIn'],
    [{ kind: 'III' }, null, null],
    [{ specialCare: 'maybe' }, 'specialCare', 'isBoolean'],
    [{ consentToContact: { yes: true } }, 'consentToContact', 'isBoolean'],
    [{ validTo: '2020-01-01' }, 'validTo', 'afterValidFrom'],
    [{ personalCode: '150717-21239' }, 'personalCode', 'checksum'],
    [{ personalCode: '310217-21231' }, 'personalCode', 'impossibleDate'],
    [{ personalCode: 'x' }, 'personalCode', 'format'],
    [{ birthDate: '2017-07-16' }, 'birthDate', 'matchesPersonalCode'],
    // a Windows-1257 file read as UTF-8, and spreadsheet formulas
    [{ lastName: 'B\uFFFDrzi\uFFFD\uFFFD' }, 'lastName', 'brokenEncoding'],
    [{ firstName: 'An\u0000na' }, 'firstName', 'brokenEncoding'],
    [{ lastName: '=cmd|" /C calc"!A0' }, 'lastName', 'formula'],
    [{ firstName: '@SUM(1+1)' }, 'firstName', 'formula'],
    [{ lastName: '+37120000000' }, 'lastName', 'formula'],
    [{ lastName: 'Kalniņa-Ozola' }, null, null],
  ])('%j → error on %s (%s)', (patch, field, code) => {
    const r = parseDecisionRow({ ...good, ...patch });
    if (field === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, errors: [{ field, code }] });
  });

  it('reports every failing field of a row', () => {
    const r = parseDecisionRow({ ...good, number: '', kind: 'x', date: 'yesterday' });
    expect(r.ok === false && r.errors.map((e) => e.field)).toEqual(['number', 'date', 'kind']);
  });
});

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and semicolons', () => {
    expect(parseCsv('number;personalCode;firstName\r\n"A;1";150717-21238;"Anna ""Ance"""\r\n\r\nB2;x;Jānis\r\n')).toEqual({
      rows: [
        { number: 'A;1', personalCode: '150717-21238', firstName: 'Anna "Ance"' },
        { number: 'B2', personalCode: 'x', firstName: 'Jānis' },
      ],
    });
  });

  it('reads a comma file without a trailing newline and with a BOM', () => {
    expect(parseCsv('\uFEFFnumber,personalCode\nN1,150717-21238').rows).toEqual([{ number: 'N1', personalCode: '150717-21238' }]);
  });

  it.each([
    ['', 'empty'],
    ['a,b\n1,2', 'header'],
    ['number,personalCode\n"N1,x', 'unterminatedQuote'],
  ])('%p → %s', (text, error) => expect(parseCsv(text).error).toBe(error));
});
