import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AMOUNT_KINDS, AmountKind, FREQUENCIES, Frequency, PROVIDER_KINDS, ProviderKind } from './benefits.rules';
import { DECISION_KIND_VALUES, DecisionKindValue } from './conditions.rules';

const CODE = /^[A-Z][A-Z0-9_]{1,59}$/;
const MUNICIPALITY = /^[A-Z][A-Z0-9_]{1,39}$/;

/** A situation for the public finder. Every answer is optional; a missing one makes some results "maybe". */
export class EvaluateDto {
  @ApiPropertyOptional({ description: 'Whole years (use this or birthDate)' }) @IsOptional() @IsInt() @Min(0) @Max(120) age?: number;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; the age is computed from it exactly' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  birthDate?: string;
  @ApiPropertyOptional({ enum: DECISION_KIND_VALUES }) @IsOptional() @IsIn(DECISION_KIND_VALUES) decisionKind?: DecisionKindValue;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() specialCare?: boolean;
  @ApiPropertyOptional({ description: 'Municipality code, e.g. RIGA' }) @IsOptional() @IsString() @Matches(MUNICIPALITY) municipality?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() livesAtHome?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() firstDecision?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() attendsSchool?: boolean;
  @ApiPropertyOptional({ description: 'Evaluate on this day instead of today (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  onDate?: string;
}

export class AmountVariantDto {
  @ApiProperty({ description: 'condition expression' }) @Allow() when: unknown;
  @ApiProperty() @IsInt() @Min(0) @Max(100_000_000) amountCents: number;
}

/** The fields of one benefit version; every edit sends them all and gets the next version. */
export class BenefitFieldsDto {
  @ApiProperty({ enum: PROVIDER_KINDS }) @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Matches(MUNICIPALITY) municipalityCode?: string | null;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) payerLv: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) payerEn: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) nameLv: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) nameEn: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(2000) summaryLv: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(2000) summaryEn: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(100_000_000) amountCents?: number | null;
  @ApiProperty({ enum: AMOUNT_KINDS }) @IsIn(AMOUNT_KINDS) amountKind: AmountKind;
  @ApiProperty({ enum: FREQUENCIES }) @IsIn(FREQUENCIES) frequency: Frequency;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(300) amountNoteLv?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(300) amountNoteEn?: string | null;
  @ApiPropertyOptional({ type: [AmountVariantDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AmountVariantDto)
  amountVariants?: AmountVariantDto[];
  @ApiProperty({ description: 'condition expression (see conditions.rules.ts)' }) @Allow() condition: unknown;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(4000) howToApplyLv: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(4000) howToApplyEn: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) legalBasis: string;
  @ApiProperty() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(500) officialUrl: string;
  @ApiPropertyOptional({ description: 'The day this version takes effect (default today); never in the past' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom?: string;
}

export class CreateBenefitDto extends BenefitFieldsDto {
  @ApiProperty({ example: 'RIGA_SUMMER_CAMP' }) @IsString() @Matches(CODE) code: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) changeNote?: string;
}

/**
 * A new version. react-admin sends the whole record back, so the read-only fields are accepted and
 * ignored; the reason for the change is required.
 */
export class UpdateBenefitDto extends BenefitFieldsDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(500) changeNote: string;
  @Allow() id?: unknown;
  @Allow() code?: unknown;
  @Allow() version?: unknown;
  @Allow() active?: unknown;
  @Allow() inForce?: unknown;
  @Allow() latestVersion?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() createdByUserId?: unknown;
}
