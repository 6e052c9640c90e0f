import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@lidz/libs';

export class CreateOrganisationDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind: OrganisationKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]{2,40}$/) code?: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]{2,40}$/) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @Allow() id?: unknown;
  @Allow() kind?: unknown;
  @Allow() createdAt?: unknown;
}
