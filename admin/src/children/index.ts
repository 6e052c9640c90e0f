import ChildCareIcon from '@mui/icons-material/ChildCare';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ResourceProps } from 'react-admin';
import { ChildList } from './ChildList';
import { ChildShow } from './ChildShow';
import { ImportCreate } from './ImportCreate';
import { ImportList } from './ImportList';
import { ImportShow } from './ImportShow';

export const children: ResourceProps = { name: 'children', icon: ChildCareIcon, list: ChildList, show: ChildShow, recordRepresentation: (r) => `${r.firstName} ${r.lastName}` };
export const decisionImports: ResourceProps = { name: 'decision-imports', icon: UploadFileIcon, list: ImportList, create: ImportCreate, show: ImportShow };
