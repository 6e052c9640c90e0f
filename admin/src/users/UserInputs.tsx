import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
} from 'react-admin';
import { ROLE_ORGANISATION_KIND, isRole, localeChoices, roleChoices } from '../roles';

/** The form body shared by creating and editing a user; the limits mirror the API's DTOs. */
export const UserInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <>
    <TextInput source="email" type="email" autoComplete="off" validate={[required(), email(), maxLength(254)]} />
    <TextInput source="fullName" autoComplete="off" validate={[required(), minLength(2), maxLength(200)]} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <FormDataConsumer<{ role?: string }>>
      {({ formData }) => (
        // a role belongs to one kind of organisation, so only those are offered
        <ReferenceInput
          source="organisationId"
          reference="organisations"
          sort={{ field: 'name', order: 'ASC' }}
          filter={isRole(formData.role) ? { kind: ROLE_ORGANISATION_KIND[formData.role] } : {}}
        >
          <AutocompleteInput
            optionText="name"
            validate={required()}
            helperText="resources.users.helper.organisationId"
          />
        </ReferenceInput>
      )}
    </FormDataConsumer>
    <SelectInput source="locale" choices={localeChoices} validate={required()} />
    {mode === 'create' ? (
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={[required(), minLength(10), maxLength(200)]}
        helperText="resources.users.helper.password"
      />
    ) : (
      <BooleanInput source="active" />
    )}
  </>
);
