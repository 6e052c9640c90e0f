import WorkHistoryIcon from '@mui/icons-material/WorkHistory';
import type { ResourceProps } from 'react-admin';
import { JobList } from './JobList';
import { JobShow } from './JobShow';

export const jobs: ResourceProps = {
  name: 'jobs',
  icon: WorkHistoryIcon,
  list: JobList,
  show: JobShow,
  recordRepresentation: 'name',
};
