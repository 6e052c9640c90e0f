import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { RefreshDto, ReportQueryDto } from './reports.dto';
import { ReportResult, ReportsService } from './reports.service';
import { toCsv } from './reports.rules';
import { RollupService } from './rollup.service';
import { xlsxWorkbook } from './xlsx';

/** Sends a report as JSON, CSV or XLSX: the columns, every row, then the totals rows. */
function send(res: FastifyReply, result: ReportResult, format: string | undefined): void {
  if (format !== 'csv' && format !== 'xlsx') {
    void res.send(result);
    return;
  }
  const rows = [...result.rows, ...(result.totals ? [result.totals] : []), ...(result.allSources ? [result.allSources] : [])].map((r) =>
    result.columns.map((c) => r[c] ?? null),
  );
  const name = `${result.report}-${result.filters.from}-${result.filters.to}`;
  if (format === 'csv') {
    void res
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${name}.csv"`)
      .send(toCsv(result.columns, rows));
    return;
  }
  void res
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename="${name}.xlsx"`)
    .send(xlsxWorkbook(result.report, result.columns, rows));
}

const REPORT_ROLES = ['platform_admin', 'ministry_analyst', 'municipality_officer'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly rollups: RollupService,
  ) {}

  @Get('spend')
  @Roles(...REPORT_ROLES)
  async spend(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.spend(actor, q), q.format);
  }

  @Get('needs')
  @Roles(...REPORT_ROLES)
  async needs(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.needs(actor, q), q.format);
  }

  @Get('unmet')
  @Roles(...REPORT_ROLES)
  async unmet(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.unmet(actor, q), q.format);
  }

  @Get('waiting-times')
  @Roles(...REPORT_ROLES)
  async waitingTimes(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.waitingTimes(actor, q), q.format);
  }

  @Get('overlaps')
  @Roles(...REPORT_ROLES)
  async overlaps(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.overlaps(actor, q), q.format);
  }

  @Get('caseloads')
  @Roles(...REPORT_ROLES)
  async caseloads(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.caseloads(actor, q), q.format);
  }

  @Get('integrity')
  @Roles(...REPORT_ROLES)
  async integrity(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.integrity(actor, q), q.format);
  }

  /** Rebuilds the rollups now (the scheduled job does it every 15 minutes). */
  @Post('refresh')
  @HttpCode(200)
  @Roles('platform_admin')
  refresh(@CurrentActor() actor: Actor, @Body() dto: RefreshDto) {
    return this.rollups.refreshOnDemand(actor, dto.fromMonth);
  }
}

@ApiTags('reports')
@Controller('public')
export class PublicReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Anyone may download it: months with fewer than five participants show "<5". */
  @Get('monthly-summary')
  @Public()
  async monthlySummary(@Query() q: ReportQueryDto, @Res() res: FastifyReply) {
    send(res, await this.reports.monthlySummary(q), q.format);
  }
}
