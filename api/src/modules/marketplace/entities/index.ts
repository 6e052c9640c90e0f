import { Accreditation } from './accreditation.entity';
import { CataloguePrice } from './catalogue-price.entity';
import { CatalogueService } from './catalogue-service.entity';
import { ContractSpecialist } from './contract-specialist.entity';
import { Contract } from './contract.entity';
import { Offer } from './offer.entity';
import { ProviderProfile } from './provider-profile.entity';
import { ProviderSpecialist } from './provider-specialist.entity';
import { Specialist } from './specialist.entity';

export { Accreditation, CataloguePrice, CatalogueService, Contract, ContractSpecialist, Offer, ProviderProfile, ProviderSpecialist, Specialist };

/** The marketplace's entities, registered in database/entities.ts. */
export const MARKETPLACE_ENTITIES = [CatalogueService, CataloguePrice, ProviderProfile, Accreditation, Specialist, ProviderSpecialist, Offer, Contract, ContractSpecialist];
