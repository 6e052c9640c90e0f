import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PROVIDER_KINDS, type ProviderKind } from './marketplace.rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGUAGE = /^[a-z]{2}$/;

export class LocationDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(120) name: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) address: string;
  @ApiProperty() @IsString() @Matches(/^[A-Z0-9_]{2,40}$/) municipalityCode: string;
}

export class ProviderProfileFieldsDto {
  @ApiPropertyOptional({ enum: PROVIDER_KINDS }) @IsOptional() @IsIn(PROVIDER_KINDS) kind?: ProviderKind;
  /** Validated in the service (field key iban: ibanChecksum …). */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) iban?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) contactPhone?: string | null;
  @ApiPropertyOptional({ type: [LocationDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LocationDto) locations?: LocationDto[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(LANGUAGE, { each: true }) languages?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string | null;
}

/** Self-service onboarding: the organisation, its first provider admin and the profile, pending approval. */
export class OnboardingDto extends ProviderProfileFieldsDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) organisationName: string;
  @ApiProperty() @IsString() @Matches(/^\d{11}$/) registrationNumber: string;
  @ApiProperty({ enum: PROVIDER_KINDS }) @IsIn(PROVIDER_KINDS) declare kind: ProviderKind;
  @ApiProperty() @IsString() @MaxLength(50) declare iban: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) adminFullName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) adminEmail: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password: string;
}

export class UpdateProviderDto extends ProviderProfileFieldsDto {
  @Allow() id?: unknown;
  @Allow() name?: unknown;
  @Allow() code?: unknown;
  @Allow() organisationId?: unknown;
  @Allow() registrationNumber?: unknown;
  @Allow() status?: unknown;
  @Allow() decidedAt?: unknown;
  @Allow() decidedByUserId?: unknown;
  @Allow() decisionNote?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
  @Allow() accreditations?: unknown;
}

export class DecisionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CreateAccreditationDto {
  @ApiProperty() @IsString() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/) serviceCode: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(60) registerNumber: string;
  @ApiProperty() @Matches(ISO_DATE) validFrom: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ISO_DATE) validTo?: string | null;
}

export class AddSpecialistDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) fullName: string;
  /** Professional register number: the one identity of a specialist across providers. */
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9-]{3,40}$/) registrationNumber: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(/^[a-z_]{2,60}$/, { each: true }) qualifications?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(LANGUAGE, { each: true }) languages?: string[];
  /** The specialist's login, a user of this provider with role specialist. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string;
}
