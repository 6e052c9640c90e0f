import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CreateOfferDto, UpdateOfferDto } from './offers.dto';
import { OffersService } from './offers.service';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  /** Filters: serviceCode, category, municipality, language, maxPriceCents, startBy, available, providerId, childId (continuity), mine. */
  @Get()
  @Roles('platform_admin', 'case_manager', 'municipality_officer', 'provider_admin', 'specialist', 'family', 'participant')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.offers.list(actor, query);
    void res.header('Content-Range', contentRange('offers', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.offers.get(actor, id);
  }

  @Post()
  @Roles('platform_admin', 'provider_admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOfferDto) {
    return this.offers.create(actor, dto);
  }

  @Put(':id')
  @Roles('platform_admin', 'provider_admin')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateOfferDto) {
    return this.offers.update(actor, id, dto);
  }
}
