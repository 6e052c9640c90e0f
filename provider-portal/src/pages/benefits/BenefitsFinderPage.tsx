import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorLines, FormAlert } from '../../ui/ErrorNotice';
import { fieldErrorTexts } from '../../ui/errors';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { evaluate, fetchMunicipalities, type BenefitResult, type DecisionKind, type Municipality, type Situation } from './api';
import { BenefitCard } from './BenefitCard';
import './benefits.css';

type YesNo = 'yes' | 'no' | 'unknown';
const YES_NO: readonly YesNo[] = ['yes', 'no', 'unknown'];
const DECISIONS: readonly (DecisionKind | 'unknown')[] = ['child', 'group_1', 'group_2', 'group_3', 'none', 'unknown'];
type BoolQuestion = 'specialCare' | 'livesAtHome' | 'firstDecision' | 'attendsSchool';
const BOOL_QUESTIONS: readonly BoolQuestion[] = ['specialCare', 'livesAtHome', 'firstDecision', 'attendsSchool'];

const toBool = (v: YesNo): boolean | undefined => (v === 'unknown' ? undefined : v === 'yes');

/** A group of radio buttons with a visible legend; one choice, keyboard-friendly (arrow keys). */
function RadioGroup<T extends string>({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  label,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  label: (v: T) => string;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className="choices finder-question" aria-describedby={hintId}>
      <legend className="finder-legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {options.map((o) => (
        <div key={o} className="radio">
          <input id={`${name}-${o}`} type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          <label htmlFor={`${name}-${o}`}>{label(o)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The public benefits finder: a few questions, then every benefit and service the answers qualify for,
 * with amounts, who pays, how to apply and the official link. No sign-in; the API stores nothing.
 */
export function BenefitsFinderPage() {
  const i18n = useI18n();
  const { t, locale, date } = i18n;
  const [age, setAge] = useState('');
  const [decision, setDecision] = useState<DecisionKind | 'unknown'>('unknown');
  const [answers, setAnswers] = useState<Record<BoolQuestion, YesNo>>({
    specialCare: 'unknown',
    livesAtHome: 'unknown',
    firstDecision: 'unknown',
    attendsSchool: 'unknown',
  });
  const [municipality, setMunicipality] = useState('');
  const [municipalities, setMunicipalities] = useState<Municipality[]>([]);
  const [ageError, setAgeError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ onDate: string; results: BenefitResult[] } | null>(null);
  const ageRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    fetchMunicipalities().then(setMunicipalities, () => setMunicipalities([]));
  }, []);

  useEffect(() => {
    if (result) resultsRef.current?.focus();
  }, [result]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const trimmed = age.trim();
    if (trimmed !== '' && !/^\d{1,3}$/.test(trimmed)) {
      setAgeError(t('benefits.q.ageInvalid'));
      setProblem({ local: true });
      ageRef.current?.focus();
      return;
    }
    const situation: Situation = {};
    if (trimmed !== '') situation.age = Number(trimmed);
    if (decision !== 'unknown') situation.decisionKind = decision;
    for (const q of BOOL_QUESTIONS) {
      const b = toBool(answers[q]);
      if (b !== undefined) situation[q] = b;
    }
    if (municipality) situation.municipality = municipality;
    setBusy(true);
    setAgeError(undefined);
    setProblem(null);
    try {
      setResult(await evaluate(situation));
    } catch (error) {
      const fields = fieldErrorTexts(i18n, error, ['age']);
      if (fields.age) {
        setAgeError(fields.age);
        ageRef.current?.focus();
      }
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  const eligible = result?.results.filter((r) => r.eligibility === 'eligible') ?? [];
  const maybe = result?.results.filter((r) => r.eligibility === 'maybe') ?? [];
  const other = result?.results.filter((r) => r.eligibility === 'not_eligible') ?? [];
  const yesNoLabel = (v: YesNo) => t(`benefits.answer.${v}` as MessageKey);

  return (
    <div className="narrow finder">
      <PageHeading title={t('benefits.finder.title')} />
      <p className="lead">{t('benefits.finder.intro')}</p>
      <p className="muted">{t('benefits.finder.skipHint')}</p>

      <FormAlert attempt={attempt}>
        {problem ? (problem as { local?: boolean }).local ? <p>{t('errors.VALIDATION_FAILED')}</p> : <ErrorLines error={problem} /> : null}
      </FormAlert>

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy || undefined}>
        <TextField
          id="finder-age"
          label={t('benefits.q.age')}
          hint={t('benefits.q.ageHint')}
          inputMode="numeric"
          autoComplete="off"
          value={age}
          onValueChange={setAge}
          error={ageError}
          inputRef={ageRef}
        />
        <RadioGroup
          name="finder-decision"
          legend={t('benefits.q.decision')}
          hint={t('benefits.q.decisionHint')}
          options={DECISIONS}
          value={decision}
          onChange={setDecision}
          label={(v) => t(v === 'unknown' ? 'benefits.answer.unknown' : (`benefits.decision.${v}` as MessageKey))}
        />
        {BOOL_QUESTIONS.map((q) => (
          <RadioGroup
            key={q}
            name={`finder-${q}`}
            legend={t(`benefits.q.${q}` as MessageKey)}
            options={YES_NO}
            value={answers[q]}
            onChange={(v) => setAnswers((a) => ({ ...a, [q]: v }))}
            label={yesNoLabel}
          />
        ))}
        <div className="field">
          <label htmlFor="finder-municipality">{t('benefits.q.municipality')}</label>
          <p id="finder-municipality-hint" className="field-hint">
            {t('benefits.q.municipalityHint')}
          </p>
          <select
            id="finder-municipality"
            className="finder-select"
            aria-describedby="finder-municipality-hint"
            value={municipality}
            onChange={(e) => setMunicipality(e.target.value)}
          >
            <option value="">{t('benefits.answer.chooseMunicipality')}</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {locale === 'en' ? m.nameEn : m.nameLv}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary button-block" aria-disabled={busy || undefined}>
          {t('benefits.submit')}
        </button>
        <p role="status" className="visually-hidden">
          {busy ? t('common.pleaseWait') : result ? t('benefits.results.announce', { count: eligible.length }) : ''}
        </p>
      </form>

      {result && (
        <section aria-labelledby="finder-results" className="finder-results">
          <h2 id="finder-results" tabIndex={-1} ref={resultsRef}>
            {t('benefits.results.title')}
          </h2>
          <p className="muted">{t('benefits.results.asOf', { date: date(result.onDate) })}</p>
          <h3>{t('benefits.results.eligible', { count: eligible.length })}</h3>
          {eligible.length === 0 && <p>{t('benefits.results.eligibleNone')}</p>}
          <ul className="benefit-list" aria-label={t('benefits.results.eligible', { count: eligible.length })}>
            {eligible.map((b) => (
              <li key={b.code}>
                <BenefitCard benefit={b} headingLevel={4} />
              </li>
            ))}
          </ul>
          {maybe.length > 0 && (
            <>
              <h3>{t('benefits.results.maybe', { count: maybe.length })}</h3>
              <p className="muted">{t('benefits.results.maybeHint')}</p>
              <ul className="benefit-list" aria-label={t('benefits.results.maybe', { count: maybe.length })}>
                {maybe.map((b) => (
                  <li key={b.code}>
                    <BenefitCard benefit={b} headingLevel={4} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {other.length > 0 && (
            <details className="finder-other">
              <summary>{t('benefits.results.other', { count: other.length })}</summary>
              <ul className="benefit-list">
                {other.map((b) => (
                  <li key={b.code}>
                    <BenefitCard benefit={b} headingLevel={4} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </div>
  );
}
