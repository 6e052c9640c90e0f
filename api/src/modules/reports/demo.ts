import type { DemoSeed } from '../demo/demo-data';
import { ReportsRepository } from './reports.repository';

/** Builds the report rollups from the other contexts' demo money and visits, so the dashboards show data at once. */
export const seedReports: DemoSeed = async (m, ctx) => {
  const counts = await new ReportsRepository().rebuildRollups(m, null);
  ctx.report.push(`Report rollups: ${counts.lineMonths} line-months, ${counts.providerMonths} provider-months`);
};
