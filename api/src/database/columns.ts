import { Column, ColumnOptions } from 'typeorm';
import { assertCents, type Cents } from '@lidz/libs';

/**
 * PostgreSQL returns bigint as a string; money is held in JavaScript as integer cents (a safe integer
 * reaches EUR 90 trillion). The transformer refuses anything that is not a whole number of cents.
 */
export const centsTransformer = {
  to: (value: Cents | null | undefined) => (value == null ? value : assertCents(value)),
  from: (value: string | number | null) => (value == null ? null : assertCents(Number(value))),
};

/** A money column: `bigint` integer cents, named `*_cents` by the property name `...Cents`. */
export function CentsColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'bigint', transformer: centsTransformer });
}
