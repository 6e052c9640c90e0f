/** Assessments, support plans and baskets: spread into the `resources` and `errors` of en.ts and lv.ts. */
const domains = {
  en: {
    mobility: 'Mobility', self_care: 'Self-care', communication: 'Communication', vision: 'Vision', hearing: 'Hearing', learning: 'Learning',
    behaviour_mental_health: 'Behaviour and mental health', social_participation: 'Social participation', education: 'Education', work_readiness: 'Work readiness (14+)', family_situation: 'Family situation',
  },
  lv: {
    mobility: 'Pārvietošanās', self_care: 'Pašaprūpe', communication: 'Saziņa', vision: 'Redze', hearing: 'Dzirde', learning: 'Mācīšanās',
    behaviour_mental_health: 'Uzvedība un garīgā veselība', social_participation: 'Sociālā līdzdalība', education: 'Izglītība', work_readiness: 'Darba gatavība (14+)', family_situation: 'Ģimenes situācija',
  },
};
const levels = {
  en: { 0: '0 – none', 1: '1 – mild', 2: '2 – moderate', 3: '3 – severe', 4: '4 – complete' },
  lv: { 0: '0 – nav', 1: '1 – viegli', 2: '2 – vidēji', 3: '3 – smagi', 4: '4 – pilnīgi' },
};
const categories = {
  en: { therapy: 'Therapy', psychological: 'Psychological support', education_support: 'Education support', assistance: 'Assistance', respite_day_care: 'Respite and day care', early_intervention: 'Early intervention', employment: 'Employment', technical_aids: 'Technical aids', transport: 'Transport' },
  lv: { therapy: 'Terapija', psychological: 'Psiholoģiskais atbalsts', education_support: 'Izglītības atbalsts', assistance: 'Asistence', respite_day_care: 'Atelpa un dienas aprūpe', early_intervention: 'Agrīnā intervence', employment: 'Nodarbinātība', technical_aids: 'Tehniskie palīglīdzekļi', transport: 'Transports' },
};
const sources = {
  en: { LM: 'Ministry of Welfare', VM: 'Ministry of Health', IZM: 'Ministry of Education', MUNICIPALITY: 'Municipality', EU: 'EU project' },
  lv: { LM: 'Labklājības ministrija', VM: 'Veselības ministrija', IZM: 'Izglītības un zinātnes ministrija', MUNICIPALITY: 'Pašvaldība', EU: 'ES projekts' },
};

export const en = {
  resources: {
    assessments: {
      name: 'Needs assessment |||| Needs assessments',
      fields: { id: 'ID', childId: 'Child', version: 'Version', status: 'State', validFrom: 'Valid from', validTo: 'Valid to', reviewReminderOn: 'Review reminder', domains: 'Domains', level: 'Level', note: 'Note', createdAt: 'Created', caseManagerSignedAt: 'Case manager signed', healthSpecialistSignedAt: 'Health specialist signed', healthSpecialistName: 'Health specialist', healthSpecialistRegistrationNumber: 'Registration number', familySignedAt: 'Family signed' },
      status: { awaiting_signatures: 'Awaiting signatures', signed: 'Signed', superseded: 'Superseded' },
      signoff: { title: 'Sign-offs', missing: 'Still to sign: %{who}', complete: 'All three have signed', case_manager: 'case manager', health_specialist: 'health specialist', family: 'family', sign: 'Sign as case manager', health: 'Record health specialist sign-off', done: 'Signature saved' },
      domains: domains.en,
      levels: levels.en,
      actions: { plan: 'Draft support plan' },
    },
    'support-plans': {
      name: 'Support plan |||| Support plans',
      fields: { id: 'ID', childId: 'Child', assessmentId: 'Assessment', goals: 'Goals', text: 'What should change (in the family’s words)', services: 'Services', serviceCode: 'Service', proposedUnitsPerMonth: 'Proposed units / month', unitsPerMonth: 'Units / month', reason: 'Reason for the change', continuitySpecialist: 'Wish to keep specialist', goal: 'Goal no.', updatedAt: 'Updated' },
      actions: { basket: 'Draft basket' },
    },
    baskets: {
      name: 'Basket |||| Baskets',
      queue: 'Approval queue',
      fields: { id: 'ID', childId: 'Child', childName: 'Child', status: 'State', version: 'Version', periodStart: 'From', periodEnd: 'To', totalCents: 'Total', indicativeCents: 'Indicative', plannedCents: 'Final', allocatedCents: 'Allocated', committedCents: 'Committed', spentCents: 'Spent', availableCents: 'Available', category: 'Category', fundingSource: 'Paid by', transferable: 'Flexible', reason: 'Reason', returnComment: 'Returned with comment', municipalityCode: 'Municipality', kind: 'Movement', amountCents: 'Amount', refType: 'Cause', at: 'Time', comment: 'Comment' },
      status: { draft: 'Draft', submitted: 'Submitted', returned: 'Returned', approved: 'Approved', active: 'Active', closed: 'Closed' },
      tabs: { lines: 'Lines', ledger: 'Ledger', versions: 'Versions', reasons: 'Reasons' },
      kinds: { allocate: 'Allocated', commit: 'Committed', release: 'Released', spend: 'Spent', reverse: 'Reversed', transfer: 'Transfer' },
      actions: { submit: 'Submit for approval', approve: 'Approve', return: 'Return', amend: 'Start amendment', done: 'Saved', edit: 'Change amount', save: 'Save' },
      categories: categories.en,
      sources: sources.en,
    },
  },
  errors: {
    BUDGET_INSUFFICIENT_FUNDS: 'Not enough money left on this line.',
    BUDGET_NOTHING_COMMITTED: 'Not that much money is committed on this line.',
    BUDGET_NOTHING_SPENT: 'Not that much money was spent on this line.',
    BUDGET_ALLOCATION_BELOW_USE: 'The amount would be less than what is already committed or spent.',
    BUDGET_AMOUNT_INVALID: 'The amount is not valid.',
    BUDGET_MOVEMENT_CONFLICT: 'This movement was already recorded with another amount.',
    BUDGET_BASKET_CLOSED: 'The basket is closed.',
    BUDGET_TRANSITION_INVALID: 'The basket cannot do this in its current state.',
    BUDGET_ASSESSMENT_NOT_SIGNED: 'The needs assessment is not signed by all three parties (or has expired).',
    BUDGET_TRANSFER_NOT_ALLOWED: 'Money may move only between flexible lines of the same funding source.',
    ASSESSMENT_TRANSITION_INVALID: 'This assessment version has been replaced.',
    ASSESSMENT_ALREADY_SIGNED: 'Already signed.',
  },
};

export const lv: typeof en = {
  resources: {
    assessments: {
      name: 'Vajadzību izvērtējums |||| Vajadzību izvērtējumi',
      fields: { id: 'ID', childId: 'Bērns', version: 'Versija', status: 'Stāvoklis', validFrom: 'Derīgs no', validTo: 'Derīgs līdz', reviewReminderOn: 'Atgādinājums pārskatīt', domains: 'Jomas', level: 'Līmenis', note: 'Piezīme', createdAt: 'Izveidots', caseManagerSignedAt: 'Gadījuma vadītājs parakstīja', healthSpecialistSignedAt: 'Veselības speciālists parakstīja', healthSpecialistName: 'Veselības speciālists', healthSpecialistRegistrationNumber: 'Reģistrācijas numurs', familySignedAt: 'Ģimene parakstīja' },
      status: { awaiting_signatures: 'Gaida parakstus', signed: 'Parakstīts', superseded: 'Aizstāts' },
      signoff: { title: 'Paraksti', missing: 'Vēl jāparaksta: %{who}', complete: 'Visi trīs ir parakstījuši', case_manager: 'gadījuma vadītājam', health_specialist: 'veselības speciālistam', family: 'ģimenei', sign: 'Parakstīt kā gadījuma vadītājam', health: 'Reģistrēt veselības speciālista parakstu', done: 'Paraksts saglabāts' },
      domains: domains.lv,
      levels: levels.lv,
      actions: { plan: 'Sagatavot atbalsta plānu' },
    },
    'support-plans': {
      name: 'Atbalsta plāns |||| Atbalsta plāni',
      fields: { id: 'ID', childId: 'Bērns', assessmentId: 'Izvērtējums', goals: 'Mērķi', text: 'Kam jāmainās (ģimenes vārdiem)', services: 'Pakalpojumi', serviceCode: 'Pakalpojums', proposedUnitsPerMonth: 'Ieteiktās vienības mēnesī', unitsPerMonth: 'Vienības mēnesī', reason: 'Izmaiņu pamatojums', continuitySpecialist: 'Vēlas paturēt speciālistu', goal: 'Mērķa nr.', updatedAt: 'Atjaunots' },
      actions: { basket: 'Sagatavot grozu' },
    },
    baskets: {
      name: 'Grozs |||| Grozi',
      queue: 'Apstiprināšanas rinda',
      fields: { id: 'ID', childId: 'Bērns', childName: 'Bērns', status: 'Stāvoklis', version: 'Versija', periodStart: 'No', periodEnd: 'Līdz', totalCents: 'Kopā', indicativeCents: 'Indikatīvi', plannedCents: 'Galīgi', allocatedCents: 'Piešķirts', committedCents: 'Rezervēts', spentCents: 'Izlietots', availableCents: 'Pieejams', category: 'Kategorija', fundingSource: 'Maksā', transferable: 'Elastīga', reason: 'Pamatojums', returnComment: 'Atgriezts ar komentāru', municipalityCode: 'Pašvaldība', kind: 'Kustība', amountCents: 'Summa', refType: 'Iemesls', at: 'Laiks', comment: 'Komentārs' },
      status: { draft: 'Melnraksts', submitted: 'Iesniegts', returned: 'Atgriezts', approved: 'Apstiprināts', active: 'Aktīvs', closed: 'Slēgts' },
      tabs: { lines: 'Rindas', ledger: 'Virsgrāmata', versions: 'Versijas', reasons: 'Pamatojumi' },
      kinds: { allocate: 'Piešķirts', commit: 'Rezervēts', release: 'Atbrīvots', spend: 'Izlietots', reverse: 'Stornēts', transfer: 'Pārcelts' },
      actions: { submit: 'Iesniegt apstiprināšanai', approve: 'Apstiprināt', return: 'Atgriezt', amend: 'Sākt grozījumu', done: 'Saglabāts', edit: 'Mainīt summu', save: 'Saglabāt' },
      categories: categories.lv,
      sources: sources.lv,
    },
  },
  errors: {
    BUDGET_INSUFFICIENT_FUNDS: 'Šajā rindā nepietiek naudas.',
    BUDGET_NOTHING_COMMITTED: 'Šajā rindā nav rezervēts tik daudz naudas.',
    BUDGET_NOTHING_SPENT: 'Šajā rindā nav izlietots tik daudz naudas.',
    BUDGET_ALLOCATION_BELOW_USE: 'Summa būtu mazāka par jau rezervēto vai izlietoto.',
    BUDGET_AMOUNT_INVALID: 'Summa nav derīga.',
    BUDGET_MOVEMENT_CONFLICT: 'Šī kustība jau reģistrēta ar citu summu.',
    BUDGET_BASKET_CLOSED: 'Grozs ir slēgts.',
    BUDGET_TRANSITION_INVALID: 'Grozs pašreizējā stāvoklī to nevar.',
    BUDGET_ASSESSMENT_NOT_SIGNED: 'Vajadzību izvērtējumu nav parakstījušas visas trīs puses (vai tas ir beidzies).',
    BUDGET_TRANSFER_NOT_ALLOWED: 'Naudu drīkst pārcelt tikai starp viena finansētāja elastīgajām rindām.',
    ASSESSMENT_TRANSITION_INVALID: 'Šī izvērtējuma versija ir aizstāta.',
    ASSESSMENT_ALREADY_SIGNED: 'Jau parakstīts.',
  },
};
