import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AssessmentsService } from './assessments.service';
import { BasketsService } from './baskets.service';
import { AddBasketLineDto, FundingRuleSetDto, CreateAssessmentDto, CreateBasketDto, CreateSupportPlanDto, HealthSignoffDto, ReturnBasketDto, TransferDto, UpdateBasketLineDto, UpdateSupportPlanDto } from './budgets.dto';
import { FundingRulesService } from './funding-rules.service';
import { SupportPlansService } from './support-plans.service';

const READERS = ['platform_admin', 'municipality_officer', 'case_manager', 'family', 'participant'] as const;

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get()
  @Roles(...READERS)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.assessments.list(actor, query);
    void res.header('Content-Range', contentRange('assessments', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.assessments.get(actor, id);
  }

  @Post()
  @Roles('case_manager')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAssessmentDto) {
    return this.assessments.create(actor, dto);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles('case_manager', 'family', 'participant')
  sign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.assessments.sign(actor, id);
  }

  @Post(':id/health-signoff')
  @HttpCode(200)
  @Roles('case_manager')
  healthSignoff(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: HealthSignoffDto) {
    return this.assessments.healthSignoff(actor, id, dto);
  }
}

@ApiTags('support-plans')
@ApiBearerAuth()
@Controller('support-plans')
export class SupportPlansController {
  constructor(private readonly plans: SupportPlansService) {}

  @Get()
  @Roles(...READERS)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.plans.list(actor, query);
    void res.header('Content-Range', contentRange('support-plans', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.get(actor, id);
  }

  @Post()
  @Roles('case_manager')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSupportPlanDto) {
    return this.plans.create(actor, dto);
  }

  @Put(':id')
  @Roles('case_manager')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateSupportPlanDto) {
    return this.plans.update(actor, id, dto);
  }
}

@ApiTags('baskets')
@ApiBearerAuth()
@Controller('baskets')
export class BasketsController {
  constructor(private readonly baskets: BasketsService) {}

  @Get()
  @Roles(...READERS)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.baskets.list(actor, query);
    void res.header('Content-Range', contentRange('baskets', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.baskets.get(actor, id);
  }

  @Get(':id/lines')
  @Roles(...READERS)
  async lines(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: FastifyReply) {
    const rows = await this.baskets.lines(actor, id);
    void res.header('Content-Range', `basket-lines 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return rows;
  }

  @Get(':id/movements')
  @Roles(...READERS)
  async movements(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.baskets.movements(actor, id, query);
    void res.header('Content-Range', contentRange('movements', q, { rows, total }));
    return rows;
  }

  @Post()
  @Roles('case_manager')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBasketDto) {
    return this.baskets.create(actor, dto);
  }

  @Post(':id/lines')
  @Roles('case_manager')
  addLine(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AddBasketLineDto) {
    return this.baskets.addLine(actor, id, dto);
  }

  @Put(':id/lines/:lineId')
  @Roles('case_manager')
  updateLine(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('lineId', UuidPipe) lineId: string, @Body() dto: UpdateBasketLineDto) {
    return this.baskets.updateLine(actor, id, lineId, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('case_manager')
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.baskets.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('municipality_officer')
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.baskets.approve(actor, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('municipality_officer')
  return(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnBasketDto) {
    return this.baskets.return(actor, id, dto.comment);
  }

  @Post(':id/amend')
  @HttpCode(200)
  @Roles('case_manager')
  amend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.baskets.amend(actor, id);
  }

  @Post(':id/transfers')
  @Roles('case_manager')
  transfer(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: TransferDto) {
    return this.baskets.transfer(actor, id, dto);
  }
}

@ApiTags('funding-rules')
@ApiBearerAuth()
@Controller('funding-rules')
export class FundingRulesController {
  constructor(private readonly rules: FundingRulesService) {}

  @Get()
  @Roles('platform_admin', 'municipality_officer', 'case_manager', 'ministry_analyst')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.rules.list(actor, query);
    void res.header('Content-Range', contentRange('funding-rules', q, { rows, total }));
    return rows;
  }

  @Post()
  @Roles('platform_admin')
  set(@CurrentActor() actor: Actor, @Body() dto: FundingRuleSetDto) {
    return this.rules.setCategory(actor, dto);
  }
}
