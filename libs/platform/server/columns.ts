import type { ValueTransformer } from 'typeorm';

/** Epoch milliseconds in a bigint column: PostgreSQL returns bigint as a string, SQLite as a number. */
export const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
