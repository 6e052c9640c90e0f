import { Create, SimpleForm } from 'react-admin';
import { pick } from '../common/pick';
import { SaveToolbar } from '../common/SaveToolbar';
import { USER_CREATE_FIELDS, type UserRecord } from './types';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <Create<UserRecord> redirect="show" transform={(data) => pick(data, USER_CREATE_FIELDS)}>
    <SimpleForm toolbar={<SaveToolbar />} defaultValues={{ locale: 'lv' }}>
      <UserInputs mode="create" />
    </SimpleForm>
  </Create>
);
