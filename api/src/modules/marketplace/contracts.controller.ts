import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AcceptContractDto, ApproveContractDto, CancelContractDto, EndContractDto, ProposeContractDto } from './contracts.dto';
import { ContractsService } from './contracts.service';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @Roles('platform_admin', 'case_manager', 'municipality_officer', 'provider_admin', 'specialist', 'family', 'participant')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.contracts.list(actor, query);
    void res.header('Content-Range', contentRange('contracts', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles('platform_admin', 'case_manager', 'municipality_officer', 'provider_admin', 'specialist', 'family', 'participant')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.contracts.get(actor, id);
  }

  @Get(':id/pdf')
  @Roles('platform_admin', 'case_manager', 'municipality_officer', 'provider_admin', 'specialist', 'family', 'participant')
  async pdf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: FastifyReply) {
    const body = await this.contracts.pdf(actor, id);
    void res.header('Content-Type', 'application/pdf').header('Content-Disposition', `inline; filename="contract-${id}.pdf"`);
    return body;
  }

  @Post()
  @Roles('family', 'participant', 'case_manager')
  propose(@CurrentActor() actor: Actor, @Body() dto: ProposeContractDto) {
    return this.contracts.propose(actor, dto);
  }

  @Post(':id/accept')
  @Roles('provider_admin')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AcceptContractDto) {
    return this.contracts.accept(actor, id, dto);
  }

  @Post(':id/approve')
  @Roles('case_manager')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ApproveContractDto) {
    return this.contracts.approve(actor, id, dto);
  }

  @Post(':id/end')
  @Roles('case_manager', 'provider_admin', 'family', 'participant', 'platform_admin')
  @HttpCode(200)
  end(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: EndContractDto) {
    return this.contracts.end(actor, id, dto);
  }

  @Post(':id/cancel')
  @Roles('case_manager', 'provider_admin', 'family', 'participant', 'platform_admin')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CancelContractDto) {
    return this.contracts.cancel(actor, id, dto);
  }
}
