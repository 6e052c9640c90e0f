import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
@Roles('platform_admin')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.jobs.list(actor, query);
    const end = rows.length ? q.skip + rows.length - 1 : q.skip;
    void res.header('Content-Range', `jobs ${q.skip}-${end}/${total}`);
    return rows;
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.jobs.get(actor, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  retry(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.jobs.retry(actor, id);
  }
}
