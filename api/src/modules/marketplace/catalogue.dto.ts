import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@lidz/libs';
import { CATALOGUE_DELIVERY_MODES, type CatalogueDeliveryMode, UNIT_KINDS, type UnitKind } from './marketplace.rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CatalogueServiceFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) nameLv?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) nameEn?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) unitKind?: UnitKind;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1440) unitMinutes?: number | null;
  @ApiPropertyOptional({ enum: CATALOGUE_DELIVERY_MODES }) @IsOptional() @IsIn(CATALOGUE_DELIVERY_MODES) deliveryMode?: CatalogueDeliveryMode;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) qualification?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cancellationClaimable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() travelClaimable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsQuote?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(30) minAge?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) monthlyUnitCap?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(24) carryOverMonths?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() excludesRelatives?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateCatalogueServiceDto extends CatalogueServiceFieldsDto {
  @ApiProperty() @IsString() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/) code: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) declare nameLv: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) declare nameEn: string;
  @ApiProperty({ enum: SERVICE_CATEGORIES }) @IsIn(SERVICE_CATEGORIES) category: ServiceCategory;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) declare unitKind: UnitKind;
  @ApiProperty({ enum: CATALOGUE_DELIVERY_MODES }) @IsIn(CATALOGUE_DELIVERY_MODES) declare deliveryMode: CatalogueDeliveryMode;
  @ApiProperty() @IsInt() @Min(1) referencePriceCents: number;
  @ApiProperty() @IsInt() @Min(1) maxPriceCents: number;
  @ApiPropertyOptional() @IsOptional() @Matches(ISO_DATE) validFrom?: string;
}

export class UpdateCatalogueServiceDto extends CatalogueServiceFieldsDto {
  // react-admin sends the whole record back
  @Allow() id?: unknown;
  @Allow() code?: unknown;
  @Allow() category?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() currentPrice?: unknown;
  @Allow() prices?: unknown;
}

export class CreatePriceVersionDto {
  @ApiProperty() @Matches(ISO_DATE) validFrom: string;
  @ApiProperty() @IsInt() @Min(1) referencePriceCents: number;
  @ApiProperty() @IsInt() @Min(1) maxPriceCents: number;
}
