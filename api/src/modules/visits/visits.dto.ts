import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MANUAL_REASONS, RESOLUTION_ACTIONS, SCAN_METHODS } from './visits.rules';
import type { ManualReason, ResolutionAction, ScanMethod } from './visits.rules';

export class LocationDto {
  @ApiProperty() @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty() @IsNumber() @Min(-180) @Max(180) lng: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) accuracy?: number;
}

export class ScanDto {
  @ApiProperty() @IsUUID() clientScanId: string;
  @ApiProperty({ enum: ['check_in', 'check_out'] }) @IsIn(['check_in', 'check_out']) kind: 'check_in' | 'check_out';
  @ApiProperty({ enum: SCAN_METHODS }) @IsIn(['qr', 'card']) method: ScanMethod;
  /** The QR text (`LV1.<card>.<step>.<code>`). */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) cardNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contractId?: string;
  @ApiProperty() @IsDateString() scannedAt: string;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
}

export class ManualVisitDto {
  @ApiProperty() @IsUUID() contractId: string;
  /** Provider admins name the specialist; a specialist enters their own visits. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() specialistId?: string;
  @ApiProperty() @IsDateString() checkInAt: string;
  @ApiProperty() @IsDateString() checkOutAt: string;
  @ApiProperty({ enum: MANUAL_REASONS }) @IsIn(MANUAL_REASONS) reason: ManualReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class DisputeDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) note: string;
}

export class ResolveExceptionDto {
  @ApiProperty({ enum: RESOLUTION_ACTIONS }) @IsIn(RESOLUTION_ACTIONS) action: ResolutionAction;
  @ApiProperty() @IsString() @MaxLength(40) resolutionCode: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) note: string;
  /** For adjust_duration: the minutes to bill (never more than the verified duration). */
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(720) minutes?: number;
  /** For convert_group: the other visits of the same session. */
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsUUID('all', { each: true }) groupVisitIds?: string[];
}

export class IssueCardDto {
  @ApiProperty() @IsUUID() childId: string;
}

export class BlockCardDto {
  @ApiProperty({ enum: ['lost', 'blocked'] }) @IsIn(['lost', 'blocked']) status: 'lost' | 'blocked';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) reason?: string;
}

export class ProvisionDeviceDto {
  @ApiProperty() @IsUUID() childId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) label: string;
}
