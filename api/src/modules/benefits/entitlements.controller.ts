import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { BenefitFactsDto, BenefitReceiptDto } from './entitlements.dto';
import { EntitlementsService } from './entitlements.service';

/** A known child's entitlements and transitions; who may see which child is decided by ChildAccessService. */
@ApiTags('benefits')
@ApiBearerAuth()
@Controller()
export class EntitlementsController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @Get('children/:id/entitlements')
  @Roles('family', 'participant', 'case_manager', 'municipality_officer', 'platform_admin')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.entitlements.entitlements(actor, id);
  }

  @Get('children/:id/transitions')
  @Roles('family', 'participant', 'case_manager', 'municipality_officer', 'platform_admin')
  transitions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.entitlements.transitions(actor, id);
  }

  @Put('children/:id/benefit-facts')
  @Roles('family', 'participant', 'case_manager', 'platform_admin')
  setFacts(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: BenefitFactsDto) {
    return this.entitlements.setFacts(actor, id, dto);
  }

  @Post('children/:id/benefit-receipts')
  @Roles('family', 'participant', 'case_manager', 'platform_admin')
  addReceipt(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: BenefitReceiptDto) {
    return this.entitlements.addReceipt(actor, id, dto);
  }

  @Delete('children/:id/benefit-receipts/:code')
  @Roles('family', 'participant', 'case_manager', 'platform_admin')
  removeReceipt(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('code') code: string) {
    return this.entitlements.removeReceipt(actor, id, code);
  }

  /**
   * The children the caller may see, each with the entitlements not yet received: the case manager's
   * list for proactive contact, and a family's own children.
   */
  @Get('benefit-gaps')
  @Roles('case_manager', 'municipality_officer', 'platform_admin', 'family', 'participant')
  async gaps(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.entitlements.gaps(actor, query);
    void res.header('Content-Range', contentRange('benefit-gaps', q, { rows, total }));
    return rows;
  }
}
