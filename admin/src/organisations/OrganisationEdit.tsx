import { Edit, SimpleForm } from 'react-admin';
import { pick } from '../common/pick';
import { SaveToolbar } from '../common/SaveToolbar';
import { OrganisationInputs } from './OrganisationInputs';
import { ORGANISATION_EDIT_FIELDS, withoutEmptyCode, type OrganisationRecord } from './types';

// pessimistic: the API's field errors must come back into the form before leaving it
export const OrganisationEdit = () => (
  <Edit<OrganisationRecord>
    mutationMode="pessimistic"
    redirect="show"
    transform={(data) => withoutEmptyCode(pick(data, ORGANISATION_EDIT_FIELDS))}
  >
    <SimpleForm toolbar={<SaveToolbar />}>
      <OrganisationInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
