import { Benefit } from './benefit.entity';
import { BenefitReceipt } from './benefit-receipt.entity';
import { BenefitVersion } from './benefit-version.entity';
import { ChildBenefitFacts } from './child-benefit-facts.entity';

export { Benefit, BenefitReceipt, BenefitVersion, ChildBenefitFacts };
/** The benefits context's entities, spread into ENTITIES with one line. */
export const BENEFITS_ENTITIES = [Benefit, BenefitVersion, BenefitReceipt, ChildBenefitFacts];
