import { Init1795398016913 } from './1795398016913-Init';
import { IdempotencyRecords1795399000000 } from './1795399000000-IdempotencyRecords';
import { AuditHashChain1795399100000 } from './1795399100000-AuditHashChain';
import { ChildrenAndCases1795400000000 } from './1795400000000-ChildrenAndCases';
import { ChildDocuments1795400000001 } from './1795400000001-ChildDocuments';
import { Baskets1795500000000 } from './1795500000000-Baskets';
import { Assessments1795500000100 } from './1795500000100-Assessments';
import { Marketplace1795600000000 } from './1795600000000-Marketplace';
import { ContractChildLinks1795600000001 } from './1795600000001-ContractChildLinks';
import { Visits1795700000000 } from './1795700000000-Visits';
import { Billing1795800000000 } from './1795800000000-Billing';
import { BenefitsCatalogue1795900000000 } from './1795900000000-BenefitsCatalogue';
import { BenefitReceipts1795900000001 } from './1795900000001-BenefitReceipts';
import { ReportRollups1796000000000 } from './1796000000000-ReportRollups';
import { RoomForUpdates1796100000000 } from './1796100000000-RoomForUpdates';

/** Every migration, in order. TypeORM runs what the database has not seen yet. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Init1795398016913, IdempotencyRecords1795399000000, AuditHashChain1795399100000, ChildrenAndCases1795400000000, ChildDocuments1795400000001, Baskets1795500000000, Assessments1795500000100, Marketplace1795600000000, ContractChildLinks1795600000001, Visits1795700000000, Billing1795800000000, BenefitsCatalogue1795900000000, BenefitReceipts1795900000001, ReportRollups1796000000000, RoomForUpdates1796100000000];
