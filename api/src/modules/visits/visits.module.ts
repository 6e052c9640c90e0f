import { Module } from '@nestjs/common';
import { CardsService } from './cards.service';
import { ExceptionsService } from './exceptions.service';
import { IntegrityService } from './integrity.service';
import { ScansService } from './scans.service';
import { VisitVerifier } from './visit-verifier.service';
import { VisitsAccess } from './visits.access';
import { CardsController, ExceptionsController, FamilyDevicesController, IntegrityController, VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

/** Visit verification by card and QR, exceptions for the case manager, provider integrity. */
@Module({
  controllers: [VisitsController, ExceptionsController, CardsController, FamilyDevicesController, IntegrityController],
  providers: [VisitVerifier, VisitsAccess, ScansService, VisitsService, ExceptionsService, CardsService, IntegrityService],
  exports: [VisitVerifier],
})
export class VisitsModule {}
