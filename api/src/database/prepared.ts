import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs a hot statement as a named prepared statement on the transaction's own connection, so
 * PostgreSQL parses and plans it once per connection instead of on every call. Outside a transaction
 * (no connection of its own) it is an ordinary query. The name must be unique per statement text.
 */
export async function preparedQuery<T = Record<string, unknown>>(m: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (m.queryRunner as unknown as { databaseConnection?: PgClient; isReleased?: boolean } | undefined)?.databaseConnection;
  if (!client || m.queryRunner?.isReleased) return m.query(text, values);
  const res = await client.query({ name, text, values });
  return res.rows as T[];
}

/**
 * Builds an entity from a raw row selected as `t.*`: each column's database name to its property,
 * through the column's transformer (money columns become integer cents), as TypeORM's own reads do.
 */
export function hydrate<E extends ObjectLiteral>(m: EntityManager, target: EntityTarget<E>, row: Record<string, unknown>): E {
  const meta = m.connection.getMetadata(target);
  const entity = meta.create() as Record<string, unknown>;
  for (const col of meta.columns) {
    let value = row[col.databaseName];
    if (value === undefined) continue;
    const transformers = col.transformer ? (Array.isArray(col.transformer) ? col.transformer : [col.transformer]) : [];
    for (const t of [...transformers].reverse()) value = t.from(value);
    entity[col.propertyName] = value;
  }
  return entity as E;
}
