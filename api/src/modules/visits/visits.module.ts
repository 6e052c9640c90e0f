import { DynamicModule, Module } from '@nestjs/common';
import { CardsService } from './cards.service';
import { ExceptionsService } from './exceptions.service';
import { IntegrityService } from './integrity.service';
import { ScansService } from './scans.service';
import { VisitVerifier } from './visit-verifier.service';
import { VisitsAccess } from './visits.access';
import { CardsController, ExceptionsController, FamilyDevicesController, IntegrityController, VisitsController } from './visits.controller';
import { VisitsProcessor } from './visits.processor';
import { VisitsService } from './visits.service';

/** Visit verification by card and QR, exceptions for the case manager, provider integrity. */
@Module({})
export class VisitsModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: VisitsModule,
      controllers: [VisitsController, ExceptionsController, CardsController, FamilyDevicesController, IntegrityController],
      providers: [VisitVerifier, VisitsAccess, ScansService, VisitsService, ExceptionsService, CardsService, IntegrityService, ...(worker ? [VisitsProcessor] : [])],
      exports: [VisitVerifier],
    };
  }
}
