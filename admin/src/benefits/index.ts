import CardGiftcardIcon from '@mui/icons-material/CardGiftcard';
import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import type { ResourceProps } from 'react-admin';
import { BenefitCreate, BenefitEdit } from './BenefitForms';
import { BenefitList, BenefitShow } from './BenefitList';
import { ChildEntitlementsShow } from './ChildEntitlementsShow';
import { GapList } from './GapList';

/** The catalogue: the platform admin edits it (every save is a new dated version); others read it. */
export const benefits: ResourceProps = {
  name: 'benefits',
  icon: CardGiftcardIcon,
  list: BenefitList,
  show: BenefitShow,
  edit: BenefitEdit,
  create: BenefitCreate,
  recordRepresentation: 'code',
};
/** The case manager's caseload with entitlements not yet received; a row opens the child's entitlements. */
export const benefitGaps: ResourceProps = { name: 'benefit-gaps', icon: NotificationImportantIcon, list: GapList, show: ChildEntitlementsShow };
