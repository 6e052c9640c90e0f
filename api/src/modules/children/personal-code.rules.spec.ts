import { checkCodeAndBirthDate, checksumDigit, newFormCode, oldFormCode, parsePersonalCode } from './personal-code.rules';

describe('personal code (personas kods)', () => {
  it.each([
    ['150717-21238', '150717-21238', '2017-07-15'],
    ['15071721238', '150717-21238', '2017-07-15'],
    ['290200-20009', '290200-20009', '2000-02-29'],
    ['311299-19993', '311299-19993', '1999-12-31'],
    ['010319-24578', '010319-24578', '2019-03-01'],
    ['010101-01230', '010101-01230', '1801-01-01'],
  ])('accepts the old-form code %s (→ %s, born %s)', (code, normalised, birthDate) => {
    expect(parsePersonalCode(code)).toEqual({ ok: true, form: 'old', normalised, birthDate });
  });

  it('accepts a known-good old-form code with its exact checksum', () => {
    // 1507172123: Σ dᵢwᵢ = 1+30+0+49+9+70+10+8+8+6 = 191; (1101−191) mod 11 = 8
    expect(checksumDigit('1507172123')).toBe(8);
    expect(parsePersonalCode('150717-21238')).toEqual({ ok: true, form: 'old', normalised: '150717-21238', birthDate: '2017-07-15' });
  });

  it('accepts the new 32xxxx-xxxxx form (no birth date inside)', () => {
    const code = newFormCode(1234);
    expect(code).toMatch(/^32\d{4}-\d{5}$/);
    expect(parsePersonalCode(code)).toEqual({ ok: true, form: 'new', normalised: code, birthDate: null });
    expect(parsePersonalCode(code.replace('-', ''))).toMatchObject({ ok: true, normalised: code });
  });

  it.each([
    ['', 'required'],
    [null, 'required'],
    [12345678901, 'required'],
    ['15071-721238', 'format'],
    ['150717+21238', 'format'],
    ['150717-2123', 'format'],
    ['ABCDEF-12345', 'format'],
    ['150717-31238', 'format'],
    ['150717-21239', 'checksum'],
    ['150717-21230', 'checksum'],
    ['310217-21231', 'impossibleDate'],
    ['290201-20000', 'impossibleDate'],
    ['001017-20000', 'impossibleDate'],
    ['151317-20000', 'impossibleDate'],
  ])('rejects %p with %s', (code, error) => {
    expect(parsePersonalCode(code)).toEqual({ ok: false, error });
  });

  it('rejects a new-form code with a wrong checksum', () => {
    const code = newFormCode(777);
    const last = Number(code[11]);
    expect(parsePersonalCode(`${code.slice(0, 11)}${(last + 1) % 10}`)).toEqual({ ok: false, error: 'checksum' });
  });

  it.each([
    ['150717-21238', undefined, { ok: true, normalised: '150717-21238', birthDate: '2017-07-15' }],
    ['150717-21238', '2017-07-15', { ok: true, normalised: '150717-21238', birthDate: '2017-07-15' }],
    ['150717-21238', '2017-07-16', { ok: false, field: 'birthDate', error: 'matchesPersonalCode' }],
    ['150717-21238', '2017-02-30', { ok: false, field: 'birthDate', error: 'isDate' }],
    ['150717-21239', '2017-07-15', { ok: false, field: 'personalCode', error: 'checksum' }],
  ])('code %s with birth date %p → %p', (code, birthDate, expected) => {
    expect(checkCodeAndBirthDate(code, birthDate)).toEqual(expected);
  });

  it('a new-form code needs the birth date given separately', () => {
    const code = newFormCode(42);
    expect(checkCodeAndBirthDate(code, undefined)).toEqual({ ok: false, field: 'birthDate', error: 'required' });
    expect(checkCodeAndBirthDate(code, '2019-03-01')).toEqual({ ok: true, normalised: code, birthDate: '2019-03-01' });
  });

  it('the demo/test generators make codes the parser accepts', () => {
    for (const [date, serial] of [['2017-03-14', 0], ['2007-11-30', 5], ['1999-01-01', 998]] as const) {
      const code = oldFormCode(date, serial);
      expect(parsePersonalCode(code)).toMatchObject({ ok: true, form: 'old', birthDate: date });
    }
  });
});
