import FactCheckIcon from '@mui/icons-material/FactCheck';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import type { ResourceProps } from 'react-admin';
import { ExceptionList } from './ExceptionList';
import { ExceptionShow, VisitList, VisitShow } from './ExceptionShow';
import { IntegrityList } from './IntegrityList';

export const exceptions: ResourceProps = { name: 'exceptions', icon: FactCheckIcon, list: ExceptionList, show: ExceptionShow };
export const visits: ResourceProps = { name: 'visits', icon: EventAvailableIcon, list: VisitList, show: VisitShow };
export const integrity: ResourceProps = { name: 'integrity', icon: VerifiedUserIcon, list: IntegrityList };
