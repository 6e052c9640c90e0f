import AssignmentIcon from '@mui/icons-material/Assignment';
import FlagIcon from '@mui/icons-material/Flag';
import SavingsIcon from '@mui/icons-material/Savings';
import type { ResourceProps } from 'react-admin';
import { AssessmentCreate, AssessmentList, AssessmentShow } from './Assessments';
import { BasketList, BasketShow } from './Baskets';
import { SupportPlanEdit, SupportPlanList, SupportPlanShow } from './SupportPlans';

export const assessments: ResourceProps = { name: 'assessments', icon: AssignmentIcon, list: AssessmentList, show: AssessmentShow, create: AssessmentCreate };
export const supportPlans: ResourceProps = { name: 'support-plans', icon: FlagIcon, list: SupportPlanList, show: SupportPlanShow, edit: SupportPlanEdit };
export const baskets: ResourceProps = { name: 'baskets', icon: SavingsIcon, list: BasketList, show: BasketShow };
