import { Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import type { JobRecord } from '../dataProvider';

/** A queue reports progress as a percentage or as an object of its own; show either plainly. */
export const JobProgressField = (_props: FieldProps) => {
  const job = useRecordContext<JobRecord>();
  const progress = job?.progress;
  if (progress == null) return null;
  const text = typeof progress === 'number' ? `${progress} %` : JSON.stringify(progress);
  return (
    <Typography component="span" variant="body2">
      {text}
    </Typography>
  );
};
