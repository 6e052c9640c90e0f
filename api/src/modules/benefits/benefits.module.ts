import { Module } from '@nestjs/common';
import { BenefitsController } from './benefits.controller';
import { CatalogueService } from './catalogue.service';
import { EntitlementsController } from './entitlements.controller';
import { EntitlementsService } from './entitlements.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

@Module({
  controllers: [BenefitsController, EntitlementsController],
  providers: [CatalogueService, EntitlementsService, PublicRateLimitGuard],
  exports: [CatalogueService, EntitlementsService],
})
export class BenefitsModule {}
