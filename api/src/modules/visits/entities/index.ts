import { Card } from './card.entity';
import { FamilyDevice } from './family-device.entity';
import { Scan } from './scan.entity';
import { Visit } from './visit.entity';
import { VisitException } from './visit-exception.entity';

export { Card, FamilyDevice, Scan, Visit, VisitException };
export const VISITS_ENTITIES = [Card, FamilyDevice, Scan, Visit, VisitException];
