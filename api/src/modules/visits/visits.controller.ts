import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { CardsService } from './cards.service';
import { ExceptionsService } from './exceptions.service';
import { IntegrityService } from './integrity.service';
import { ScansService } from './scans.service';
import { BlockCardDto, DisputeDto, IssueCardDto, ManualVisitDto, ProvisionDeviceDto, ResolveExceptionDto, ScanDto } from './visits.dto';
import { VisitsService } from './visits.service';

const READERS = ['platform_admin', 'municipality_officer', 'case_manager', 'provider_admin', 'specialist', 'family', 'participant'] as const;
const CASE_ROLES = ['platform_admin', 'municipality_officer', 'case_manager'] as const;
const FAMILY = ['family', 'participant'] as const;

@ApiTags('visits')
@ApiBearerAuth()
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly scans: ScansService,
    private readonly visits: VisitsService,
  ) {}

  @Post('scan')
  @HttpCode(200)
  @Roles('specialist', 'provider_admin')
  scan(@CurrentActor() actor: Actor, @Body() dto: ScanDto) {
    return this.scans.scan(actor, dto);
  }

  @Post('manual')
  @Roles('specialist', 'provider_admin')
  manual(@CurrentActor() actor: Actor, @Body() dto: ManualVisitDto) {
    return this.visits.manual(actor, dto);
  }

  @Get()
  @Roles(...READERS)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.visits.list(actor, query);
    void res.header('Content-Range', contentRange('visits', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.visits.get(actor, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles(...FAMILY)
  confirm(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.visits.confirm(actor, id);
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Roles(...FAMILY)
  dispute(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DisputeDto) {
    return this.visits.dispute(actor, id, dto);
  }
}

@ApiTags('visits')
@ApiBearerAuth()
@Controller('exceptions')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionsService) {}

  @Get()
  @Roles(...CASE_ROLES, 'provider_admin')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.exceptions.list(actor, query);
    void res.header('Content-Range', contentRange('exceptions', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...CASE_ROLES, 'provider_admin')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.exceptions.get(actor, id);
  }

  /** Only the case side decides: a provider never resolves its own exceptions. */
  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...CASE_ROLES)
  resolve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ResolveExceptionDto) {
    return this.exceptions.resolve(actor, id, dto);
  }
}

@ApiTags('visits')
@ApiBearerAuth()
@Controller('cards')
export class CardsController {
  constructor(private readonly cards: CardsService) {}

  @Get()
  @Roles(...CASE_ROLES, ...FAMILY)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.cards.list(actor, query);
    void res.header('Content-Range', contentRange('cards', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...CASE_ROLES, ...FAMILY)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cards.get(actor, id);
  }

  @Get(':id/pdf')
  @Roles(...CASE_ROLES, ...FAMILY)
  async pdf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: FastifyReply) {
    const { file, number } = await this.cards.pdf(actor, id);
    void res.header('Content-Type', 'application/pdf').header('Content-Disposition', `inline; filename="karte-${number}.pdf"`);
    return file;
  }

  @Post()
  @Roles(...CASE_ROLES)
  issue(@CurrentActor() actor: Actor, @Body() dto: IssueCardDto) {
    return this.cards.issue(actor, dto.childId);
  }

  @Post(':id/block')
  @HttpCode(200)
  @Roles(...CASE_ROLES, ...FAMILY)
  block(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: BlockCardDto) {
    return this.cards.block(actor, id, dto);
  }

  @Post(':id/replace')
  @Roles(...CASE_ROLES)
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cards.replace(actor, id);
  }
}

@ApiTags('visits')
@ApiBearerAuth()
@Controller('family-devices')
export class FamilyDevicesController {
  constructor(private readonly cards: CardsService) {}

  @Get()
  @Roles(...FAMILY)
  list(@CurrentActor() actor: Actor) {
    return this.cards.listDevices(actor);
  }

  @Post()
  @Roles(...FAMILY)
  provision(@CurrentActor() actor: Actor, @Body() dto: ProvisionDeviceDto) {
    return this.cards.provisionDevice(actor, dto);
  }

  @Get(':id/card')
  @Roles(...FAMILY)
  card(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cards.deviceCard(actor, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(...FAMILY, ...CASE_ROLES)
  revoke(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cards.revokeDevice(actor, id);
  }
}

@ApiTags('visits')
@ApiBearerAuth()
@Controller()
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  @Get('integrity')
  @Roles('platform_admin', 'ministry_analyst', 'municipality_officer', 'provider_admin')
  async list(@CurrentActor() actor: Actor, @Query('filter') filter: string | undefined, @Query('quarter') quarter: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    let q: unknown = quarter;
    if (filter) {
      try {
        q = (JSON.parse(filter) as { quarter?: string }).quarter ?? quarter;
      } catch {
        q = 'invalid';
      }
    }
    const rows = await this.integrity.list(actor, q);
    void res.header('Content-Range', `integrity 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return rows;
  }

  @Get('providers/:id/integrity')
  @Roles('platform_admin', 'ministry_analyst', 'municipality_officer', 'provider_admin')
  forProvider(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query('quarter') quarter: string | undefined) {
    return this.integrity.forProvider(actor, id, quarter);
  }
}
