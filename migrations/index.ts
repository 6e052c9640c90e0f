import { Init1795398016913 } from './1795398016913-Init';
import { IdempotencyRecords1795399000000 } from './1795399000000-IdempotencyRecords';
import { ChildrenAndCases1795400000000 } from './1795400000000-ChildrenAndCases';

/** Every migration, in order. TypeORM runs what the database has not seen yet. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Init1795398016913, IdempotencyRecords1795399000000, ChildrenAndCases1795400000000];
