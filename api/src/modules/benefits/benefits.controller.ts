import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { CreateBenefitDto, EvaluateDto, UpdateBenefitDto } from './benefits.dto';
import { CatalogueService } from './catalogue.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/** The benefits catalogue: public reads, the public finder, and versioned editing by the platform admin. */
@ApiTags('benefits')
@Controller('benefits')
export class BenefitsController {
  constructor(private readonly catalogue: CatalogueService) {}

  /** Anyone, no login: a situation in, every benefit with its standing, amount and reasons out. Nothing is stored. */
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Post('evaluate')
  @HttpCode(200)
  evaluate(@Body() dto: EvaluateDto) {
    return this.catalogue.evaluate(dto);
  }

  /** The municipalities the finder asks about (public reference data). */
  @Public()
  @Get('municipalities')
  municipalities() {
    return this.catalogue.municipalities();
  }

  @Public()
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.catalogue.list(query);
    void res.header('Content-Range', contentRange('benefits', q, { rows, total }));
    return rows;
  }

  @Public()
  @Get(':code')
  get(@Param('code') code: string) {
    return this.catalogue.get(code);
  }

  @ApiBearerAuth()
  @Get(':code/versions')
  @Roles('platform_admin')
  versions(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.catalogue.versions(actor, code);
  }

  @ApiBearerAuth()
  @Post()
  @Roles('platform_admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBenefitDto) {
    return this.catalogue.create(actor, dto);
  }

  @ApiBearerAuth()
  @Put(':code')
  @Roles('platform_admin')
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateBenefitDto) {
    return this.catalogue.update(actor, code, dto);
  }

  /** Retires the benefit from `validFrom` (today by default) by adding a retiring version. */
  @ApiBearerAuth()
  @Delete(':code')
  @Roles('platform_admin')
  retire(@CurrentActor() actor: Actor, @Param('code') code: string, @Query('validFrom') validFrom?: string) {
    return this.catalogue.retire(actor, code, validFrom);
  }
}
