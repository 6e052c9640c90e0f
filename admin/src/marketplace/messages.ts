/** Catalogue, providers and contracts: spread into the `resources` and `errors` of en.ts and lv.ts. */
const contractStatus = {
  en: { proposed: 'Proposed by the family', accepted: 'Accepted by the provider', approved: 'Approved', active: 'Active', ended: 'Ended', cancelled: 'Cancelled' },
  lv: { proposed: 'Ģimene piedāvājusi', accepted: 'Sniedzējs akceptējis', approved: 'Apstiprināts', active: 'Spēkā', ended: 'Beidzies', cancelled: 'Atcelts' },
};

export const en = {
  resources: {
    catalogue: {
      name: 'Catalogue service |||| Service catalogue',
      fields: {
        code: 'Code', nameLv: 'Name (Latvian)', nameEn: 'Name (English)', category: 'Category', unitKind: 'Unit', unitMinutes: 'Unit length (min)', deliveryMode: 'Delivery', qualification: 'Who may deliver it',
        cancellationClaimable: 'Late cancellation claimable', travelClaimable: 'Travel claimable', needsQuote: 'Needs a quote', minAge: 'Minimum age', monthlyUnitCap: 'Monthly cap (units)', carryOverMonths: 'Unused units carry (months)',
        excludesRelatives: 'Not a parent or sibling', active: 'In use', referencePriceCents: 'Reference price', maxPriceCents: 'Maximum price', validFrom: 'Valid from', prices: 'Price versions', currentPrice: 'Current price',
      },
      unitKinds: { session: 'Session', hour: 'Hour', day: 'Day', item: 'Item' },
      deliveryModes: { individual: 'Individual', group: 'Group', either: 'Individual or group' },
      actions: { addPrice: 'Add price version', euros: 'EUR', saved: 'Price version saved' },
    },
    providers: {
      name: 'Provider |||| Providers',
      queue: 'Awaiting approval',
      fields: { name: 'Provider', registrationNumber: 'Registration number', kind: 'Kind', iban: 'Bank account (IBAN)', contactEmail: 'E-mail', contactPhone: 'Phone', languages: 'Languages', locations: 'Locations', description: 'Description', status: 'State', decidedAt: 'Decided', decisionNote: 'Note', accreditations: 'Accreditations', serviceCode: 'Service', registerNumber: 'Register entry', validFrom: 'Valid from', validTo: 'Valid to', createdAt: 'Registered' },
      kinds: { municipal: 'Municipal', state: 'State', private: 'Private', ngo: 'NGO' },
      status: { pending: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected', suspended: 'Suspended' },
      actions: { approve: 'Approve', reject: 'Reject', suspend: 'Suspend', done: 'Saved' },
    },
    contracts: {
      name: 'Contract |||| Contracts',
      queue: 'Approval queue',
      fields: {
        child: 'Child', providerName: 'Provider', serviceCode: 'Service', serviceNameLv: 'Service', serviceNameEn: 'Service', status: 'State', unitMinutes: 'Unit (min)', unitPriceCents: 'Unit price', unitsPerMonth: 'Units / month', groupSize: 'Group size',
        validFrom: 'From', validTo: 'To', valueCents: 'Contract value', committedCents: 'Committed', releasedCents: 'Released', specialists: 'Specialists', cancellationNoticeWorkingDays: 'Cancellation notice (working days)', cancellationFeePercent: 'Late cancellation fee (%)',
        basketImpact: 'Basket impact', availableCents: 'Available now', availableAfterCents: 'Available after approval', createdAt: 'Created', endReason: 'Reason',
      },
      status: contractStatus.en,
      actions: { approve: 'Approve and commit', cancel: 'Cancel', end: 'End today', done: 'Saved', insufficient: 'Approval would exceed the money on this line.' },
    },
  },
  errors: {
    CATALOGUE_CODE_TAKEN: 'A service with this code already exists.',
    CATALOGUE_PRICE_EXISTS: 'A price version already starts on that day.',
    PROVIDER_REGISTRATION_TAKEN: 'A provider with this registration number is already registered.',
    PROVIDER_NOT_APPROVED: 'The provider is not approved.',
    PROVIDER_NOT_ACCREDITED: 'The provider has no valid accreditation for this service.',
    OFFER_UNAVAILABLE: 'The offer is no longer available.',
    CONTRACT_TRANSITION_FORBIDDEN: 'The contract cannot do this in its current state.',
    CONTRACT_NO_BASKET_LINE: 'The child’s basket has no line for this service.',
  },
};

export const lv: typeof en = {
  resources: {
    catalogue: {
      name: 'Kataloga pakalpojums |||| Pakalpojumu katalogs',
      fields: {
        code: 'Kods', nameLv: 'Nosaukums (latviski)', nameEn: 'Nosaukums (angliski)', category: 'Kategorija', unitKind: 'Vienība', unitMinutes: 'Vienības ilgums (min)', deliveryMode: 'Sniegšanas veids', qualification: 'Kas drīkst sniegt',
        cancellationClaimable: 'Vēlu atcelšanu var apmaksāt', travelClaimable: 'Ceļu var apmaksāt', needsQuote: 'Vajag tāmi', minAge: 'Minimālais vecums', monthlyUnitCap: 'Mēneša limits (vienības)', carryOverMonths: 'Neizmantotais pāriet (mēneši)',
        excludesRelatives: 'Ne vecāks, ne brālis vai māsa', active: 'Lietošanā', referencePriceCents: 'Atsauces cena', maxPriceCents: 'Maksimālā cena', validFrom: 'Spēkā no', prices: 'Cenu versijas', currentPrice: 'Pašreizējā cena',
      },
      unitKinds: { session: 'Nodarbība', hour: 'Stunda', day: 'Diena', item: 'Vienība' },
      deliveryModes: { individual: 'Individuāli', group: 'Grupā', either: 'Individuāli vai grupā' },
      actions: { addPrice: 'Pievienot cenu versiju', euros: 'EUR', saved: 'Cenu versija saglabāta' },
    },
    providers: {
      name: 'Pakalpojumu sniedzējs |||| Pakalpojumu sniedzēji',
      queue: 'Gaida apstiprinājumu',
      fields: { name: 'Sniedzējs', registrationNumber: 'Reģistrācijas numurs', kind: 'Veids', iban: 'Bankas konts (IBAN)', contactEmail: 'E-pasts', contactPhone: 'Tālrunis', languages: 'Valodas', locations: 'Vietas', description: 'Apraksts', status: 'Stāvoklis', decidedAt: 'Izlemts', decisionNote: 'Piezīme', accreditations: 'Akreditācijas', serviceCode: 'Pakalpojums', registerNumber: 'Reģistra ieraksts', validFrom: 'Derīga no', validTo: 'Derīga līdz', createdAt: 'Reģistrēts' },
      kinds: { municipal: 'Pašvaldības', state: 'Valsts', private: 'Privāts', ngo: 'NVO' },
      status: { pending: 'Gaida apstiprinājumu', approved: 'Apstiprināts', rejected: 'Noraidīts', suspended: 'Apturēts' },
      actions: { approve: 'Apstiprināt', reject: 'Noraidīt', suspend: 'Apturēt', done: 'Saglabāts' },
    },
    contracts: {
      name: 'Līgums |||| Līgumi',
      queue: 'Apstiprināšanas rinda',
      fields: {
        child: 'Bērns', providerName: 'Sniedzējs', serviceCode: 'Pakalpojums', serviceNameLv: 'Pakalpojums', serviceNameEn: 'Pakalpojums', status: 'Stāvoklis', unitMinutes: 'Vienība (min)', unitPriceCents: 'Vienības cena', unitsPerMonth: 'Vienības mēnesī', groupSize: 'Grupas lielums',
        validFrom: 'No', validTo: 'Līdz', valueCents: 'Līguma vērtība', committedCents: 'Rezervēts', releasedCents: 'Atbrīvots', specialists: 'Speciālisti', cancellationNoticeWorkingDays: 'Atcelšanas brīdinājums (darba dienas)', cancellationFeePercent: 'Maksa par vēlu atcelšanu (%)',
        basketImpact: 'Ietekme uz grozu', availableCents: 'Pieejams tagad', availableAfterCents: 'Pieejams pēc apstiprināšanas', createdAt: 'Izveidots', endReason: 'Iemesls',
      },
      status: contractStatus.lv,
      actions: { approve: 'Apstiprināt un rezervēt', cancel: 'Atcelt', end: 'Izbeigt šodien', done: 'Saglabāts', insufficient: 'Apstiprinot tiktu pārsniegta šīs rindas nauda.' },
    },
  },
  errors: {
    CATALOGUE_CODE_TAKEN: 'Pakalpojums ar šādu kodu jau ir.',
    CATALOGUE_PRICE_EXISTS: 'Cenu versija ar šo sākuma dienu jau ir.',
    PROVIDER_REGISTRATION_TAKEN: 'Sniedzējs ar šo reģistrācijas numuru jau ir reģistrēts.',
    PROVIDER_NOT_APPROVED: 'Sniedzējs nav apstiprināts.',
    PROVIDER_NOT_ACCREDITED: 'Sniedzējam nav derīgas akreditācijas šim pakalpojumam.',
    OFFER_UNAVAILABLE: 'Piedāvājums vairs nav pieejams.',
    CONTRACT_TRANSITION_FORBIDDEN: 'Līgumu pašreizējā stāvoklī nevar mainīt šādi.',
    CONTRACT_NO_BASKET_LINE: 'Bērna grozā nav rindas šim pakalpojumam.',
  },
};
