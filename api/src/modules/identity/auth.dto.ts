import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(200) refreshToken: string;
}

export class PasswordResetRequestDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty() @IsString() @MaxLength(200) token: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password: string;
}

export class UpdateMeDto {
  @ApiProperty({ enum: ['lv', 'en'] }) @IsIn(['lv', 'en']) locale: 'lv' | 'en';
}
