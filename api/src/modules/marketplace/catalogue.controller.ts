import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { contentRange } from '../../common/http/list-query';
import { CreateCatalogueServiceDto, CreatePriceVersionDto, UpdateCatalogueServiceDto } from './catalogue.dto';
import { CatalogueServiceService } from './catalogue.service';

const code = (raw: string) => {
  if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(raw)) throw new AppError('VALIDATION_FAILED', { code: 'matches' });
  return raw;
};

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueServiceService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.catalogue.list(actor, query);
    void res.header('Content-Range', contentRange('catalogue', q, { rows, total }));
    return rows;
  }

  @Get(':code')
  get(@CurrentActor() actor: Actor, @Param('code') raw: string) {
    return this.catalogue.get(actor, code(raw));
  }

  @Post()
  @Roles('platform_admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCatalogueServiceDto) {
    return this.catalogue.create(actor, dto);
  }

  @Put(':code')
  @Roles('platform_admin')
  update(@CurrentActor() actor: Actor, @Param('code') raw: string, @Body() dto: UpdateCatalogueServiceDto) {
    return this.catalogue.update(actor, code(raw), dto);
  }

  @Post(':code/prices')
  @Roles('platform_admin')
  addPrice(@CurrentActor() actor: Actor, @Param('code') raw: string, @Body() dto: CreatePriceVersionDto) {
    return this.catalogue.addPrice(actor, code(raw), dto);
  }
}
