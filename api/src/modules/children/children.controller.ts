import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { AdultAccessDto, ConsentDto, CreateChildDto, CreateRepresentativeDto, CsvImportDto } from './children.dto';
import { ChildrenService } from './children.service';
import { DecisionImportService } from './decision-import.service';

@ApiTags('children')
@ApiBearerAuth()
@Controller()
export class ChildrenController {
  constructor(
    private readonly children: ChildrenService,
    private readonly imports: DecisionImportService,
  ) {}

  @Get('municipalities')
  @Roles('platform_admin', 'ministry_analyst', 'municipality_officer', 'case_manager', 'provider_admin', 'specialist', 'family', 'participant')
  async municipalities(@Res({ passthrough: true }) res: FastifyReply) {
    const rows = await this.children.municipalities();
    void res.header('Content-Range', `municipalities 0-${rows.length - 1}/${rows.length}`);
    return rows;
  }

  @Get('children')
  @Roles('platform_admin', 'municipality_officer', 'case_manager', 'provider_admin', 'specialist', 'family', 'participant')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.children.list(actor, query);
    void res.header('Content-Range', contentRange('children', q, { rows, total }));
    return rows;
  }

  @Get('children/:id')
  @Roles('platform_admin', 'municipality_officer', 'case_manager', 'provider_admin', 'specialist', 'family', 'participant')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.children.get(actor, id);
  }

  @Post('children')
  @Roles('platform_admin', 'municipality_officer')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateChildDto) {
    return this.children.create(actor, dto);
  }

  @Get('children/:id/consents')
  @Roles('platform_admin', 'municipality_officer', 'case_manager', 'family', 'participant')
  consents(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.children.consentHistory(actor, id);
  }

  @Post('children/:id/consents')
  @HttpCode(200)
  @Roles('platform_admin', 'municipality_officer', 'case_manager', 'family', 'participant')
  setConsent(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ConsentDto) {
    return this.children.setConsent(actor, id, dto);
  }

  @Post('children/:id/representatives')
  @Roles('platform_admin', 'municipality_officer', 'case_manager')
  addRepresentative(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateRepresentativeDto) {
    return this.children.addRepresentative(actor, id, dto);
  }

  @Put('children/:id/representatives/:representativeId/adult-access')
  @Roles('participant')
  adultAccess(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('representativeId', UuidPipe) representativeId: string, @Body() dto: AdultAccessDto) {
    return this.children.setAdultAccess(actor, id, representativeId, dto);
  }

  @Post('decisions/import')
  @HttpCode(202)
  @Roles('platform_admin', 'municipality_officer')
  importJson(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.imports.importJson(actor, body);
  }

  @Post('decisions/import/csv')
  @HttpCode(202)
  @Roles('platform_admin', 'municipality_officer')
  importCsv(@CurrentActor() actor: Actor, @Body() dto: CsvImportDto) {
    return this.imports.importCsv(actor, dto.fileName, dto.csv);
  }

  @Get('decision-imports')
  @Roles('platform_admin', 'municipality_officer')
  async imports_(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.imports.list(actor, query);
    void res.header('Content-Range', contentRange('decision-imports', q, { rows, total }));
    return rows;
  }

  @Get('decision-imports/:id')
  @Roles('platform_admin', 'municipality_officer')
  importOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.imports.get(actor, id);
  }
}
