import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { AuditEventList } from './AuditEventList';

export const auditEvents: ResourceProps = {
  name: 'audit-events',
  icon: HistoryIcon,
  list: AuditEventList,
};
