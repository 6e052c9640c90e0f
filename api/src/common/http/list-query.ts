import { AppError } from '../errors/app-error';

/**
 * The react-admin simple-REST list contract: `sort=["field","ASC"]`, `range=[0,24]`,
 * `filter={"q":"text","id":[…]}`; the answer is a bare array with `Content-Range: <resource> 0-24/<total>`.
 */
export interface ListQuery {
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  skip: number;
  take: number;
  filter: Record<string, unknown>;
}

export interface ListSpec {
  sortable: readonly string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: readonly string[];
  maxPage?: number;
}

function parseJson(raw: unknown, field: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new AppError('VALIDATION_FAILED', { [field]: 'invalidJson' });
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', { [field]: 'invalidJson' });
  }
}

export function parseListQuery(query: Record<string, unknown>, spec: ListSpec): ListQuery {
  const maxPage = spec.maxPage ?? 1000;
  const sort = parseJson(query.sort, 'sort') ?? spec.defaultSort;
  if (!Array.isArray(sort) || sort.length !== 2 || !spec.sortable.includes(String(sort[0])) || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    throw new AppError('VALIDATION_FAILED', { sort: 'isIn' });
  }
  const range = parseJson(query.range, 'range') ?? [0, 24];
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0) || range[1] < range[0]) {
    throw new AppError('VALIDATION_FAILED', { range: 'isRange' });
  }
  const take = Math.min(range[1] - range[0] + 1, maxPage);
  const filter = parseJson(query.filter, 'filter') ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new AppError('VALIDATION_FAILED', { filter: 'isObject' });
  for (const [key, value] of Object.entries(filter)) {
    if (!spec.filters.includes(key)) throw new AppError('VALIDATION_FAILED', { [`filter.${key}`]: 'whitelistValidation' });
    const ok = ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.length <= 1000 && value.every((v) => ['string', 'number'].includes(typeof v)));
    if (!ok) throw new AppError('VALIDATION_FAILED', { [`filter.${key}`]: 'isFilterValue' });
  }
  return { sortField: String(sort[0]), sortOrder: String(sort[1]).toUpperCase() as 'ASC' | 'DESC', skip: range[0], take, filter: filter as Record<string, unknown> };
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export function contentRange(resource: string, query: ListQuery, page: Page<unknown>): string {
  const end = page.rows.length === 0 ? query.skip : query.skip + page.rows.length - 1;
  return `${resource} ${query.skip}-${end}/${page.total}`;
}
