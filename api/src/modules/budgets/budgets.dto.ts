import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { FUNDING_SOURCES, SERVICE_CATEGORIES, SERVICE_CODES } from '@lidz/libs';

export class CreateAssessmentDto {
  @IsUUID() childId: string;
  @IsDateString({ strict: true }) validFrom: string;
  @IsDateString({ strict: true }) validTo: string;
  /** { mobility: { level: 2, note: "…" }, … } — checked by the assessment rules (all domains, 0–4). */
  @IsObject() domains: Record<string, { level: number; note?: string | null }>;
}

export class HealthSignoffDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsString() @Matches(/^[A-Za-z0-9-]{3,40}$/) registrationNumber: string;
}

export class PlanGoalDto {
  @IsString() @IsNotEmpty() @MaxLength(1000) text: string;
}

export class PlanServiceDto {
  @IsIn(Object.keys(SERVICE_CODES)) serviceCode: string;
  @IsInt() @Min(0) @Max(400) unitsPerMonth: number;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
  @IsOptional() @IsString() @MaxLength(200) continuitySpecialist?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(49) goal?: number | null;
}

export class CreateSupportPlanDto {
  @IsUUID() assessmentId: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlanGoalDto) goals?: PlanGoalDto[];
}

export class UpdateSupportPlanDto {
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlanGoalDto) goals: PlanGoalDto[];
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlanServiceDto) services: PlanServiceDto[];
}

export class CreateBasketDto {
  @IsUUID() supportPlanId: string;
  @IsOptional() @IsDateString({ strict: true }) periodStart?: string;
  @IsOptional() @IsDateString({ strict: true }) periodEnd?: string;
}

export class UpdateBasketLineDto {
  @IsInt() @Min(0) @Max(100_000_000) plannedCents: number;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
  @IsOptional() @IsBoolean() transferable?: boolean;
}

export class AddBasketLineDto extends UpdateBasketLineDto {
  @IsIn(SERVICE_CATEGORIES) category: string;
  @IsIn(FUNDING_SOURCES) fundingSource: string;
}

export class ReturnBasketDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) comment: string;
}

export class TransferDto {
  @IsUUID() fromLineId: string;
  @IsUUID() toLineId: string;
  @IsInt() @Min(1) @Max(100_000_000) amountCents: number;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class FundingShareDto {
  @IsIn(FUNDING_SOURCES) fundingSource: string;
  @IsInt() @Min(1) @Max(100) sharePercent: number;
  @IsBoolean() transferable: boolean;
}

/** A new dated rule for one category: the sources that pay it and their shares (adding up to 100). */
export class FundingRuleSetDto {
  @IsIn(SERVICE_CATEGORIES) category: string;
  @IsDateString({ strict: true }) validFrom: string;
  @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => FundingShareDto) sources: FundingShareDto[];
}
