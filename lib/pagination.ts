// Every list that can grow is paginated: parse ?page=&q= once, the same way everywhere.
const PAGE_SIZE = 20;

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ListQuery {
  page: number;
  pageSize: number;
  q: string;
}

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseListQuery(params: SearchParams, pageSize = PAGE_SIZE): ListQuery {
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page) ?? "1", 10) || 1));
  return { page, pageSize, q: (first(params.q) ?? "").trim().slice(0, 100) };
}

export function skipTake({ page, pageSize }: ListQuery) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function toPage<T>(rows: T[], total: number, query: ListQuery): Page<T> {
  return { rows, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}
