import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { formatDate, formatDateTime } from '../format';

export interface DateTimeFieldProps extends FieldProps {
  /** Show only the calendar date. */
  dateOnly?: boolean;
}

/** A date or moment from the record, formatted by src/format.ts in the current language. */
export const DateTimeField = ({ dateOnly, ...props }: DateTimeFieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  const [locale] = useLocaleState();
  const text = dateOnly ? formatDate(value, locale) : formatDateTime(value, locale);
  return (
    <Typography component="span" variant="body2">
      {value ? <time dateTime={value}>{text}</time> : null}
    </Typography>
  );
};
