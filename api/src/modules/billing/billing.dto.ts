import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class StartRunDto {
  @ApiProperty({ example: '2026-11' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'isMonth' }) month: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) municipalityCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerOrganisationId?: string;
}

export class CreateBatchDto {
  @ApiProperty({ example: 'LM' }) @Matches(/^(LM|VM|IZM|EU|MUNICIPALITY:[A-Z0-9_]{2,36})$/, { message: 'isPayerKey' }) payerKey: string;
  @ApiPropertyOptional({ example: '2026-12-03' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'isDate' }) executionDate?: string;
}

export class OnboardingDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) returnUrl?: string;
}

/** A bank's camt.054 notification, as text (the API speaks JSON). */
export class Camt054Dto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(900_000) xml: string;
}
