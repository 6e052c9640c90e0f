import { allocateByWeights, centsToDecimalString, divideRounded, multiplyRatio, parseEuros, MoneyError } from './money';

describe('money', () => {
  it.each([
    [10, 3, 3],
    [11, 2, 6], // 5.5 rounds half-up
    [-11, 2, -6], // away from zero
    [1, 3, 0],
    [2, 3, 1],
    [100, 4, 25],
  ])('divideRounded(%i, %i) = %i', (n, d, expected) => {
    expect(divideRounded(n, d)).toBe(expected);
  });

  it.each([
    [1000, [1, 1, 1], [334, 333, 333]],
    [100, [50, 50], [50, 50]],
    [1, [1, 1], [1, 0]],
    [-1000, [1, 1, 1], [-334, -333, -333]],
    [99_999, [70, 30], [69_999, 30_000]],
    [0, [3, 7], [0, 0]],
  ])('allocateByWeights(%i, %j) = %j and adds up', (amount, weights, expected) => {
    const parts = allocateByWeights(amount, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
  });

  it('keeps every split of many amounts exact', () => {
    for (let amount = 0; amount < 2000; amount += 7) {
      for (const weights of [[1, 2, 3], [33, 33, 34], [1, 1, 1, 1, 1, 1, 1]]) {
        expect(allocateByWeights(amount, weights).reduce((s, p) => s + p, 0)).toBe(amount);
      }
    }
  });

  it('multiplies by a ratio with one rounding', () => {
    expect(multiplyRatio(2500, 45, 60)).toBe(1875);
    expect(multiplyRatio(1001, 1, 2)).toBe(501);
  });

  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12,34', 1234],
    ['-0.05', -5],
  ])('parseEuros(%s) = %i', (text, cents) => expect(parseEuros(text)).toBe(cents));

  it.each(['12.345', 'abc', '', '1e5'])('parseEuros rejects %s', (text) => {
    expect(() => parseEuros(text)).toThrow(MoneyError);
  });

  it('refuses fractional cents', () => {
    expect(() => divideRounded(10.5, 2)).toThrow(MoneyError);
  });

  it('formats cents for files', () => {
    expect(centsToDecimalString(123456)).toBe('1234.56');
    expect(centsToDecimalString(-5)).toBe('-0.05');
    expect(centsToDecimalString(0)).toBe('0.00');
  });
});
