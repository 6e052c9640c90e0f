import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A family's request for an offer: units per month and the period, taken from the child's plan. */
export class ProposeContractDto {
  @ApiProperty() @IsUUID() offerId: string;
  @ApiProperty() @IsUUID() childId: string;
  @ApiProperty() @IsInt() @Min(1) @Max(200) unitsPerMonth: number;
  @ApiProperty() @Matches(ISO_DATE) validFrom: string;
  @ApiProperty() @Matches(ISO_DATE) validTo: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AcceptContractDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsUUID('all', { each: true }) specialistIds: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10) cancellationNoticeWorkingDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100) cancellationFeePercent?: number;
}

export class ApproveContractDto {
  /** The basket line to commit on; by default the child's line of the service's category with money left. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() basketLineId?: string;
}

export class EndContractDto {
  /** Last day of service; today by default. */
  @ApiPropertyOptional() @IsOptional() @Matches(ISO_DATE) endDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) reason?: string;
}

export class CancelContractDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) reason?: string;
}
