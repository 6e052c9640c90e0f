import { BooleanInput, SelectInput, TextInput, maxLength, minLength, regex, required } from 'react-admin';
import { organisationKindChoices } from '../roles';

const CODE = /^[A-Za-z0-9._-]{2,40}$/;

/** The form body shared by creating and editing an organisation; the limits mirror the API's DTOs. */
export const OrganisationInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <>
    <TextInput source="name" autoComplete="off" validate={[required(), minLength(2), maxLength(200)]} />
    {mode === 'create' ? (
      <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
    ) : (
      <SelectInput
        source="kind"
        choices={organisationKindChoices}
        readOnly
        helperText="resources.organisations.helper.kind"
      />
    )}
    <TextInput
      source="code"
      autoComplete="off"
      validate={regex(CODE, 'resources.organisations.validation.code')}
      helperText="resources.organisations.helper.code"
    />
    {mode === 'edit' && <BooleanInput source="active" />}
  </>
);
