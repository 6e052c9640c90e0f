import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CaseloadLimitDto, CreateDeputyDto, FirstContactDto, ReassignDto } from './cases.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.cases.list(actor, query);
    void res.header('Content-Range', contentRange('cases', q, { rows, total }));
    return rows;
  }

  @Get('cases/:id')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cases.get(actor, id);
  }

  @Post('cases/:id/first-contact')
  @Roles('case_manager')
  firstContact(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: FirstContactDto) {
    return this.cases.recordFirstContact(actor, id, dto);
  }

  @Post('cases/:id/reassign')
  @Roles('platform_admin', 'municipality_officer')
  reassign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReassignDto) {
    return this.cases.reassign(actor, id, dto);
  }

  @Get('caseload-balance')
  @Roles('platform_admin', 'municipality_officer')
  balance(@CurrentActor() actor: Actor, @Query('municipalityCode') municipalityCode?: string) {
    return this.cases.balance(actor, municipalityCode);
  }

  @Get('case-managers')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  async colleagues(@CurrentActor() actor: Actor, @Query('municipalityCode') municipalityCode: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    const rows = await this.cases.colleagues(actor, municipalityCode);
    void res.header('Content-Range', `case-managers 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return rows;
  }

  @Put('case-managers/:userId/limit')
  @Roles('platform_admin', 'municipality_officer')
  setLimit(@CurrentActor() actor: Actor, @Param('userId', UuidPipe) userId: string, @Body() dto: CaseloadLimitDto) {
    return this.cases.setLimit(actor, userId, dto);
  }

  @Get('case-deputies')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  async deputies(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FastifyReply) {
    const rows = await this.cases.listDeputies(actor);
    void res.header('Content-Range', `case-deputies 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return rows;
  }

  @Post('case-deputies')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  createDeputy(@CurrentActor() actor: Actor, @Body() dto: CreateDeputyDto) {
    return this.cases.createDeputy(actor, dto);
  }

  @Delete('case-deputies/:id')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  removeDeputy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cases.removeDeputy(actor, id);
  }
}
