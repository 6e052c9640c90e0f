import { apiRequest } from '../../api/client';

/** The marketplace endpoints (/api/offers, /api/contracts, /api/providers, /api/catalogue). Money is integer cents. */

export interface Offer {
  id: string;
  providerOrganisationId: string;
  providerName: string;
  serviceCode: string;
  serviceNameLv: string;
  serviceNameEn: string;
  category: string;
  priceCents: number;
  childUnitPriceCents: number;
  maxPriceCents: number | null;
  unitMinutes: number | null;
  deliveryMode: 'individual' | 'group';
  groupSize: number;
  municipalities: string[];
  atOurLocation: boolean;
  locationAddress: string | null;
  languages: string[];
  earliestStart: string;
  freeCapacity: number;
  description: string | null;
  active: boolean;
  visible: boolean;
  continuity: boolean;
  planUnitsPerMonth: number | null;
  specialists: { id: string; fullName: string; qualifications: string[]; languages: string[] }[];
}

export interface Contract {
  id: string;
  status: 'proposed' | 'accepted' | 'approved' | 'active' | 'ended' | 'cancelled';
  serviceCode: string;
  serviceNameLv: string;
  serviceNameEn: string;
  providerName: string;
  child: { id: string; firstName: string; lastName: string; cardStatus: string | null };
  specialists: { id: string; fullName: string }[];
  unitMinutes: number | null;
  unitPriceCents: number;
  unitsPerMonth: number;
  groupSize: number;
  validFrom: string;
  validTo: string;
  valueCents: number;
  committedCents: number;
}

export interface Specialist {
  id: string;
  fullName: string;
  registrationNumber: string;
  qualifications: string[];
  languages: string[];
  active: boolean;
}

export interface CatalogueService {
  code: string;
  nameLv: string;
  nameEn: string;
  category: string;
  unitMinutes: number | null;
  deliveryMode: 'individual' | 'group' | 'either';
  currentPrice: { referencePriceCents: number; maxPriceCents: number } | null;
}

const q = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`).join('&');

export function searchOffers(filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC']): Promise<Offer[]> {
  return apiRequest(`/api/offers?${q({ filter, sort, range: [0, 49] })}`);
}

export function myOffers(): Promise<Offer[]> {
  return apiRequest(`/api/offers?${q({ filter: { mine: true }, sort: ['createdAt', 'DESC'], range: [0, 99] })}`);
}

export function createOffer(body: Record<string, unknown>): Promise<Offer> {
  return apiRequest('/api/offers', { method: 'POST', body });
}

export function updateOffer(id: string, body: Record<string, unknown>): Promise<Offer> {
  return apiRequest(`/api/offers/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

export function catalogue(): Promise<CatalogueService[]> {
  return apiRequest(`/api/catalogue?${q({ range: [0, 99], filter: { active: true } })}`);
}

export function contracts(filter: Record<string, unknown> = {}): Promise<Contract[]> {
  return apiRequest(`/api/contracts?${q({ filter, sort: ['createdAt', 'DESC'], range: [0, 99] })}`);
}

export function proposeContract(body: { offerId: string; childId: string; unitsPerMonth: number; validFrom: string; validTo: string }): Promise<Contract> {
  return apiRequest('/api/contracts', { method: 'POST', body });
}

export function contractAction(id: string, action: 'accept' | 'cancel' | 'end', body: Record<string, unknown> = {}): Promise<Contract> {
  return apiRequest(`/api/contracts/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
}

export function specialists(providerId: string): Promise<Specialist[]> {
  return apiRequest(`/api/providers/${encodeURIComponent(providerId)}/specialists`);
}

export function addSpecialist(providerId: string, body: Record<string, unknown>): Promise<Specialist> {
  return apiRequest(`/api/providers/${encodeURIComponent(providerId)}/specialists`, { method: 'POST', body });
}

export function onboard(body: Record<string, unknown>): Promise<{ organisationId: string; status: string }> {
  return apiRequest('/api/providers/onboarding', { method: 'POST', body, auth: false });
}

export function myProvider(id: string): Promise<{ id: string; name: string; status: string }> {
  return apiRequest(`/api/providers/${encodeURIComponent(id)}`);
}

/** Euros typed by a person → integer cents, without floating-point arithmetic (NaN when not an amount). */
export function eurosToCents(text: string): number {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : NaN;
}
