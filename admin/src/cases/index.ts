import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import BalanceIcon from '@mui/icons-material/Balance';
import type { ResourceProps } from 'react-admin';
import { BalancePage } from './BalancePage';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';
import { DeputyCreate, DeputyList } from './DeputyList';
import EventBusyIcon from '@mui/icons-material/EventBusy';

export const cases: ResourceProps = { name: 'cases', icon: AssignmentIndIcon, list: CaseList, show: CaseShow, recordRepresentation: 'childName' };
export const caseloadBalance: ResourceProps = { name: 'caseload-balance', icon: BalanceIcon, list: BalancePage };
export const caseDeputies: ResourceProps = { name: 'case-deputies', icon: EventBusyIcon, list: DeputyList, create: DeputyCreate };
export const caseManagers: ResourceProps = { name: 'case-managers', recordRepresentation: 'fullName' };
