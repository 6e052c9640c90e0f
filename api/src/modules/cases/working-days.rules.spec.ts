import { addWorkingDays, easterSunday, firstContactDeadline, holidaysOf, isWorkingDay, reminderDate } from './working-days.rules';

describe('Latvian working days', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter Sunday of %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it.each([
    ['2026-12-01', true, 'an ordinary Tuesday'],
    ['2026-12-05', false, 'Saturday'],
    ['2026-12-06', false, 'Sunday'],
    ['2026-11-18', false, 'Proclamation Day'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-05-04', false, 'Restoration of Independence Day'],
    ['2026-06-23', false, 'Līgo'],
    ['2026-06-24', false, 'Jāņi'],
    ['2026-12-24', false, 'Christmas Eve'],
    ['2026-12-31', false, "New Year's Eve"],
    ['2026-01-02', false, 'moved day off (Cabinet order 2026)'],
    ['2026-01-17', true, 'Saturday made a working day (Cabinet order 2026)'],
    ['2026-06-22', false, 'moved day off before Līgo'],
    ['2026-06-27', true, 'Saturday made a working day'],
    ['2027-05-03', true, '4 May 2027 is a Tuesday: Monday 3 May is a working day'],
    ['2025-11-17', true, '18 November 2025 is a Tuesday'],
    ['2029-11-19', false, '18 November 2029 is a Sunday: Monday 19 November is off'],
    ['2024-05-06', false, '4 May 2024 is a Saturday: Monday 6 May is off'],
  ])('%s is a working day: %s (%s)', (date, expected) => expect(isWorkingDay(date)).toBe(expected));

  it.each([
    ['2026-12-01', 10, '2026-12-15', 'two plain weeks'],
    ['2026-11-16', 10, '2026-12-01', 'across 18 November'],
    ['2026-12-18', 10, '2027-01-07', 'across Christmas and the New Year'],
    ['2026-01-12', 10, '2026-01-23', 'the working Saturday 17 January counts'],
    ['2026-06-15', 10, '2026-07-01', 'across the moved 22 June, Līgo and Jāņi, with the working Saturday 27 June'],
    ['2026-03-30', 10, '2026-04-15', 'across Easter'],
    ['2026-12-15', -2, '2026-12-11', 'backwards over a weekend'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => expect(addWorkingDays(from, n)).toBe(expected));

  it('first-contact deadline is 10 working days after the decision; reminder 2 working days before', () => {
    expect(firstContactDeadline('2026-11-16')).toBe('2026-12-01');
    expect(reminderDate('2026-12-01')).toBe('2026-11-27');
  });

  it('knows 2026 has 13 fixed and Easter holidays plus 2 moved days off', () => {
    expect(holidaysOf(2026).size).toBe(15);
  });
});
