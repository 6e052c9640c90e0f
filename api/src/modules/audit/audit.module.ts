import { Global, Module } from '@nestjs/common';
import { AuditChainService } from './audit-chain.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditChainService], controllers: [AuditController], exports: [AuditService, AuditChainService] })
export class AuditModule {}
