import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

/** The two facts the finder needs beyond the child's record; null clears one (not known). */
export class BenefitFactsDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsBoolean() livesAtHome?: boolean | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsBoolean() attendsSchool?: boolean | null;
}

export class BenefitReceiptDto {
  @ApiProperty() @IsString() @Matches(/^[A-Z][A-Z0-9_]{1,59}$/) benefitCode: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) since?: string;
}
