import { DynamicModule, Global, Module } from '@nestjs/common';
import { MailTransport } from './mail.transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsService } from './notifications.service';

@Global()
@Module({})
export class NotificationsModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [NotificationsService, MailTransport, ...(worker ? [NotificationsProcessor] : [])],
      exports: [NotificationsService],
    };
  }
}
