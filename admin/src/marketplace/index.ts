import HandshakeIcon from '@mui/icons-material/Handshake';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import StorefrontIcon from '@mui/icons-material/Storefront';
import type { ResourceProps } from 'react-admin';
import { CatalogueEdit, CatalogueList, CatalogueShow } from './Catalogue';
import { ContractList, ContractShow } from './Contracts';
import { ProviderList, ProviderShow } from './Providers';

export const catalogue: ResourceProps = { name: 'catalogue', icon: MenuBookIcon, list: CatalogueList, show: CatalogueShow, edit: CatalogueEdit, recordRepresentation: 'nameLv' };
export const providers: ResourceProps = { name: 'providers', icon: StorefrontIcon, list: ProviderList, show: ProviderShow, recordRepresentation: 'name' };
export const contracts: ResourceProps = { name: 'contracts', icon: HandshakeIcon, list: ContractList, show: ContractShow };
