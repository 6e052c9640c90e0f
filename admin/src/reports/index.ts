import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ResourceProps } from 'react-admin';
import { ReportsPage } from './ReportsPage';

export const reports: ResourceProps = { name: 'reports', icon: AssessmentIcon, list: ReportsPage };
