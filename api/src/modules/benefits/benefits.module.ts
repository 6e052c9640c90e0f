import { Module } from '@nestjs/common';
import { BenefitsController } from './benefits.controller';
import { CatalogueService } from './catalogue.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

@Module({
  controllers: [BenefitsController],
  providers: [CatalogueService, PublicRateLimitGuard],
  exports: [CatalogueService],
})
export class BenefitsModule {}
