import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ImportRowError {
  row: number;
  field: string;
  code: string;
}

/** One uploaded decision file or JSON batch; the job works through `rows` and reports progress here. */
@Entity('decision_import')
export class DecisionImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20, default: 'queued' }) status: 'queued' | 'running' | 'completed' | 'failed';
  @Column({ type: 'varchar', length: 10 }) source: 'csv' | 'json';
  @Column({ type: 'varchar', length: 200, nullable: true }) fileName: string | null;
  /** The raw rows as received (string fields), so the job payload carries only the import id. */
  @Column({ type: 'jsonb' }) rows: Record<string, unknown>[];
  @Column({ type: 'integer' }) totalRows: number;
  @Column({ type: 'integer', default: 0 }) processedRows: number;
  @Column({ type: 'integer', default: 0 }) importedRows: number;
  /** Rows whose decision number was already known (re-import changes nothing). */
  @Column({ type: 'integer', default: 0 }) unchangedRows: number;
  @Column({ type: 'integer', default: 0 }) errorRows: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) errors: ImportRowError[];
  @Column({ type: 'uuid', nullable: true }) createdByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
