import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('platform_admin', 'municipality_officer', 'provider_admin')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.users.list(actor, query);
    void res.header('Content-Range', contentRange('users', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles('platform_admin', 'municipality_officer', 'provider_admin')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles('platform_admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Put(':id')
  @Roles('platform_admin')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles('platform_admin')
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.deactivate(actor, id);
  }
}
