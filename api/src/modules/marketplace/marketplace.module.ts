import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueServiceService } from './catalogue.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

/** The provider marketplace: catalogue, providers and specialists, offers, contracts. */
@Module({
  controllers: [CatalogueController, ProvidersController, OffersController, ContractsController],
  providers: [CatalogueServiceService, ProvidersService, OffersService, ContractsService],
  exports: [CatalogueServiceService, ProvidersService, ContractsService],
})
export class MarketplaceModule {}
