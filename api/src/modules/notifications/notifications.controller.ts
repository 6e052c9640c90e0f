import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../../common/http/uuid.pipe';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query('unread') unread: string | undefined, @Res({ passthrough: true }) res: FastifyReply) {
    const rows = await this.notifications.listOwn(actor, unread === 'true');
    void res.header('Content-Range', `notifications 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return rows;
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
