import { Edit, SimpleForm } from 'react-admin';
import { pick } from '../common/pick';
import { SaveToolbar } from '../common/SaveToolbar';
import { USER_EDIT_FIELDS, type UserRecord } from './types';
import { UserInputs } from './UserInputs';

// pessimistic: the API's field errors must come back into the form before leaving it
export const UserEdit = () => (
  <Edit<UserRecord> mutationMode="pessimistic" redirect="show" transform={(data) => pick(data, USER_EDIT_FIELDS)}>
    <SimpleForm toolbar={<SaveToolbar />}>
      <UserInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
