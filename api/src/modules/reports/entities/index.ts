import { ReportLineMonth } from './report-line-month.entity';
import { ReportProviderMonth } from './report-provider-month.entity';

export const REPORTS_ENTITIES = [ReportLineMonth, ReportProviderMonth];
