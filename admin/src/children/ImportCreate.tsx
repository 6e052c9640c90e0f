import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../auth/httpClient';

/** Upload of a VDEĀVK decision file (CSV): the file is read in the browser and sent to the API, which imports it as a job. */
export const ImportCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    if (!file) return;
    if (file.size > 900_000) return setError(translate('resources.decision-imports.tooLarge'));
    setBusy(true);
    setError(null);
    try {
      const csv = await file.text();
      const { json } = await httpClient(`${API_URL}/decisions/import/csv`, { method: 'POST', body: JSON.stringify({ fileName: file.name.slice(0, 200), csv }) });
      notify('resources.decision-imports.started', { type: 'info' });
      redirect('show', 'decision-imports', (json as { id: string }).id);
    } catch (e) {
      const body = (e as { body?: { errors?: Record<string, string> } }).body;
      setError(body?.errors?.csv ? translate(`resources.decision-imports.csvErrors.${body.errors.csv}`) : translate('resources.decision-imports.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Title title="resources.decision-imports.upload" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('resources.decision-imports.help')}
        </Typography>
        <Box component="label" htmlFor="decision-file" sx={{ display: 'block', mb: 1 }}>
          {translate('resources.decision-imports.file')}
        </Box>
        <input id="decision-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        <Box sx={{ mt: 2 }}>
          <Button variant="contained" disabled={!file || busy} onClick={() => void upload()}>
            {translate('resources.decision-imports.start')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
