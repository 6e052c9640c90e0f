import { ArrayMaxSize, IsArray, IsBase64, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CONSENT_PURPOSES, type ConsentPurpose } from './entities/consent.entity';
import { REPRESENTATIVE_RELATIONS, type RepresentativeRelation } from './entities/child-representative.entity';

const SAFE_NAME = /^(?![=+\-@])[^\u0000-\u001F\u007F\uFFFD]*$/;

export class CreateChildDto {
  @IsString() @MaxLength(12) personalCode: string;
  /** No spreadsheet formula (a leading = + - @) and no control or replacement characters: see nameProblem. */
  @IsString() @MinLength(1) @MaxLength(100) @Matches(SAFE_NAME, { message: 'safeName' }) firstName: string;
  @IsString() @MinLength(1) @MaxLength(100) @Matches(SAFE_NAME, { message: 'safeName' }) lastName: string;
  /** Needed for new-form codes; for old-form codes it must match the code. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'isDate' }) birthDate?: string;
  @IsString() @MaxLength(40) municipalityCode: string;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(10, { each: true }) languages?: string[];
  @IsOptional() @IsUUID() householdOrganisationId?: string;
}

export class ConsentDto {
  @IsIn(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @IsBoolean() granted: boolean;
}

export class CreateRepresentativeDto {
  @IsString() @MinLength(1) @MaxLength(200) fullName: string;
  @IsIn(REPRESENTATIVE_RELATIONS) relation: RepresentativeRelation;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @IsUUID() userId?: string;
}

export class AdultAccessDto {
  @IsBoolean() granted: boolean;
}

export class CsvImportDto {
  @IsOptional() @IsString() @MaxLength(200) fileName?: string;
  @IsString() @MinLength(1) csv: string;
}

export class UploadDocumentDto {
  @IsIn(['decision', 'specialist_report', 'commission_opinion', 'signed_plan', 'other']) kind: 'decision' | 'specialist_report' | 'commission_opinion' | 'signed_plan' | 'other';
  @IsString() @MinLength(1) @MaxLength(200) fileName: string;
  @IsString() @MaxLength(100) contentType: string;
  @IsBase64() @MaxLength(1_048_576) contentBase64: string;
  @IsOptional() @IsIn(['case_team', 'restricted']) visibility?: 'case_team' | 'restricted';
}

export class ShareDocumentDto {
  @IsUUID() userId: string;
}
