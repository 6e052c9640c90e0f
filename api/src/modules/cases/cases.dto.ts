import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CONTACT_CHANNELS, type ContactChannel } from './entities/child-case.entity';

export class FirstContactDto {
  @IsDateString({ strict: true }) date: string;
  @IsIn(CONTACT_CHANNELS) channel: ContactChannel;
  @IsString() @MaxLength(500) outcome: string;
}

export class ReassignDto {
  @IsUUID() caseManagerUserId: string;
}

export class CreateDeputyDto {
  /** Whose caseload; a case manager may leave it out (their own). */
  @IsOptional() @IsUUID() caseManagerUserId?: string;
  @IsUUID() deputyUserId: string;
  @IsDateString({ strict: true }) validFrom: string;
  @IsDateString({ strict: true }) validTo: string;
}

export class CaseloadLimitDto {
  @IsInt() @Min(1) @Max(50) caseloadLimit: number;
}
