import { AppError } from '../errors/app-error';
import { contentRange, parseListQuery } from './list-query';

const spec = { sortable: ['email', 'createdAt'], defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'], filters: ['q', 'id', 'role'] };

function errorsOf(fn: () => unknown): Record<string, string> | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.errors;
    throw e;
  }
  return undefined;
}

describe('parseListQuery', () => {
  it('applies defaults', () => {
    expect(parseListQuery({}, spec)).toEqual({ sortField: 'createdAt', sortOrder: 'DESC', skip: 0, take: 25, filter: {} });
  });

  it('reads sort, range and filter', () => {
    const q = parseListQuery({ sort: '["email","asc"]', range: '[10,19]', filter: '{"q":"an","id":["a","b"]}' }, spec);
    expect(q).toEqual({ sortField: 'email', sortOrder: 'ASC', skip: 10, take: 10, filter: { q: 'an', id: ['a', 'b'] } });
  });

  it.each([
    [{ sort: '["password","ASC"]' }, { sort: 'isIn' }],
    [{ sort: 'nope' }, { sort: 'invalidJson' }],
    [{ range: '[5,1]' }, { range: 'isRange' }],
    [{ range: '[-1,3]' }, { range: 'isRange' }],
    [{ filter: '{"passwordHash":"x"}' }, { 'filter.passwordHash': 'whitelistValidation' }],
    [{ filter: '{"q":{"$ne":1}}' }, { 'filter.q': 'isFilterValue' }],
    [{ filter: '[1]' }, { filter: 'isObject' }],
  ])('rejects %j with a field-keyed error', (query, expected) => {
    expect(errorsOf(() => parseListQuery(query, spec))).toEqual(expected);
  });

  it('caps the page size', () => {
    expect(parseListQuery({ range: '[0,99999]' }, spec).take).toBe(1000);
  });

  it('formats Content-Range', () => {
    const q = parseListQuery({ range: '[0,9]' }, spec);
    expect(contentRange('users', q, { rows: [1, 2, 3], total: 3 })).toBe('users 0-2/3');
    expect(contentRange('users', q, { rows: [], total: 0 })).toBe('users 0-0/0');
  });
});
