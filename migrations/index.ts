import { Init1795398016913 } from './1795398016913-Init';

/** Every migration, in order. TypeORM runs what the database has not seen yet. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Init1795398016913];
