import { Chip } from '@mui/material';
import { BooleanInput, DataTable, FunctionField, List, SimpleList, TextInput, useLocaleState, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useIsSmall } from '../common/useIsSmall';
import { MISSING_CHIP } from './ChildEntitlementsShow';
import type { GapRecord } from './types';

const filters = [
  <TextInput key="q" source="q" label="app.search" alwaysOn resettable />,
  <BooleanInput key="missing" source="missing" label="resources.benefit-gaps.filters.onlyMissing" alwaysOn />,
];

/** The names of the entitlements a child does not yet receive, each as a highlighted chip. */
const MissingChips = ({ gap }: { gap: GapRecord }) => {
  const [locale] = useLocaleState();
  return (
    <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {gap.missing.map((m) => (
        <Chip key={m.code} size="small" variant="outlined" sx={MISSING_CHIP} label={locale === 'en' ? m.nameEn : m.nameLv} />
      ))}
    </span>
  );
};

/**
 * The case manager's caseload, children with entitlements the family does not yet receive first —
 * the list for proactive contact. A row opens the child's entitlements.
 */
export const GapList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'missingCount', order: 'DESC' }} exporter={false} perPage={25}>
      {isSmall ? (
        <SimpleList<GapRecord>
          primaryText={(g) => `${g.firstName} ${g.lastName}`}
          secondaryText={(g) => translate('benefits.child.missingCount', { smart_count: g.missingCount })}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="lastName">
            <FunctionField<GapRecord> render={(g) => `${g.firstName} ${g.lastName}`} />
          </DataTable.Col>
          <DataTable.Col source="birthDate">
            <DateTimeField source="birthDate" dateOnly />
          </DataTable.Col>
          <DataTable.Col source="municipalityCode" disableSort />
          <DataTable.Col source="missingCount">
            <FunctionField<GapRecord> render={(g) => <strong>{g.missingCount}</strong>} />
          </DataTable.Col>
          <DataTable.Col source="missing" disableSort>
            <FunctionField<GapRecord> render={(g) => <MissingChips gap={g} />} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
