import { DynamicModule, Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueServiceService } from './catalogue.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { MarketplaceProcessor } from './marketplace.processor';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

/** The provider marketplace: catalogue, providers and specialists, offers, contracts. The activation sweep runs only in the worker. */
@Module({})
export class MarketplaceModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: MarketplaceModule,
      controllers: [CatalogueController, ProvidersController, OffersController, ContractsController],
      providers: [CatalogueServiceService, ProvidersService, OffersService, ContractsService, ...(worker ? [MarketplaceProcessor] : [])],
      exports: [CatalogueServiceService, ProvidersService, ContractsService],
    };
  }
}
