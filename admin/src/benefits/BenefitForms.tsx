import { Create, Edit, SimpleForm } from 'react-admin';
import { pick } from '../common/pick';
import { SaveToolbar } from '../common/SaveToolbar';
import { BenefitInputs } from './BenefitInputs';
import { BENEFIT_EDIT_FIELDS, type BenefitRecord } from './types';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());

// Editing never changes a version: the API stores the form as the next version from `validFrom`.
// A date in the past (the version's own start) becomes today, so a plain save takes effect now.
export const BenefitEdit = () => (
  <Edit<BenefitRecord>
    mutationMode="pessimistic"
    redirect="show"
    transform={(data) => {
      const body = pick(data, BENEFIT_EDIT_FIELDS) as Record<string, unknown>;
      if (typeof body.validFrom !== 'string' || body.validFrom < today()) body.validFrom = today();
      return body;
    }}
  >
    <SimpleForm toolbar={<SaveToolbar />}>
      <BenefitInputs mode="edit" />
    </SimpleForm>
  </Edit>
);

export const BenefitCreate = () => (
  <Create<BenefitRecord> redirect="show" transform={(data) => pick(data, ['code', ...BENEFIT_EDIT_FIELDS])}>
    <SimpleForm
      toolbar={<SaveToolbar />}
      defaultValues={{ validFrom: today(), amountVariants: [], condition: true, amountKind: 'exact', frequency: 'monthly', providerKind: 'state' }}
    >
      <BenefitInputs mode="create" />
    </SimpleForm>
  </Create>
);
