import { DateInput, FormDataConsumer, SelectInput, TextInput, maxLength, minLength, required, useTranslate } from 'react-admin';
import { AMOUNT_KINDS, FREQUENCIES, PROVIDER_KINDS } from './types';

const choices = (prefix: string, values: readonly string[]) => values.map((id) => ({ id, name: `resources.benefits.${prefix}.${id}` }));

/** JSON text in the form, a value in the record; a parse error stays as text so the validator can name it. */
const toJsonText = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));
const fromJsonText = (s: string) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};
const validJson = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? 'resources.benefits.helper.invalidJson' : undefined);

/** Euro amounts in the form, integer cents in the record (no floating-point cents reach the API). */
const centsToEuros = (v: number | null | undefined) => (v == null ? '' : (v / 100).toFixed(2));
const eurosToCents = (v: string | number | null) => {
  if (v === null || v === '') return null;
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(String(v).trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : String(v);
};

/** The form body shared by creating a benefit and making its next version; limits mirror the API's DTOs. */
export const BenefitInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  return (
    <>
      {mode === 'create' && <TextInput source="code" validate={[required(), maxLength(60)]} helperText={false} />}
      <SelectInput source="providerKind" choices={choices('providerKind', PROVIDER_KINDS)} validate={required()} />
      <FormDataConsumer<{ providerKind?: string }>>
        {({ formData }) => (formData.providerKind === 'municipality' ? <TextInput source="municipalityCode" validate={required()} /> : null)}
      </FormDataConsumer>
      <TextInput source="nameLv" validate={[required(), minLength(2), maxLength(200)]} fullWidth />
      <TextInput source="nameEn" validate={[required(), minLength(2), maxLength(200)]} fullWidth />
      <TextInput source="summaryLv" validate={[required(), minLength(2), maxLength(2000)]} multiline fullWidth />
      <TextInput source="summaryEn" validate={[required(), minLength(2), maxLength(2000)]} multiline fullWidth />
      <TextInput source="payerLv" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="payerEn" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="amountCents" format={centsToEuros} parse={eurosToCents} inputMode="decimal" />
      <SelectInput source="amountKind" choices={choices('amountKind', AMOUNT_KINDS)} validate={required()} />
      <SelectInput source="frequency" choices={choices('frequency', FREQUENCIES)} validate={required()} />
      <TextInput source="amountNoteLv" validate={maxLength(300)} fullWidth />
      <TextInput source="amountNoteEn" validate={maxLength(300)} fullWidth />
      <TextInput
        source="condition"
        format={toJsonText}
        parse={fromJsonText}
        validate={[required(), validJson]}
        multiline
        fullWidth
        helperText={translate('resources.benefits.helper.condition')}
        sx={{ fontFamily: 'monospace' }}
      />
      <TextInput source="amountVariants" format={toJsonText} parse={fromJsonText} validate={validJson} multiline fullWidth defaultValue={[]} />
      <TextInput source="howToApplyLv" validate={[required(), maxLength(4000)]} multiline fullWidth />
      <TextInput source="howToApplyEn" validate={[required(), maxLength(4000)]} multiline fullWidth />
      <TextInput source="legalBasis" validate={[required(), maxLength(300)]} fullWidth />
      <TextInput source="officialUrl" type="url" validate={[required(), maxLength(500)]} fullWidth />
      <DateInput source="validFrom" helperText="resources.benefits.helper.validFrom" />
      {mode === 'edit' ? (
        <TextInput source="changeNote" validate={[required(), minLength(3), maxLength(500)]} fullWidth />
      ) : (
        <TextInput source="changeNote" validate={maxLength(500)} fullWidth />
      )}
    </>
  );
};
