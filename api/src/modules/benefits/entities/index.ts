import { Benefit } from './benefit.entity';
import { BenefitVersion } from './benefit-version.entity';

export { Benefit, BenefitVersion };
/** The benefits context's entities, spread into ENTITIES with one line. */
export const BENEFITS_ENTITIES = [Benefit, BenefitVersion];
