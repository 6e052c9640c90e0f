import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { systemActor } from '../../api/src/common/auth/actor';
import { seedDemo } from '../../api/src/modules/demo/demo-data';
import { ReportsService } from '../../api/src/modules/reports/reports.service';
import { startTestApp, TestApp } from '../support/app';

const count = async (t: TestApp) => ((await t.db.query(`SELECT count(*)::int AS n FROM report_line_month`)) as { n: number }[])[0].n;

describe('report rollups from the demo data and by the scheduled job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
  });
  afterAll(() => t.close());

  it('the demo seed builds the rollups, and the refresh job rebuilds them in the worker', async () => {
    const { report } = await seedDemo(t.db);
    expect(report.some((l) => l.startsWith('Report rollups:'))).toBe(true);
    const seeded = await count(t);
    expect(seeded).toBeGreaterThan(0);
    const spend = await t.app.get(ReportsService).needs(systemActor(), {});
    expect(spend.totals).toBeDefined();

    await t.db.query(`DELETE FROM report_line_month`);
    const queue = t.app.get<Queue>(getQueueToken('reports'), { strict: false });
    await queue.add('report-rollup-refresh', { recentMonths: null }, { jobId: 'test-refresh' });
    const deadline = Date.now() + 20_000;
    while ((await count(t)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await count(t)).toBe(seeded);
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['report-rollup-nightly', 'report-rollup-recent']);
  });
});
