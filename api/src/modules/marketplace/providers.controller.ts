import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AddSpecialistDto, CreateAccreditationDto, DecisionDto, OnboardingDto, UpdateProviderDto } from './providers.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('onboarding')
  onboard(@Req() req: FastifyRequest, @Body() dto: OnboardingDto) {
    return this.providers.onboard(dto, String(req.id));
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.providers.list(actor, query);
    void res.header('Content-Range', contentRange('providers', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.providers.get(actor, id);
  }

  @Put(':id')
  @Roles('platform_admin', 'provider_admin')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateProviderDto) {
    return this.providers.update(actor, id, dto);
  }

  @Post(':id/approve')
  @Roles('platform_admin')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DecisionDto) {
    return this.providers.decide(actor, id, 'approved', dto);
  }

  @Post(':id/reject')
  @Roles('platform_admin')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DecisionDto) {
    return this.providers.decide(actor, id, 'rejected', dto);
  }

  @Post(':id/suspend')
  @Roles('platform_admin')
  @HttpCode(200)
  suspend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DecisionDto) {
    return this.providers.decide(actor, id, 'suspended', dto);
  }

  @Post(':id/accreditations')
  @Roles('platform_admin', 'provider_admin')
  addAccreditation(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateAccreditationDto) {
    return this.providers.addAccreditation(actor, id, dto);
  }

  @Get(':id/specialists')
  specialists(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.providers.specialists(actor, id);
  }

  @Post(':id/specialists')
  @Roles('platform_admin', 'provider_admin')
  addSpecialist(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AddSpecialistDto) {
    return this.providers.addSpecialist(actor, id, dto);
  }

  @Delete(':id/specialists/:specialistId')
  @Roles('platform_admin', 'provider_admin')
  @HttpCode(204)
  async removeSpecialist(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('specialistId', UuidPipe) specialistId: string): Promise<void> {
    await this.providers.removeSpecialist(actor, id, specialistId);
  }
}
