import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { AppConfig } from '../../config/config';
import { configureQueueBackend } from './queue-backend';
import { ALL_QUEUES } from './queues';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxService } from './outbox.service';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

@Global()
@Module({})
export class JobsModule {
  static register(config: AppConfig): DynamicModule {
    const { backend, connection } = configureQueueBackend(config);
    return {
      module: JobsModule,
      imports: [
        BullModule.forRoot({ connection: connection as never, prefix: config.queuePrefix }),
        ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
      ],
      controllers: [JobsController],
      providers: [JobsService, OutboxDispatcher, OutboxService, { provide: QUEUE_BACKEND, useValue: backend }],
      exports: [BullModule, JobsService, OutboxService, OutboxDispatcher, QUEUE_BACKEND],
    };
  }
}
