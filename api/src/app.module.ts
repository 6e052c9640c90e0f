import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { AuditModule } from './modules/audit/audit.module';
import { BenefitsModule } from './modules/benefits/benefits.module';
import { BillingModule } from './modules/billing/billing.module';
import { BudgetsModule } from './modules/budgets/budgets.module';
import { ChildrenModule } from './modules/children/children.module';
import { VisitsModule } from './modules/visits/visits.module';
import { HealthController } from './modules/health/health.controller';
import { IdentityModule } from './modules/identity/identity.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MarketplaceModule } from './modules/marketplace/marketplace.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReportsModule } from './modules/reports/reports.module';
import { BenchModule } from './modules/scale/bench.module';

export interface AppOptions {
  config: AppConfig;
  /** Run the job processors in this process (the worker entry point, and tests that need jobs done). */
  worker: boolean;
}

@Module({})
export class AppModule {
  static register({ config, worker }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.dbPoolSize)),
        // a key object, not the string: the token library would otherwise try to parse the string as a
        // public key (and fail) on every request before treating it as the HMAC secret
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer, signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'auth', ttl: config.authRateWindowSeconds * 1000, limit: config.authRateLimit }] }),
        JobsModule.register(config),
        AuditModule,
        NotificationsModule.register(worker),
        MaintenanceModule.register(worker),
        PrivacyModule,
        IdentityModule,
        BudgetsModule.register(worker),
        MarketplaceModule.register(worker),
        ChildrenModule.register(worker),
        VisitsModule.register(worker),
        BenefitsModule,
        BillingModule.register(worker),
        ReportsModule.register(worker),
        BenchModule.register(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG],
    };
  }
}
