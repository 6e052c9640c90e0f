import { Create, SimpleForm } from 'react-admin';
import { pick } from '../common/pick';
import { SaveToolbar } from '../common/SaveToolbar';
import { OrganisationInputs } from './OrganisationInputs';
import { ORGANISATION_CREATE_FIELDS, withoutEmptyCode, type OrganisationRecord } from './types';

export const OrganisationCreate = () => (
  <Create<OrganisationRecord> redirect="show" transform={(data) => withoutEmptyCode(pick(data, ORGANISATION_CREATE_FIELDS))}>
    <SimpleForm toolbar={<SaveToolbar />}>
      <OrganisationInputs mode="create" />
    </SimpleForm>
  </Create>
);
