import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@lidz/libs';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) fullName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiProperty() @IsUUID() organisationId: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password: string;
  @ApiPropertyOptional({ enum: ['lv', 'en'] }) @IsOptional() @IsIn(['lv', 'en']) locale?: 'lv' | 'en';
}

/**
 * react-admin sends the whole record back on save, so the read-only fields are accepted and ignored;
 * anything else unknown is still refused.
 */
export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ enum: ['lv', 'en'] }) @IsOptional() @IsIn(['lv', 'en']) locale?: 'lv' | 'en';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  /** Clearing a lockout is allowed (null); setting one is not. */
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsIn([null]) lockedUntil?: null;
  @Allow() id?: unknown;
  @Allow() lastLoginAt?: unknown;
  @Allow() createdAt?: unknown;
}
