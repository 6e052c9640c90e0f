import { SaveButton, Toolbar } from 'react-admin';

/** Forms save only: the API has no delete for these resources (deactivate instead). */
export const SaveToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
