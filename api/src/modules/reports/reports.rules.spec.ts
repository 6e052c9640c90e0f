import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ageBandOf, csvCell, distribution, monthsBetween, quantile, suppressionMask, suppressionMaskOfList, toCsv } from './reports.rules';
import { crc32, xlsxWorkbook } from './xlsx';

const show = (mask: boolean[][]) => mask.map((row) => row.map((h) => (h ? 'X' : '.')).join('')).join('|');

describe('small-cell and secondary suppression', () => {
  it.each([
    [
      'nothing small',
      [
        [10, 20],
        [30, 40],
      ],
      '..|..',
    ],
    [
      'zero is shown',
      [
        [0, 20],
        [30, 40],
      ],
      '..|..',
    ],
    // one small cell: its row and column each need a second hidden cell, and those need a fourth
    [
      'one small cell',
      [
        [3, 20],
        [30, 40],
      ],
      'XX|XX',
    ],
    [
      'two small cells in one row are enough for the row; columns need partners',
      [
        [3, 4, 50],
        [30, 40, 60],
        [7, 8, 9],
      ],
      'XX.|...|XX.',
    ],
    [
      'two small cells on the diagonal protect each other',
      [
        [3, 20],
        [30, 2],
      ],
      'XX|XX',
    ],
    [
      'partner is the smallest visible non-zero cell',
      [
        [2, 9, 6, 100],
        [50, 50, 50, 50],
      ],
      'X.X.|X.X.',
    ],
    [
      'a lone small cell with only zeros beside it stays alone',
      [
        [4, 0],
        [0, 0],
      ],
      'X.|..',
    ],
  ])('%s', (_name, counts, expected) => {
    expect(show(suppressionMask(counts))).toBe(expected);
  });

  it.each([
    [
      [10, 3, 7, 20],
      [false, true, true, false],
    ],
    [
      [10, 3, 4, 20],
      [false, true, true, false],
    ],
    [
      [10, 12, 7, 20],
      [false, false, false, false],
    ],
    [[1], [true]],
  ])('list %j', (counts, expected) => {
    expect(suppressionMaskOfList(counts)).toEqual(expected);
  });
});

describe('distribution', () => {
  it.each([
    [[], 0.5, null],
    [[100], 0.5, 100],
    [[100, 200], 0.5, 150],
    [[1, 2], 0.5, 2], // 1.5 rounds half-up
    [[100, 200, 300, 400, 500, 600, 700, 800, 900, 1000], 0.1, 190],
    [[100, 200, 300, 400, 500, 600, 700, 800, 900, 1000], 0.9, 910],
    [[500, 100, 300], 0.5, 300],
  ])('quantile(%j, %d) = %p', (values, p, expected) => {
    expect(quantile(values, p)).toBe(expected);
  });

  it('gives mean, median, p10 and p90 in integer cents', () => {
    expect(distribution([1000, 2000, 3000, 4000, 10001])).toEqual({
      n: 5,
      totalCents: 20001,
      meanCents: 4000,
      medianCents: 3000,
      p10Cents: 1400,
      p90Cents: 7601,
    });
  });
});

describe('age bands at a reference date', () => {
  it.each([
    ['2020-06-15', '2026-06-14', '0-6'], // 5 the day before the 6th birthday
    ['2019-06-15', '2026-06-14', '0-6'], // 6
    ['2019-06-15', '2026-06-15', '7-12'], // 7 on the birthday
    ['2013-12-01', '2026-11-30', '7-12'],
    ['2013-12-01', '2026-12-01', '13-17'],
    ['2008-12-02', '2026-12-01', '13-17'],
    ['2008-12-01', '2026-12-01', '18-25'],
    ['2000-12-02', '2026-12-01', '18-25'],
    ['2000-12-01', '2026-12-01', null], // 26
    ['2027-01-01', '2026-12-01', null], // not yet born
    ['2008-02-29', '2026-02-28', '13-17'], // leap-day birthday counts from 1 March
    ['2008-02-29', '2026-03-01', '18-25'],
  ])('born %s on %s → %p', (birth, ref, band) => {
    expect(ageBandOf(birth, ref)).toBe(band);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+371 2000', "'+371 2000"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['Rīga', 'Rīga'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1,2', `"'=1,2"`],
    [-5, '-5'],
    [null, ''],
    ['<5', '<5'],
  ])('%p → %p', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, '=x']])).toBe("a,b\r\n1,'=x\r\n");
  });
});

describe('months', () => {
  it('lists months across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
  });
});

describe('XLSX writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a ZIP that unzip reads back with the sheet text', () => {
    const book = xlsxWorkbook(
      'Spend',
      ['Municipality', 'Children'],
      [
        ['RIGA', 12],
        ['=HACK()', '<5'],
      ],
    );
    expect(book.subarray(0, 2).toString()).toBe('PK');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
    const file = path.join(dir, 'book.xlsx');
    fs.writeFileSync(file, book);
    let sheet: string;
    try {
      sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    } catch {
      // without the unzip tool, read the stored entry directly: stored entries are the raw bytes
      sheet = book.toString('utf8');
    }
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">=HACK()</t>'); // inline string, never a formula
    expect(sheet).toContain('&lt;5');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
