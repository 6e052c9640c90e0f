import { bulkInsertSql, LOAD_ORDER, TABLES, type TableName } from './scale.tables';

export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/**
 * Buffers generated rows per table and writes them as multi-row `INSERT … SELECT FROM unnest(...)`
 * (one statement per batch, one array parameter per column — close to COPY without a COPY stream
 * package). When any buffer is full every buffer is flushed in foreign-key order, so a child row never
 * reaches the database before its parent.
 *
 * One flush is in flight while the generator builds the next batch, so the generator (this process)
 * and PostgreSQL work at the same time; all statements go over one connection, in order. `drain()`
 * writes what is buffered and waits until the database has it.
 */
export class BulkLoader {
  private readonly buffers = new Map<TableName, unknown[][]>();
  private readonly sql = new Map<TableName, string>();
  readonly counts: Partial<Record<TableName, number>> = {};
  /** Milliseconds spent in the database per table (where the load time goes). */
  readonly millis: Partial<Record<TableName, number>> = {};
  private pending = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly query: Query,
    private readonly batchSize = 5000,
  ) {}

  async add(table: TableName, row: unknown[]): Promise<void> {
    let buf = this.buffers.get(table);
    if (!buf) this.buffers.set(table, (buf = []));
    buf.push(row);
    this.pending += 1;
    if (buf.length >= this.batchSize) await this.flush();
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + (b ?? 0), 0);
  }

  /** Hands the buffered rows to the database; returns once the previous batch is written. */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const batches: { table: TableName; sql: string; columns: unknown[][]; n: number }[] = [];
    for (const table of LOAD_ORDER) {
      const rows = this.buffers.get(table);
      if (!rows?.length) continue;
      const spec = TABLES[table];
      let sql = this.sql.get(table);
      if (!sql) this.sql.set(table, (sql = bulkInsertSql(spec)));
      const columns: unknown[][] = spec.columns.map(() => new Array(rows.length));
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (row.length !== spec.columns.length) throw new Error(`${spec.table}: row has ${row.length} values for ${spec.columns.length} columns`);
        for (let c = 0; c < row.length; c++) columns[c][r] = row[c];
      }
      batches.push({ table, sql, columns, n: rows.length });
      this.buffers.set(table, []);
    }
    this.pending = 0;
    const previous = this.inFlight;
    await previous;
    this.inFlight = (async () => {
      for (const b of batches) {
        const t0 = Date.now();
        await this.query(b.sql, b.columns);
        this.millis[b.table] = (this.millis[b.table] ?? 0) + Date.now() - t0;
        this.counts[b.table] = (this.counts[b.table] ?? 0) + b.n;
      }
    })();
    // a failed batch surfaces at the next flush or drain; keep it from being reported as unhandled meanwhile
    this.inFlight.catch(() => {});
  }

  /** Writes everything buffered and waits for the database. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}
