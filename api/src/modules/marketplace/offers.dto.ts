import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DELIVERY_MODES, type DeliveryMode } from './marketplace.rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OfferFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() priceCents?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(1440) unitMinutes?: number | null;
  @ApiPropertyOptional({ enum: DELIVERY_MODES }) @IsOptional() @IsIn(DELIVERY_MODES) deliveryMode?: DeliveryMode;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(30) groupSize?: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(43) @Matches(/^[A-Z0-9_]{2,40}$/, { each: true }) municipalities?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() atOurLocation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) locationAddress?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(/^[a-z]{2}$/, { each: true }) languages?: string[];
  @ApiPropertyOptional() @IsOptional() @Matches(ISO_DATE) earliestStart?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) freeCapacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateOfferDto extends OfferFieldsDto {
  @ApiProperty() @IsString() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/) serviceCode: string;
  @ApiProperty() @IsInt() declare priceCents: number;
  @ApiProperty({ enum: DELIVERY_MODES }) @IsIn(DELIVERY_MODES) declare deliveryMode: DeliveryMode;
  @ApiProperty() @Matches(ISO_DATE) declare earliestStart: string;
  /** Only the platform admin names the provider; a provider admin always offers for their own. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerOrganisationId?: string;
}

export class UpdateOfferDto extends OfferFieldsDto {
  @Allow() id?: unknown;
  @Allow() serviceCode?: unknown;
  @Allow() providerOrganisationId?: unknown;
  @Allow() providerName?: unknown;
  @Allow() serviceNameLv?: unknown;
  @Allow() serviceNameEn?: unknown;
  @Allow() category?: unknown;
  @Allow() visible?: unknown;
  @Allow() continuity?: unknown;
  @Allow() planUnitsPerMonth?: unknown;
  @Allow() specialists?: unknown;
  @Allow() maxPriceCents?: unknown;
  @Allow() referencePriceCents?: unknown;
  @Allow() childUnitPriceCents?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}
